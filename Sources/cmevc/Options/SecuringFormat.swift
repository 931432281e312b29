import ArgumentParser
import Foundation
import VerifiableCredentials

/// How `sign`, `issue` and `present` secure what they write: a Data Integrity proof inside the JSON, or a
/// VC-JOSE-COSE JWT (`vc+jwt` for credentials, `vp+jwt` for presentations).
enum SecuringFormat: String, ExpressibleByArgument, CaseIterable {
    case dataIntegrity = "data-integrity"
    case jwt

    static let help = "data-integrity (a proof inside the JSON, the default) or jwt (VC-JOSE-COSE vc+jwt / vp+jwt)."
}

/// Loading a key that signs JWTs: Ed25519, P-256, P-384, or RSA of 2048 bits or more.
enum JWSKeyLoading {
    static func load(_ path: String, passphrase: PassphraseOptions) throws -> JWSSigningKey {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= KeyFile.maximumFileSize, let data = FileManager.default.contents(atPath: path) else {
            throw Terminal.couldNotRun("\(path): the key file cannot be read")
        }
        do {
            return try JWSSigningKey(
                pemEncoded: String(decoding: data, as: UTF8.self), passphrase: try passphrase.passphrase())
        } catch let error as CredentialError {
            throw Terminal.couldNotRun((error.location == nil ? error.located(path) : error).description)
        }
    }

    /// The `kid` for `key`: `verificationMethod` when given, else the key's `did:key` method (RSA has none).
    static func keyID(_ verificationMethod: String?, for key: JWSSigningKey) throws -> String {
        if let verificationMethod { return verificationMethod }
        guard case .key(let shared) = key else {
            throw Terminal.couldNotRun(
                "an RSA key has no did:key; pass --verification-method with its id in the issuer registry")
        }
        return DIDKey.verificationMethodID(for: shared.publicKey)
    }
}
