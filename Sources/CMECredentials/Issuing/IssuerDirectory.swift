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
        try create(at: url, configuration: configuration, publicKey: .key(publicKey), now: now)
    }

    /// Creates an issuer directory for any key that signs JWTs (an RSA key's issuer has no suite), as
    /// ``create(at:configuration:publicKey:now:)-(_,_,PublicKey,_)`` does; the audit event names an RSA key
    /// by its `publicKeyJwk`.
    ///
    /// - Throws: ``CredentialError`` as ``create(at:configuration:publicKey:now:)-(_,_,PublicKey,_)`` does.
    @discardableResult
    public static func create(
        at url: URL, configuration: IssuerConfiguration, publicKey: JWSPublicKey, now: Date
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
        var details = JSONObject()
        details["event"] = "created"
        details["verificationMethod"] = .string(configuration.verificationMethod)
        switch publicKey {
        case .key(let key): details["publicKeyMultibase"] = .string(key.multibase)
        case .rsa(let key): details["publicKeyJwk"] = key.jwk
        }
        details["suite"] = configuration.suite.map { .string($0) }
        try ledger.appendAudit(kind: .key, details: .object(details), at: now)
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

    /// Reads the signing key, RSA included.
    ///
    /// - Throws: the errors of `KeyFile.readJWS(at:passphrase:)`.
    public func jwsSigningKey(passphrase: [UInt8]?) throws(CredentialError) -> JWSSigningKey {
        try KeyFile.readJWS(at: keyURL, passphrase: passphrase)
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
        didDocument(publicKey: .key(publicKey))
    }

    /// The DID document to publish for any key: as ``didDocument(publicKey:)-(PublicKey)`` does, except that
    /// an RSA key (which has no `did:key` or multikey form) is a `JsonWebKey` method with its `publicKeyJwk`.
    public func didDocument(publicKey: JWSPublicKey) -> JSONValue {
        let did = configuration.profile.id
        let method: JSONValue
        let keyContext: JSONValue
        switch publicKey {
        case .key(let key):
            if did.hasPrefix(DIDKey.prefix) { return DIDKey.document(for: key) }
            method =
                VerificationMethod.multikey(
                    id: configuration.verificationMethod, controller: did, publicKey: key
                ).json
            keyContext = "https://w3id.org/security/multikey/v1"
        case .rsa(let key):
            method = [
                "id": .string(configuration.verificationMethod), "type": "JsonWebKey", "controller": .string(did),
                "publicKeyJwk": key.jwk,
            ]
            keyContext = "https://w3id.org/security/jwk/v1"
        }
        return [
            "@context": ["https://www.w3.org/ns/did/v1", keyContext],
            "id": .string(did),
            "verificationMethod": [method],
            "assertionMethod": [.string(configuration.verificationMethod)],
        ]
    }
}
