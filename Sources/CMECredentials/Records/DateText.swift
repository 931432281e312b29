import Foundation

/// Strict parsing of the dates records use: `YYYY-MM-DD` and RFC 3339 date-times.
enum DateText {
    /// Whether `text` is a real calendar date `YYYY-MM-DD` (leap years honoured).
    static func isDate(_ text: String) -> Bool {
        components(text) != nil
    }

    /// The UTC instant of a date (midnight) or an RFC 3339 date-time (`2026-03-01T13:00:00Z`,
    /// `…T13:00:00.5-05:00`); `nil` for anything else.
    static func instant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let (year, month, day) = components(String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        var seconds = daysFromCivil(year: year, month: month, day: day) * 86_400
        if bytes.count == 10 { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
            let second = number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        seconds += hour * 3600 + minute * 60 + second
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > start, index - start <= 9 else { return nil }
            fraction = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self)) ?? 0
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") {
            guard index + 1 == bytes.count else { return nil }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHours = number(bytes[(index + 1)..<(index + 3)]),
                let offsetMinutes = number(bytes[(index + 4)..<(index + 6)]), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            let offset = offsetHours * 3600 + offsetMinutes * 60
            seconds += bytes[index] == UInt8(ascii: "+") ? -offset : offset
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    /// The text as an RFC 3339 date-time: a date becomes midnight UTC, a date-time stays as written.
    static func dateTime(_ text: String) -> String {
        text.utf8.count == 10 ? text + "T00:00:00Z" : text
    }

    private static func components(_ text: String) -> (Int, Int, Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return (year, month, day)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
