public import Foundation
import SwiftASN1

extension KeyFile {
    /// Reads any key that signs JWTs from a PEM file: what ``read(at:passphrase:)`` reads, or an RSA key of
    /// 2048 bits or more (see ``JWSSigningKey/init(pemEncoded:passphrase:)``).
    ///
    /// - Throws: ``CredentialError`` as ``read(at:passphrase:)`` does; each error's location is the file path.
    public static func readJWS(at url: URL, passphrase: [UInt8]?) throws(CredentialError) -> JWSSigningKey {
        let text = try readText(at: url)
        do {
            return try JWSSigningKey(pemEncoded: text, passphrase: passphrase)
        } catch {
            throw error.located(url.path)
        }
    }

    /// Writes any key that signs JWTs as PEM PKCS#8 (encrypted with `passphrase` when given): an Ed25519,
    /// P-256 or P-384 key as ``write(_:to:passphrase:force:kdf:)`` does, or an RSA key. Mode 0600, atomic.
    ///
    /// - Throws: ``CredentialError`` `fileExists`, `io` or `invalidKeyFile` as
    ///   ``write(_:to:passphrase:force:kdf:)`` does.
    public static func write(
        _ key: JWSSigningKey, to url: URL, passphrase: [UInt8]?, force: Bool, kdf: PBES2KDF = .default
    ) throws(CredentialError) {
        switch key {
        case .key(let key):
            try write(key, to: url, passphrase: passphrase, force: force, kdf: kdf)
        case .rsa(let key):
            var pem = key.pemEncoded
            if let passphrase {
                let der: [UInt8]
                do {
                    der = try PEMDocument(pemString: pem).derBytes
                } catch {
                    throw CredentialError(.invalidKeyFile, "the RSA key could not be encoded", underlying: "\(error)")
                }
                let encrypted = try EncryptedPKCS8.encrypt(der, passphrase: passphrase, kdf: kdf)
                pem = PEMDocument(type: "ENCRYPTED PRIVATE KEY", derBytes: encrypted).pemString + "\n"
            }
            try write(pem: Array(pem.utf8), to: url, force: force)
        }
    }
}
