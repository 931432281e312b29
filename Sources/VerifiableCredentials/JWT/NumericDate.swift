public import Foundation

/// JWT `NumericDate` (RFC 7519 §2): seconds since 1970-01-01T00:00:00Z UTC, possibly with a fraction.
public enum NumericDate {
    /// The date of a `NumericDate` claim value, or `nil` when it is not a number of seconds between
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (the years a `dateTimeStamp` can write: a claim of
    /// 1e300 seconds is no date, and nothing downstream should have to handle one).
    public static func date(_ value: JSONValue) -> Date? {
        guard let seconds = value.numberValue, DateTimeStamp.representableSeconds.contains(seconds) else {
            return nil
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The claim value for `date`: whole seconds (the fraction is dropped, as most JWT libraries do).
    public static func value(_ date: Date) -> JSONValue {
        .number(date.timeIntervalSince1970.rounded(.down))
    }

    /// Whether two instants fall in the same second (a `NumericDate` and a `dateTimeStamp` written without
    /// fractions name the same time this way).
    static func sameSecond(_ a: Date, _ b: Date) -> Bool {
        a.timeIntervalSince1970.rounded(.down) == b.timeIntervalSince1970.rounded(.down)
    }

    /// `date` as an XML Schema `dateTimeStamp`, with milliseconds only when it has a fraction of a second.
    static func stamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        return DateTimeStamp.format(date, milliseconds: seconds != seconds.rounded(.down))
    }
}
