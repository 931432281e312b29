/// A National Provider Identifier: 10 digits whose last digit is the Luhn check digit computed over the
/// prefix `80840` followed by the first nine digits (CMS NPI check-digit rule).
public struct NPI: Sendable, Hashable, CustomStringConvertible {
    /// The 10 digits.
    public let digits: String

    /// Parses an NPI; `nil` unless it is 10 ASCII digits starting with 1 or 2 with a valid check digit.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes.allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[0] == UInt8(ascii: "1") || bytes[0] == UInt8(ascii: "2"),
            Self.luhnValid(Array("80840".utf8) + bytes)
        else { return nil }
        digits = text
    }

    /// Whether ASCII digits pass the Luhn check (the last digit is the check digit).
    static func luhnValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, byte) in digits.reversed().enumerated() {
            var value = Int(byte) - 0x30
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    public var description: String { digits }
}

/// A state medical license: a USPS state code and the license number, written `CA:A123456`.
public struct StateLicense: Sendable, Hashable, CustomStringConvertible {
    /// The two-letter USPS code, upper case.
    public let state: String
    /// The license number, upper case.
    public let number: String

    /// Parses `ST:NUMBER`; the state must be a US state, DC or territory; the number 1–30 letters, digits or `-`.
    public init?(_ text: String) {
        let parts = text.fields(separatedBy: UInt8(ascii: ":"))
        guard parts.count == 2 else { return nil }
        let state = parts[0].uppercased()
        let number = parts[1].uppercased()
        guard Self.jurisdictions.contains(state), IdentifierText.isCode(number, maxLength: 30) else { return nil }
        self.state = state
        self.number = number
    }

    public var description: String { "\(state):\(number)" }

    /// USPS codes of the states, DC and the territories with medical boards.
    static let jurisdictions: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU",
        "AS", "MP",
    ]
}

/// A certifying-board identifier, written `ABIM:123456`.
public struct BoardIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The board's acronym, upper case (`ABIM`, `ABP`, `AOBIM`).
    public let board: String
    /// The learner's id at that board.
    public let number: String

    /// Parses `BOARD:ID`: a 2–10 letter acronym and an id of 1–30 letters, digits or `-`.
    public init?(_ text: String) {
        let parts = text.fields(separatedBy: UInt8(ascii: ":"))
        guard parts.count == 2 else { return nil }
        let board = parts[0].uppercased()
        let number = parts[1].uppercased()
        guard (2...10).contains(board.utf8.count), board.utf8.allSatisfy({ (0x41...0x5A).contains($0) }),
            IdentifierText.isCode(number, maxLength: 30)
        else { return nil }
        self.board = board
        self.number = number
    }

    public var description: String { "\(board):\(number)" }
}

/// A month and day of birth, written `MM-DD` (PARS and CPE Monitor ask no year).
public struct MonthDay: Sendable, Hashable, CustomStringConvertible {
    /// 1–12.
    public let month: Int
    /// 1–31, valid for the month (February 29 allowed).
    public let day: Int

    /// Parses `MM-DD` with two digits each.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: "-"),
            let month = Int(text.prefix(2)), let day = Int(text.suffix(2)),
            bytes[0...1].allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[3...4].allSatisfy({ (0x30...0x39).contains($0) }),
            (1...12).contains(month)
        else { return nil }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        self.month = month
        self.day = day
    }

    public var description: String {
        (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}

/// Checks shared by the identifier parsers.
enum IdentifierText {
    /// 1…`maxLength` ASCII letters, digits or `-`.
    static func isCode(_ text: String, maxLength: Int) -> Bool {
        (1...maxLength).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-")
            }
    }

    /// A plausible e-mail address, lower-cased: one `@`, a local part, a domain with a dot, no spaces.
    static func email(_ text: String) -> String? {
        guard text.utf8.count <= 254, !Self.hasWhitespace(text) else { return nil }
        let parts = text.fields(separatedBy: UInt8(ascii: "@"))
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return nil }
        return text.lowercased()
    }

    /// Whether the text has a Unicode white space character; ASCII text (nearly every address) is checked byte
    /// by byte instead of through Unicode character properties.
    static func hasWhitespace(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { return true }
        }
        return ascii ? false : text.contains(where: { $0.isWhitespace })
    }

    /// A syntactically valid DID (`did:method:id`), as given.
    static func did(_ text: String) -> String? {
        let parts = text.fields(separatedBy: UInt8(ascii: ":"), maxSplits: 2)
        guard parts.count == 3, parts[0] == "did", !parts[1].isEmpty, !parts[2].isEmpty, text.utf8.count <= 2048,
            parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }),
            !parts[2].hasSuffix(":"),
            parts[2].utf8.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "%")
            })
        else { return nil }
        return text
    }
}
