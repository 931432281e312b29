import Foundation
import VerifiableCredentials

/// VC-JWT issue and verify rates (EdDSA, ES256, ES384, RS256), as ratios against the raw signature rates of
/// the same run. Issue: serialize the credential, sign the `vc+jwt`. Verify: parse the compact JWS, decode the
/// claims set (with the VC 2.0 claim checks), check `alg` against the key and the signature.
func runJWTBenchmark(documents: [JSONValue], raw: [String: (sign: Double, verify: Double)]) {
    print("")
    print("VC-JWT (vc+jwt)              issue/s    verify/s  issue÷raw  verify÷raw")
    let issuedAt = Date(timeIntervalSince1970: 1_772_409_600)
    let message = [UInt8](repeating: 0xA5, count: 64)
    let rsaKey: RSASigningKey
    do {
        rsaKey = try RSASigningKey(generatingBits: 2048)
    } catch {
        print("  RSA key generation failed: \(error)")
        return
    }
    var rawRates = raw
    // RSA-2048 is slow: fewer documents, and its own raw baseline (PKCS#1 v1.5 over a 64-byte message).
    let rsaCount = min(documents.count, 2_000)
    do {
        var signature: [UInt8] = []
        let signSeconds = try measure { for _ in 0..<rsaCount { signature = try rsaKey.signature(for: message) } }
        let verifySeconds = measure {
            for _ in 0..<rsaCount { _ = rsaKey.publicKey.isValidSignature(signature, for: message) }
        }
        rawRates["rsa"] = (rate(rsaCount, signSeconds), rate(rsaCount, verifySeconds))
        print(
            "  raw RSA-2048 (PKCS#1 v1.5)\(format(rawRates["rsa"]?.sign ?? 0))   \(format(rawRates["rsa"]?.verify ?? 0))"
        )
    } catch {
        print("  raw RSA baseline failed: \(error)")
        return
    }
    let cases: [(JWSAlgorithm, JWSSigningKey, String)] = [
        (.eddsa, .key(SigningKey(generating: .ed25519)), "ed25519"),
        (.es256, .key(SigningKey(generating: .p256)), "p256"),
        (.es384, .key(SigningKey(generating: .p384)), "p384"), (.rs256, .rsa(rsaKey), "rsa"),
    ]
    for (algorithm, key, rawName) in cases {
        let count = algorithm == .rs256 ? rsaCount : documents.count
        let signer = VCJWTSigner(key: key, keyID: "did:web:cme.example.org#jwt-\(algorithm.rawValue)")
        do {
            var compacts: [String] = []
            compacts.reserveCapacity(count)
            let issueSeconds = try measure {
                for document in documents.prefix(count) {
                    compacts.append(try signer.sign(credential: document, issuedAt: issuedAt).compact)
                }
            }
            let publicKey = key.publicKey
            var failures = 0
            let verifySeconds = measure {
                for compact in compacts {
                    do {
                        let decoded = try DecodedJWT(compact: compact)
                        try decoded.jws.validate(with: publicKey)
                        if !decoded.conflicts.isEmpty { failures += 1 }
                    } catch {
                        failures += 1
                    }
                }
            }
            let baseline = rawRates[rawName] ?? (1, 1)
            let issueRate = rate(count, issueSeconds)
            let verifyRate = rate(count, verifySeconds)
            let label = "\(algorithm.rawValue)".padding(toLength: 27, withPad: " ", startingAt: 0)
            print(
                "  \(label)\(format(issueRate))   \(format(verifyRate))   \(String(format: "%6.2f", issueRate / baseline.sign))     \(String(format: "%6.2f", verifyRate / baseline.verify))\(failures > 0 ? "  (\(failures) FAILED)" : "")"
            )
        } catch {
            print("  \(algorithm.rawValue): \(error)")
        }
    }
    print("")
}
