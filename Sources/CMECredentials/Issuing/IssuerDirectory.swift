public import Foundation
public import VerifiableCredentials

/// An issuer directory: `issuer.json` (an ``IssuerConfiguration``) and the ledger database
/// (``IssuerLedger``), as `cmevc issuer init` creates it.
public struct IssuerDirectory: Sendable {
    /// The configuration file's name.
    public static let configurationFileName = "issuer.json"

    /// The directory.
    public let url: URL
    /// What `issuer.json` says.
    public let configuration: IssuerConfiguration

    /// Opens an existing issuer directory.
    ///
    /// - Throws: ``CredentialError`` `invalidIssuerDirectory` when `issuer.json` is missing or malformed.
    public init(opening url: URL) throws(CredentialError) {
        let file = url.appendingPathComponent(Self.configurationFileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw CredentialError(
                .invalidIssuerDirectory,
                "not an issuer directory (no \(Self.configurationFileName); run cmevc issuer init)",
                location: url.path)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(data))
        } catch {
            throw CredentialError(.invalidIssuerDirectory, error.message, location: file.path)
        }
        do {
            configuration = try IssuerConfiguration(json: json)
        } catch {
            throw error.located(file.path)
        }
        self.url = url
    }

    /// Creates an issuer directory: the directory (if needed), `issuer.json` and the ledger, and records a
    /// `key` audit event naming the verification method.
    ///
    /// - Throws: ``CredentialError`` `issuerExists` when `url` already holds an `issuer.json` or a ledger;
    ///   `io` when the directory or file cannot be written; `ledger` when the database cannot be created.
    @discardableResult
    public static func create(
        at url: URL, configuration: IssuerConfiguration, publicKey: PublicKey, now: Date
    ) throws(CredentialError) -> IssuerDirectory {
        let manager = FileManager.default
        for name in [configurationFileName, IssuerLedger.fileName]
        where manager.fileExists(atPath: url.appendingPathComponent(name).path) {
            throw CredentialError(.issuerExists, "an issuer already exists here (\(name))", location: url.path)
        }
        do {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CredentialError(.io, "cannot create the issuer directory", location: url.path)
        }
        let ledger = try IssuerLedger(directory: url)
        let bytes = JSONSerializer.bytes(configuration.json, layout: .pretty)
        try AtomicFile.write(bytes, to: url.appendingPathComponent(configurationFileName), exclusive: true)
        try ledger.appendAudit(
            kind: .key,
            details: [
                "event": "created", "verificationMethod": .string(configuration.verificationMethod),
                "publicKeyMultibase": .string(publicKey.multibase), "suite": .string(configuration.suite),
            ],
            at: now)
        return try IssuerDirectory(opening: url)
    }

    /// The key file, with a relative ``IssuerConfiguration/keyPath`` resolved against the directory.
    public var keyURL: URL {
        let path = configuration.keyPath
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : url.appendingPathComponent(path)
    }

    /// Reads the signing key.
    ///
    /// - Throws: the errors of `KeyFile.read(at:passphrase:)`.
    public func signingKey(passphrase: [UInt8]?) throws(CredentialError) -> SigningKey {
        try KeyFile.read(at: keyURL, passphrase: passphrase)
    }

    /// Opens the ledger.
    ///
    /// - Parameter listSize: the size of new status lists; lower it only in tests.
    public func ledger(listSize: Int = IssuerLedger.defaultListSize) throws(CredentialError) -> IssuerLedger {
        try IssuerLedger(directory: url, listSize: listSize)
    }

    /// The DID document to publish: for a `did:key` issuer the key's own document; otherwise (for example
    /// `did:web`, served as `/.well-known/did.json`) a document whose one `Multikey` verification method
    /// is referenced from `assertionMethod`.
    public func didDocument(publicKey: PublicKey) -> JSONValue {
        let did = configuration.profile.id
        if did.hasPrefix(DIDKey.prefix) { return DIDKey.document(for: publicKey) }
        let method = VerificationMethod.multikey(
            id: configuration.verificationMethod, controller: did, publicKey: publicKey)
        return [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": .string(did),
            "verificationMethod": [method.json],
            "assertionMethod": [.string(configuration.verificationMethod)],
        ]
    }
}
