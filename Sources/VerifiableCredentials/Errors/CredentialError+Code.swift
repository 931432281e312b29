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

extension CredentialError.Code {
    // Data Integrity proofs (in addition to those above)
    public static let missingProof = Self("missingProof")
    public static let malformedProof = Self("malformedProof")
    /// The signature does not verify: the document or the proof changed after signing.
    public static let signatureMismatch = Self("signatureMismatch")
    /// The signature does not verify although other proofs show the document intact: the proof itself changed.
    public static let proofModified = Self("proofModified")
    /// No proof verifies the document although each proof is well-formed: the document changed after signing.
    public static let documentModified = Self("documentModified")
    public static let proofPurposeMismatch = Self("proofPurposeMismatch")
    public static let challengeMismatch = Self("challengeMismatch")
    public static let domainMismatch = Self("domainMismatch")
    public static let proofExpired = Self("proofExpired")
    public static let proofNotYetValid = Self("proofNotYetValid")
    public static let previousProofMissing = Self("previousProofMissing")
    public static let contextMismatch = Self("contextMismatch")
    public static let unresolvableVerificationMethod = Self("unresolvableVerificationMethod")
}
