import Foundation
import Testing
import VerifiableCredentials

/// RS256 with keys and signatures made by the `openssl` command-line tool.
@Suite("JWS RS256 with openssl")
struct JWSOpenSSLTests {
    @Test
    func encryptedOpenSSLKeySignsAndOpenSSLVerifies() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let keyFile = directory.file("rsa.pem").path
        try OpenSSL.succeed([
            "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc",
            "-pass", "pass:correct horse", "-out", keyFile,
        ])
        let pem = try String(contentsOfFile: keyFile, encoding: .utf8)
        #expect(pem.contains("ENCRYPTED PRIVATE KEY"))
        #expect(throws: CredentialError(.passphraseRequired, "")) { try JWSSigningKey(pemEncoded: pem) }
        #expect(throws: CredentialError(.wrongPassphrase, "")) {
            try JWSSigningKey(pemEncoded: pem, passphrase: Array("wrong".utf8))
        }
        let key = try JWSSigningKey(pemEncoded: pem, passphrase: Array("correct horse".utf8))
        #expect(key.algorithm == .rs256)
        guard case .rsa(let rsa) = key else { Issue.record("not an RSA key"); return }

        // openssl's public key is ours.
        let publicFile = directory.file("rsa.pub.pem").path
        try OpenSSL.succeed(["pkey", "-in", keyFile, "-passin", "pass:correct horse", "-pubout", "-out", publicFile])
        let publicKey = try RSAPublicKey(pemEncoded: try String(contentsOfFile: publicFile, encoding: .utf8))
        #expect(publicKey == rsa.publicKey)

        // openssl verifies our RS256 signature over the signing input.
        let jws = try CompactJWS.sign(payload: JWSTest.payload, header: try JWSHeader(algorithm: .rs256), key: key)
        let inputFile = try directory.write(jws.signingInput, to: "input.txt")
        let signatureFile = directory.file("ours.sig")
        try Data(jws.signature).write(to: signatureFile)
        let verified = try OpenSSL.run([
            "dgst", "-sha256", "-verify", publicFile, "-signature", signatureFile.path, inputFile.path,
        ])
        #expect(verified.status == 0, "openssl rejects our RS256 signature: \(verified.stderr)")

        // openssl signs; we verify.
        let theirs = try OpenSSL.succeed([
            "dgst", "-sha256", "-sign", keyFile, "-passin", "pass:correct horse", inputFile.path,
        ]).stdout
        let parts = jws.compact.split(separator: ".")
        let peer = try CompactJWS(parts[0] + "." + parts[1] + "." + JWSTest.base64url(Array(theirs)))
        #expect(peer.signature == jws.signature)  // PKCS#1 v1.5 is deterministic
        #expect(peer.verify(with: .rsa(publicKey)).status == .pass)
    }
}
