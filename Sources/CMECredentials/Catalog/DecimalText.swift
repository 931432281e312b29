import Foundation
import VerifiableCredentials

/// Exact decimal amounts for credits: parsed from text, never through binary floating point.
enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The value of a plain decimal such as `3`, `1.5` or `.25`; `nil` for anything else (signs, exponents,
    /// commas, several dots).
    static func decimal(_ text: String) -> Decimal? {
        var digitsBefore = 0
        var digitsAfter = 0
        var seenDot = false
        var significand: UInt64 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenDot { digitsAfter += 1 } else { digitsBefore += 1 }
                guard digitsBefore <= 9, digitsAfter <= 9 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."):
                if seenDot { return nil }
                seenDot = true
            default:
                return nil
            }
        }
        guard digitsBefore + digitsAfter > 0 else { return nil }
        // At most 18 digits fit the significand exactly; trailing fractional zeros carry no value.
        while digitsAfter > 0, significand % 10 == 0, significand > 0 {
            significand /= 10
            digitsAfter -= 1
        }
        if significand == 0 { return Decimal(0) }
        return Decimal(sign: .plus, exponent: -digitsAfter, significand: Decimal(significand))
    }

    /// The exact decimal a JSON number was written as (shortest round-trip digits), if it is a plain decimal.
    static func decimal(fromJSONNumber number: Double) -> Decimal? {
        guard number.isFinite, number >= 0 else { return nil }
        return decimal(number.ecmaScriptString)
    }

    /// Whether `value` is a whole multiple of `step`.
    static func isMultiple(_ value: Decimal, of step: Decimal) -> Bool {
        guard step > 0 else { return true }
        // Credit amounts and steps are small: compare them as integers at a common scale (a Decimal
        // division and rounding cost about 2 µs, several times per record).
        if let amount = parts(value), let unit = parts(step), unit.significand > 0 {
            let exponent = min(amount.exponent, unit.exponent)
            if let scaledAmount = scaled(amount.significand, by: amount.exponent - exponent),
                let scaledUnit = scaled(unit.significand, by: unit.exponent - exponent)
            {
                return scaledAmount % scaledUnit == 0
            }
        }
        var quotient = value / step
        var rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .plain)
        return rounded == quotient
    }

    /// A non-negative finite value as an integer significand (up to 64 bits) times a power of ten; `nil` for
    /// anything larger, negative or not a number.
    static func parts(_ value: Decimal) -> (significand: UInt64, exponent: Int)? {
        guard value.isFinite, value.sign == .plus else { return nil }
        // Bounded through a Double (a Decimal comparison cost about four times the conversion in a one-off
        // micro-benchmark): anything near 10^18 or above is refused, so the conversion below is exact.
        let significand = NSDecimalNumber(decimal: value.significand)
        guard significand.doubleValue < 9e17 else { return nil }
        return (UInt64(truncating: significand), value.exponent)
    }

    /// `significand × 10^power`, or `nil` when it does not fit 64 bits.
    private static func scaled(_ significand: UInt64, by power: Int) -> UInt64? {
        guard power >= 0 else { return nil }
        var result = significand
        for _ in 0..<power {
            let (product, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = product
        }
        return result
    }

    /// The amount as credentials and diagnostics write it: `3`, `1.5`, `0.25`.
    static func string(_ value: Decimal) -> String {
        if let plain = plainString(value) { return plain }
        var copy = value
        return NSDecimalString(&copy, posix)
    }

    /// `NSDecimalString`'s text for the amounts credits use (up to 18 significant digits, exponent −18…18),
    /// without its cost (about 0.7 µs a call, several per credential); `nil` for anything else.
    static func plainString(_ value: Decimal) -> String? {
        // `parts` keeps to finite, non-negative values with at most 18 digits.
        guard let (significand, exponent) = parts(value), exponent <= 18, exponent >= -18 else { return nil }
        var digits = significand
        var scale = -exponent
        // A whole number may be held as digits times a power of ten (`20` as 2 × 10¹).
        while scale < 0 {
            guard digits <= UInt64(999_999_999_999_999_999) / 10 else { return nil }
            digits *= 10
            scale += 1
        }
        // Trailing fractional zeros carry no value (`3.00` is written `3`).
        while scale > 0, digits % 10 == 0 {
            digits /= 10
            scale -= 1
        }
        var text = String(digits)
        if scale > 0 {
            if text.utf8.count <= scale { text = String(repeating: "0", count: scale - text.utf8.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return text
    }

    /// The amount as a JSON number: the double nearest to it, as parsing its text gives.
    static func double(_ value: Decimal) -> Double {
        // A significand below 2^53 and a power of ten up to 10^22 are both exact doubles, and one IEEE division
        // or multiplication of exact operands rounds correctly: the same double as parsing the text, without
        // writing it (with the bound above, time under Decimal code in a perf profile of issuing went from 2.8 to
        // 1.2 µs per credential).
        if let (significand, exponent) = parts(value), significand < 1 << 53, (-22...22).contains(exponent) {
            let power = powersOfTen[abs(exponent)]
            return exponent < 0 ? Double(significand) / power : Double(significand) * power
        }
        return Double(string(value)) ?? NSDecimalNumber(decimal: value).doubleValue
    }

    /// 10^0 … 10^22, every one an exact double.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }
}
