public import Foundation

/// A registry date: a calendar date (`2028-06-30`) or a date-time (`2026-12-31T23:59:59Z`), text kept as written.
///
/// A calendar date used as the end of a window covers that whole day (``end``), as people mean it.
public struct RegistryDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text exactly as written.
    public let text: String
    /// The first instant the value names (midnight UTC for a calendar date).
    public let start: Date
    /// Whether the value is a calendar date without a time.
    public let isCalendarDate: Bool

    /// Parses a date or date-time; `nil` when it is neither.
    public init?(_ text: String) {
        if text.count == 10, let date = DateTimeStamp.parseDate(text) {
            self.start = date
            self.isCalendarDate = true
        } else if let stamp = DateTimeStamp(text) {
            self.start = stamp.date
            self.isCalendarDate = false
        } else {
            return nil
        }
        self.text = text
    }

    /// A date-time for `date` written in UTC to whole seconds.
    public init(_ date: Date) {
        let stamp = DateTimeStamp(date)
        self.text = stamp.text
        self.start = stamp.date
        self.isCalendarDate = false
    }

    /// The last instant the value covers when it closes a window: the end of the day for a calendar date.
    public var end: Date { isCalendarDate ? start.addingTimeInterval(86_400 - 0.001) : start }

    public var description: String { text }
    public static func < (lhs: RegistryDate, rhs: RegistryDate) -> Bool { lhs.start < rhs.start }
}
