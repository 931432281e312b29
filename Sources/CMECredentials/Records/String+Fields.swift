extension String {
    /// The parts between `separator` bytes (an ASCII separator), empty parts kept; at most `maxSplits` splits.
    ///
    /// Works on UTF-8 bytes, which is exact for ASCII separators and much faster than splitting Characters.
    func fields(separatedBy separator: UInt8, maxSplits: Int = Int.max) -> [String] {
        utf8.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
    }

    /// The string without leading and trailing spaces, tabs, line breaks and no-break spaces.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
            let last = scalars.lastIndex(where: { !Self.isSpace($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Whether the text has a C0 or C1 control character other than those in `allowed` (checked on bytes).
    func containsControlCharacter(allowing allowed: Set<UInt8> = []) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F {
                if !allowed.contains(byte) { return true }
            } else if previous == 0xC2, (0x80...0x9F).contains(byte) {
                return true  // U+0080…U+009F
            }
            previous = byte
        }
        return false
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}"
    }
}
