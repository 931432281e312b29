// Codes for the issuer key registry and for full (registry-backed) verification.

extension CredentialError.Code {
    // Registry file
    /// The registry file does not follow `cme-issuer-registry/1` (the message names the JSON Pointer).
    public static let invalidRegistry = Self("invalidRegistry")
    /// The registry's operator signature is missing although `--registry-key` requires one.
    public static let registryUnsigned = Self("registryUnsigned")
    /// The registry's operator signature does not verify, or was made by another key.
    public static let registrySignatureInvalid = Self("registrySignatureInvalid")
    /// A registry command named an issuer or key that is not in the registry.
    public static let registryEntryNotFound = Self("registryEntryNotFound")
    /// A registry command would add an issuer or key that is already there.
    public static let registryEntryExists = Self("registryEntryExists")

    // Issuer and key trust
    public static let issuerNotRegistered = Self("issuerNotRegistered")
    public static let keyNotRegistered = Self("keyNotRegistered")
    /// The verification method's controller is not the credential's issuer (or the presentation's holder).
    public static let controllerMismatch = Self("controllerMismatch")
    public static let keyNotYetValid = Self("keyNotYetValid")
    public static let keyExpired = Self("keyExpired")
    public static let keyRevoked = Self("keyRevoked")
    /// The proof is dated on or after the key's `compromisedSince`.
    public static let keyCompromised = Self("keyCompromised")
    /// The proof is dated before a compromised key's `compromisedSince` (or, without it, its revocation): whoever
    /// held the key could have backdated it, so the check is unknown until a person confirms the credential.
    public static let keyCompromiseReview = Self("keyCompromiseReview")
    /// A registry check needs the proof's `created` time.
    public static let proofTimeMissing = Self("proofTimeMissing")
    public static let issuerNotAccredited = Self("issuerNotAccredited")
    public static let creditTypeNotAllowed = Self("creditTypeNotAllowed")

    // Credential structure and validity
    public static let invalidCredential = Self("invalidCredential")
    public static let credentialNotYetValid = Self("credentialNotYetValid")
    public static let credentialExpired = Self("credentialExpired")

    // Status
    public static let statusListMissing = Self("statusListMissing")
    public static let statusListNotAllowed = Self("statusListNotAllowed")
    public static let statusListIssuerMismatch = Self("statusListIssuerMismatch")
    public static let statusListStale = Self("statusListStale")
    public static let statusListExpired = Self("statusListExpired")
    /// A status list whose `validFrom` (or JWT `nbf`) is after the time of the check.
    public static let statusListNotYetValid = Self("statusListNotYetValid")
    public static let credentialRevoked = Self("credentialRevoked")
    public static let credentialSuspended = Self("credentialSuspended")

    // Presentations
    public static let invalidPresentation = Self("invalidPresentation")
    /// A credential's subject is not the presentation's holder.
    public static let holderMismatch = Self("holderMismatch")
    /// No hashed NPI identifier of the credential matches the expected NPI.
    public static let subjectNPIMismatch = Self("subjectNPIMismatch")

    // Wallet
    public static let walletIO = Self("walletIO")
}
