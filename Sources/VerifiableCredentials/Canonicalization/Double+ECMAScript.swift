extension Double {
    /// The number as ECMAScript's `Number.prototype.toString()` writes it (RFC 8785 §3.2.2.3).
    ///
    /// Swift's `description` already gives the shortest digits that round-trip; this lays those digits out
    /// by the ECMAScript rules (plain notation from 1e-6 up to 1e21, otherwise `1e-7` / `1e+21`).
    /// Non-finite values have no JSON form and are written as `null`; callers reject them first.
    public var ecmaScriptString: String {
        guard isFinite else { return "null" }
        if self == 0 { return "0" }
        // Integers below 2^53 are exact and print as plain digits.
        if self == rounded(.towardZero), abs(self) < 9_007_199_254_740_992 { return String(Int64(self)) }
        let (digits, exponent) = Self.shortestDigits(of: abs(self))
        let sign = self < 0 ? "-" : ""
        let k = digits.count
        let n = exponent  // value = 0.d1d2…dk × 10^n
        if k <= n && n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let cut = digits.index(digits.startIndex, offsetBy: n)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let e = n - 1
        let exponentText = e < 0 ? "e-\(-e)" : "e+\(e)"
        if k == 1 { return sign + digits + exponentText }
        let first = digits.index(after: digits.startIndex)
        return sign + digits[..<first] + "." + digits[first...] + exponentText
    }

    /// The shortest round-trip decimal digits (no leading or trailing zeros) and the exponent `n` such that
    /// the value is `0.digits × 10^n`, read from Swift's own shortest representation.
    static func shortestDigits(of value: Double) -> (digits: String, exponent: Int) {
        let text = value.description  // e.g. "123.45", "1e-07", "1.2345e+20", "5e-324"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var pointPosition = integerPart.count + exponent  // digits before the decimal point
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, pointPosition)
    }
}
