import VerifiableCredentials

/// The CME domain on top of ``VerifiableCredentials``: activity records, CME credentials, rules and reports.
public enum CMECredentials {
    /// The version of the cmevc tool and libraries.
    public static let version = "0.1.0"
}
