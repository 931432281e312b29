import Foundation
import VerifiableCredentials

/// The ledger's text form of instants: RFC 3339 in UTC with milliseconds (`2026-01-31T09:30:00.000Z`),
/// which sorts as text and hashes the same on every platform.
///
/// Formatting and parsing are plain arithmetic (``DateTimeStamp``): no `ISO8601DateFormatter` is created
/// per call, which used to dominate the cost of recording a credential.
enum LedgerTime {
    static func format(_ date: Date) -> String {
        DateTimeStamp.format(date, milliseconds: true)
    }

    static func parse(_ text: String) -> Date? {
        DateTimeStamp(text)?.date
    }
}

extension LedgerTime {
    /// Formats instants for a writer that records many rows with the same time (a batch shares its issue
    /// time): the last instant's text is kept and reused.
    struct Formatter {
        private var last: (date: Date, text: String)?

        mutating func format(_ date: Date) -> String {
            if let last, last.date == date { return last.text }
            let text = LedgerTime.format(date)
            last = (date, text)
            return text
        }
    }
}
