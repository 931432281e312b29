/// A calendar date (proleptic Gregorian, no time zone) with the month and day arithmetic rule cycles need.
public struct RuleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts; `nil` unless it is a real calendar date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(ofMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date written `YYYY-MM-DD`, or the date part of an RFC 3339 date-time; `nil` for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            text.utf8.count == 10 || DateText.instant(text) != nil,
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
            let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: RuleDate, rhs: RuleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The date `months` calendar months later (or earlier), the day clamped to the end of a shorter month.
    public func adding(months: Int) -> RuleDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, Self.length(ofMonth: newMonth, year: newYear))
        return RuleDate(unchecked: newYear, newMonth, newDay)
    }

    /// The date `days` days later (or earlier).
    public func adding(days: Int) -> RuleDate {
        Self.civil(fromDays: dayNumber + days)
    }

    /// The last day of this date's month.
    public var endOfMonth: RuleDate {
        RuleDate(unchecked: year, month, Self.length(ofMonth: month, year: year))
    }

    /// Whole calendar months from `self` to `later` (negative when `later` is earlier).
    public func months(until later: RuleDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if months > 0, later.day < day { months -= 1 }
        if months < 0, later.day > day { months += 1 }
        return months
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func civil(fromDays days: Int) -> RuleDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return RuleDate(unchecked: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}

/// An inclusive range of dates.
public struct DateWindow: Sendable, Hashable, CustomStringConvertible {
    /// The first day that counts; `nil` for no lower bound.
    public var start: RuleDate?
    /// The last day that counts.
    public var end: RuleDate

    public init(start: RuleDate?, end: RuleDate) {
        self.start = start
        self.end = end
    }

    /// Whether `date` falls in the window.
    public func contains(_ date: RuleDate) -> Bool {
        date <= end && (start.map { $0 <= date } ?? true)
    }

    public var description: String { "\(start?.description ?? "…") to \(end)" }
}
