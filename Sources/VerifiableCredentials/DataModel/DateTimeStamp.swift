public import Foundation

/// An XML Schema `dateTimeStamp` (as VC 2.0 and Data Integrity use), parsed strictly.
///
/// Accepts `YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)`; a value without an offset is read as UTC, as Data
/// Integrity allows. The original text is kept, because signed fields are never re-formatted.
public struct DateTimeStamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The instant.
    public let date: Date
    /// The text exactly as written.
    public let text: String

    /// Parses `text`; returns `nil` when it is not a valid date-time.
    public init?(_ text: String) {
        guard let date = Self.parse(Array(text.utf8)) else { return nil }
        self.date = date
        self.text = text
    }

    /// A timestamp for `date`, written in UTC to whole seconds (`2026-03-02T00:00:00Z`).
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        self.date = Date(timeIntervalSince1970: seconds)
        self.text = Self.format(self.date)
    }

    public var description: String { text }

    public static func < (lhs: DateTimeStamp, rhs: DateTimeStamp) -> Bool { lhs.date < rhs.date }
    public static func == (lhs: DateTimeStamp, rhs: DateTimeStamp) -> Bool { lhs.date == rhs.date }
    public func hash(into hasher: inout Hasher) { hasher.combine(date) }

    /// Seconds since 1970 from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z: the instants with a
    /// four-digit year.
    public static let representableSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799.999

    /// `date` as `YYYY-MM-DDThh:mm:ssZ` in UTC.
    public static func format(_ date: Date) -> String {
        format(date, milliseconds: false)
    }

    /// `date` in UTC as `YYYY-MM-DDThh:mm:ssZ`, or with `milliseconds` as `YYYY-MM-DDThh:mm:ss.sssZ`.
    ///
    /// Pure arithmetic (no `Calendar` or formatter is created), so it is cheap on hot paths.
    public static func format(_ date: Date, milliseconds: Bool) -> String {
        // A date outside the years 1–9999 is written as the nearest end of that range (never a trap on a
        // number too large for an Int).
        let interval = min(
            max(date.timeIntervalSince1970, representableSeconds.lowerBound), representableSeconds.upperBound)
        let totalMilliseconds = Int((interval * 1000).rounded())
        var seconds = totalMilliseconds >= 0 ? totalMilliseconds / 1000 : (totalMilliseconds - 999) / 1000
        let millis = totalMilliseconds - seconds * 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        seconds -= days * 86_400
        let (year, month, day) = civilFromDays(days)
        // Every field has a fixed width (the year is 1–9999), so the text is written digit by digit into one
        // buffer and made a string once.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / divisor % 10))
                divisor /= 10
            }
        }
        func append(_ separator: Unicode.Scalar) { bytes.append(UInt8(ascii: separator)) }
        append(year, 4)
        append("-")
        append(month, 2)
        append("-")
        append(day, 2)
        append("T")
        append(seconds / 3600, 2)
        append(":")
        append(seconds / 60 % 60, 2)
        append(":")
        append(seconds % 60, 2)
        if milliseconds {
            append(".")
            append(millis, 3)
        }
        append("Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The civil date of a day count since 1970-01-01 (H. Hinnant's algorithm).
    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A plain calendar date `YYYY-MM-DD` read as midnight UTC.
    public static func parseDate(_ text: String) -> Date? {
        parse(Array((text + "T00:00:00Z").utf8))
    }

    private static func parse(_ b: [UInt8]) -> Date? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count >= 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour <= 24, minute <= 59, second <= 59,
            hour < 24 || (minute == 0 && second == 0)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                fraction += Double(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        if index < b.count {
            if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
                index += 1
            } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
                guard index + 6 == b.count, b[index + 3] == UInt8(ascii: ":"),
                    let oh = number(index + 1..<index + 3), let om = number(index + 4..<index + 6), oh <= 14, om <= 59
                else { return nil }
                offsetSeconds = (oh * 3600 + om * 60) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
                index += 6
            } else {
                return nil
            }
        }
        guard index == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
