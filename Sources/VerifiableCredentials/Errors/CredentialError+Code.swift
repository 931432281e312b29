extension CredentialError {
    /// A stable identifier for a kind of error. New codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name, as printed in JSON reports.
        public let name: String

        /// Creates a code; library extensions may define their own.
        public init(_ name: String) { self.name = name }

        public var description: String { name }

        // JSON
        public static let invalidJSON = Code("invalidJSON")
        public static let duplicateKey = Code("duplicateKey")
        public static let invalidUTF8 = Code("invalidUTF8")
        public static let loneSurrogate = Code("loneSurrogate")
        public static let nestingTooDeep = Code("nestingTooDeep")
        public static let documentTooLarge = Code("documentTooLarge")
        public static let trailingContent = Code("trailingContent")
        public static let numberOutOfRange = Code("numberOutOfRange")
        /// A JSON value had the wrong shape (for example a string where an object was required).
        public static let unexpectedJSON = Code("unexpectedJSON")

        // Encodings and keys
        public static let invalidMultibase = Code("invalidMultibase")
        public static let invalidBase58 = Code("invalidBase58")
        public static let invalidMultikey = Code("invalidMultikey")
        public static let unsupportedKeyType = Code("unsupportedKeyType")
        public static let invalidKey = Code("invalidKey")
        public static let invalidKeyFile = Code("invalidKeyFile")
        public static let wrongPassphrase = Code("wrongPassphrase")
        public static let passphraseRequired = Code("passphraseRequired")
        public static let fileExists = Code("fileExists")
        public static let io = Code("io")

        // DIDs
        public static let invalidDID = Code("invalidDID")
        public static let unresolvableDID = Code("unresolvableDID")

        // Canonicalization and JSON-LD
        public static let canonicalization = Code("canonicalization")
        public static let unknownContext = Code("unknownContext")
        public static let invalidContext = Code("invalidContext")
        public static let jsonLD = Code("jsonLD")
        public static let workLimitExceeded = Code("workLimitExceeded")

        // Proofs
        public static let unknownCryptosuite = Code("unknownCryptosuite")
        public static let keyTypeMismatch = Code("keyTypeMismatch")
        public static let invalidProofValue = Code("invalidProofValue")
        public static let invalidSignatureLength = Code("invalidSignatureLength")
        public static let invalidProof = Code("invalidProof")
        public static let signingFailed = Code("signingFailed")

        // Status lists
        public static let invalidStatusList = Code("invalidStatusList")
        public static let compression = Code("compression")
    }
}
