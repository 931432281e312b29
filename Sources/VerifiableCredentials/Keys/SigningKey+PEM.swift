import SwiftASN1

extension SigningKey {
    /// Reads a PEM private key: `PRIVATE KEY` (PKCS#8), `ENCRYPTED PRIVATE KEY` (PKCS#8 with PBES2), or
    /// `EC PRIVATE KEY` (SEC1), as OpenSSL writes them. Text around the PEM block is ignored.
    ///
    /// - Throws: ``CredentialError`` `passphraseRequired` for an encrypted key without `passphrase`,
    ///   `wrongPassphrase` when `passphrase` does not decrypt it, `unsupportedKeyType` for another
    ///   algorithm, `invalidKeyFile` for anything malformed, `invalidKey` for an invalid key value.
    public init(pemEncoded: String, passphrase: [UInt8]? = nil) throws(CredentialError) {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pemEncoded)
        } catch {
            throw CredentialError(.invalidKeyFile, "the text is not a single PEM block", underlying: "\(error)")
        }
        switch document.discriminator {
        case "PRIVATE KEY":
            self = try PKCS8.signingKey(fromPrivateKeyInfo: document.derBytes)
        case "ENCRYPTED PRIVATE KEY":
            guard let passphrase else { throw .passphraseRequired }
            let der = try EncryptedPKCS8.decrypt(document.derBytes, passphrase: passphrase)
            do {
                self = try PKCS8.signingKey(fromPrivateKeyInfo: der)
            } catch  where error.code == .invalidKeyFile {
                // Decryption produced DER, but not a key: almost surely the wrong passphrase.
                throw .wrongPassphrase
            }
        case "EC PRIVATE KEY":
            self = try PKCS8.signingKey(fromECPrivateKey: document.derBytes, curve: nil)
        default:
            throw CredentialError(
                .invalidKeyFile,
                "the PEM block is \"\(document.discriminator)\"; expected PRIVATE KEY, ENCRYPTED PRIVATE KEY or EC PRIVATE KEY"
            )
        }
    }

    /// The key as PEM: `PRIVATE KEY` (PKCS#8), or `ENCRYPTED PRIVATE KEY` (PBES2 with `kdf` and
    /// AES-256-CBC) when `passphrase` is given. OpenSSL reads both.
    ///
    /// - Throws: ``CredentialError`` `invalidKeyFile` for invalid `kdf` parameters.
    public func pemEncoded(passphrase: [UInt8]? = nil, kdf: PBES2KDF = .default) throws(CredentialError) -> String {
        let der = PKCS8.privateKeyInfo(for: self)
        guard let passphrase else {
            return PEMDocument(type: "PRIVATE KEY", derBytes: der).pemString + "\n"
        }
        let encrypted = try EncryptedPKCS8.encrypt(der, passphrase: passphrase, kdf: kdf)
        return PEMDocument(type: "ENCRYPTED PRIVATE KEY", derBytes: encrypted).pemString + "\n"
    }
}
