public import Foundation
public import VerifiableCredentials

/// Durations such as `7d`, `24h`, `30m`, `90s` (a bare number is seconds).
public enum DurationText {
    /// The seconds `text` stands for.
    ///
    /// - Throws: ``CredentialError`` `invalidDuration` unless `text` is a positive whole number followed by
    ///   `d`, `h`, `m` or `s` (or nothing).
    public static func seconds(_ text: String) throws(CredentialError) -> TimeInterval {
        let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        var digits = Substring(text)
        var unit = 1.0
        if let last = text.last, let scale = units[last] {
            digits = text.dropLast()
            unit = scale
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value > 0,
            value <= 36_500 * 86_400
        else {
            throw CredentialError(
                .invalidDuration, "expected a duration such as 7d, 24h, 30m or 90s, found \"\(text)\"")
        }
        return Double(value) * unit
    }
}
