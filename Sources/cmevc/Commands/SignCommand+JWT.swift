import ArgumentParser
import Foundation
import VerifiableCredentials

extension SignCommand {
    /// `--format jwt`: a credential becomes a `vc+jwt`, a presentation a `vp+jwt` (challenge → `nonce`,
    /// domain → `aud`); `kid` is `--verification-method` or the key's did:key method.
    func runJWT() throws {
        let signingKey = try JWSKeyLoading.load(key, passphrase: passphrase)
        let keyID = try JWSKeyLoading.keyID(verificationMethod, for: signingKey)
        do {
            let input = try InputFiles.json(document)
            let signer = VCJWTSigner(key: signingKey, keyID: keyID)
            let isPresentation = input["type"]?.asArray.contains("VerifiablePresentation") == true
            if !isPresentation { try Self.refuseMalformedCredential(input, in: document) }
            let jwt = try InputFiles.within(document) { () throws(CredentialError) in
                isPresentation
                    ? try signer.sign(presentation: input, nonce: challenge, audience: domain, issuedAt: Date())
                    : try signer.sign(credential: input, issuedAt: Date())
            }
            let bytes = Array((jwt.compact + "\n").utf8)
            if let out {
                try InputFiles.write(bytes, to: out)
                Terminal.err(
                    "signed \(document) as \(isPresentation ? "vp+jwt" : "vc+jwt") with \(signingKey.algorithm.rawValue), kid \(keyID) → \(out)"
                )
            } else {
                Terminal.outBytes(bytes)
            }
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
    }
}
