/// The password-based key derivation used to encrypt a key file (PBES2, RFC 8018).
///
/// Reading accepts scrypt and PBKDF2 with HMAC-SHA-1/256/384/512 whatever the parameters (within
/// the safety limits ``maximumScryptMemory`` and ``maximumPBKDF2Iterations``); this choice only
/// affects writing.
public enum PBES2KDF: Sendable, Hashable {
    /// scrypt (RFC 7914): `cost` is N (a power of two greater than 1), `blockSize` r, `parallelization` p.
    case scrypt(cost: Int, blockSize: Int, parallelization: Int)
    /// PBKDF2 with HMAC-SHA-256 (RFC 8018 §5.2).
    case pbkdf2(iterations: Int)

    /// scrypt with N = 2^14, r = 8, p = 1 (16 MiB of memory per derivation).
    ///
    /// This is the largest N with r = 8 that OpenSSL 3.0 accepts when it reads the file: its scrypt memory
    /// limit is 32 MiB, and N = 2^15 needs slightly more.
    public static let `default` = PBES2KDF.scrypt(cost: 1 << 14, blockSize: 8, parallelization: 1)

    /// PBKDF2-HMAC-SHA-256 with 600,000 iterations (the OWASP recommendation for SHA-256).
    public static let pbkdf2Recommended = PBES2KDF.pbkdf2(iterations: 600_000)

    /// The most memory a key file may ask scrypt to use when it is read (1 GiB).
    public static let maximumScryptMemory = 1 << 30
    /// The most PBKDF2 iterations a key file may ask for when it is read.
    public static let maximumPBKDF2Iterations = 10_000_000

    /// Checks the parameters before they are used, so a hostile file cannot exhaust memory or time.
    func validate() throws(CredentialError) {
        switch self {
        case .scrypt(let n, let r, let p):
            guard n > 1, n & (n - 1) == 0, r > 0, p > 0, r <= 1024, p <= 1024,
                n.multipliedReportingOverflow(by: 128 * r * p).overflow == false,
                128 * n * r * p <= Self.maximumScryptMemory
            else {
                throw CredentialError(
                    .invalidKeyFile,
                    "the scrypt parameters N=\(n), r=\(r), p=\(p) are invalid or need more than 1 GiB of memory")
            }
        case .pbkdf2(let iterations):
            guard iterations > 0, iterations <= Self.maximumPBKDF2Iterations else {
                throw CredentialError(
                    .invalidKeyFile,
                    "PBKDF2 with \(iterations) iterations is outside 1…\(Self.maximumPBKDF2Iterations)")
            }
        }
    }
}
