import Crypto
public import Foundation
import SwiftASN1
import _CryptoExtras

/// An RSA private key of 2048 bits or more that signs RS256 (RSASSA-PKCS1-v1_5 with SHA-256).
///
/// The secret never appears in `description` or in error messages.
public struct RSASigningKey: Sendable {
    private let backend: RSAPrivateBackend
    /// The matching public key.
    public let publicKey: RSAPublicKey

    /// Generates a new random key of `bits` (2048, 3072 or 4096).
    ///
    /// - Throws: ``CredentialError`` `invalidKey` for a size under 2048 bits or a backend failure.
    public init(generatingBits bits: Int = 2048) throws(CredentialError) {
        guard bits >= RSAPublicKey.minimumBits else {
            throw CredentialError(
                .invalidKey, "an RSA key needs \(RSAPublicKey.minimumBits) bits or more, not \(bits)")
        }
        do {
            self.init(validated: try _RSA.Signing.PrivateKey(keySize: .init(bitCount: bits)))
        } catch {
            throw CredentialError(.invalidKey, "no RSA key of \(bits) bits could be generated", underlying: "\(error)")
        }
    }

    /// Reads a PEM `PRIVATE KEY` (PKCS#8), `ENCRYPTED PRIVATE KEY` (PKCS#8 with PBES2, as
    /// ``SigningKey/init(pemEncoded:passphrase:)`` reads it) or `RSA PRIVATE KEY` (PKCS#1) block.
    ///
    /// - Throws: ``CredentialError`` `passphraseRequired` for an encrypted key without `passphrase`,
    ///   `wrongPassphrase` when it does not decrypt, `invalidKeyFile` for malformed text, another
    ///   algorithm, or a key under 2048 bits.
    public init(pemEncoded: String, passphrase: [UInt8]? = nil) throws(CredentialError) {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pemEncoded)
        } catch {
            throw CredentialError(.invalidKeyFile, "the text is not a single PEM block", underlying: "\(error)")
        }
        let pem: String
        switch document.discriminator {
        case "PRIVATE KEY", "RSA PRIVATE KEY":
            pem = pemEncoded
        case "ENCRYPTED PRIVATE KEY":
            guard let passphrase else { throw .passphraseRequired }
            let der = try EncryptedPKCS8.decrypt(document.derBytes, passphrase: passphrase)
            pem = PEMDocument(type: "PRIVATE KEY", derBytes: der).pemString
        default:
            throw CredentialError(
                .invalidKeyFile,
                "the PEM block is \"\(document.discriminator)\"; expected PRIVATE KEY, ENCRYPTED PRIVATE KEY or RSA PRIVATE KEY"
            )
        }
        do {
            self.init(validated: try _RSA.Signing.PrivateKey(pemRepresentation: pem))
        } catch {
            throw CredentialError(
                .invalidKeyFile,
                "the text is not an RSA private key of \(RSAPublicKey.minimumBits) bits or more in PEM",
                underlying: "\(error)")
        }
    }

    private init(validated key: _RSA.Signing.PrivateKey) {
        backend = RSAPrivateBackend(key)
        publicKey = RSAPublicKey(validated: key.publicKey)
    }

    /// The key as PEM `PRIVATE KEY` (PKCS#8, unencrypted). Handle with care.
    public var pemEncoded: String { backend.key.pkcs8PEMRepresentation + "\n" }

    /// Signs `message` with RS256; the signature is as long as the modulus.
    ///
    /// - Throws: ``CredentialError`` `signingFailed` if the backend fails.
    public func signature(for message: some DataProtocol) throws(CredentialError) -> [UInt8] {
        do {
            return Array(try backend.key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
        } catch {
            throw CredentialError(.signingFailed, "the RSA key could not sign", underlying: "\(error)")
        }
    }
}

extension RSASigningKey: CustomStringConvertible {
    /// The key size only; never the secret.
    public var description: String { "RSASigningKey(\(publicKey.bitCount) bits)" }
}

/// The swift-crypto key behind an ``RSASigningKey``; immutable after `init`, hence `@unchecked Sendable`.
private final class RSAPrivateBackend: @unchecked Sendable {
    let key: _RSA.Signing.PrivateKey
    init(_ key: _RSA.Signing.PrivateKey) { self.key = key }
}
