import Foundation

/// The ledger's text form of instants: RFC 3339 in UTC with milliseconds (`2026-01-31T09:30:00.000Z`),
/// which sorts as text and hashes the same on every platform.
enum LedgerTime {
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
