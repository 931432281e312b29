/// A JWS in compact serialization (RFC 7515 §7.1): `BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature)`.
///
/// Parsing is strict and structural (three parts, base64url without padding, a header that is a JSON
/// object without duplicate members and with well-typed registered members). Policy — which algorithms,
/// `crit`, `b64` — is applied by ``verify(with:understoodCriticalHeaders:)``.
public struct CompactJWS: Sendable, Hashable {
    /// The decoded protected header.
    public let header: JWSHeader
    /// The decoded payload bytes (for a JWT, the claims set as JSON).
    public let payload: [UInt8]
    /// The decoded signature bytes.
    public let signature: [UInt8]
    /// The first two parts exactly as received, joined by `.`: the bytes that were signed.
    public let signingInput: String
    /// The whole compact serialization, exactly as received or produced.
    public let compact: String

    /// Parses a compact JWS. Leading and trailing whitespace (a trailing newline in a file) is ignored.
    ///
    /// - Throws: ``CredentialError`` `malformedJWS` for anything but three non-empty base64url parts, a header that
    ///   is not a JSON object or has ill-typed registered members; the JSON parser's codes
    ///   (`duplicateKey`, `invalidJSON`, …) for invalid header JSON.
    public init(_ text: String) throws(CredentialError) {
        let trimmed = text.trimmingASCIIWhitespace()
        let parts = trimmed.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformedJWS("expected three parts separated by \".\", found \(parts.count)")
        }
        let names = ["header", "payload", "signature"]
        var decoded: [[UInt8]] = []
        for (index, part) in parts.enumerated() {
            guard let bytes = Base64URL.decode(utf8: part) else {
                throw .malformedJWS("the \(names[index]) is not base64url without padding", location: names[index])
            }
            decoded.append(bytes)
        }
        guard !decoded[0].isEmpty else { throw .malformedJWS("the header is empty", location: "header") }
        guard !decoded[1].isEmpty else {
            throw .malformedJWS("the payload is empty (a detached payload is not a compact JWT)", location: "payload")
        }
        guard !decoded[2].isEmpty else { throw .malformedJWS("the signature is empty", location: "signature") }
        let headerJSON: JSONValue
        do {
            headerJSON = try JSONParser.parse(decoded[0])
        } catch {
            throw error.located("JWS header")
        }
        guard let object = headerJSON.objectValue else {
            throw .malformedJWS("the header is \(headerJSON.kindDescription), not a JSON object", location: "header")
        }
        header = try JWSHeader(object: object)
        payload = decoded[1]
        signature = decoded[2]
        signingInput = String(decoding: parts[0], as: UTF8.self) + "." + String(decoding: parts[1], as: UTF8.self)
        compact = trimmed
    }

    private init(header: JWSHeader, payload: [UInt8], signature: [UInt8], signingInput: String) {
        self.header = header
        self.payload = payload
        self.signature = signature
        self.signingInput = signingInput
        self.compact = signingInput + "." + Base64URL.encode(signature)
    }

    /// Signs `payload` under `header` with `key`.
    ///
    /// - Throws: ``CredentialError`` `malformedJWS` for an empty payload, `unsupportedAlgorithm` when
    ///   `header.alg` is not supported,
    ///   `algorithmKeyMismatch` when it is not `key`'s algorithm, `unencodedPayload` for `b64: false`,
    ///   `unsupportedCriticalHeader` when `header` has `crit`, `signingFailed` if the backend fails.
    public static func sign(payload: [UInt8], header: JWSHeader, key: JWSSigningKey) throws(CredentialError)
        -> CompactJWS
    {
        guard !payload.isEmpty else { throw .malformedJWS("the payload to sign is empty", location: "payload") }
        let algorithm = try header.algorithm()
        guard algorithm == key.algorithm else { throw .algorithmMismatch(algorithm, key: key.algorithm) }
        guard header.b64 != false else { throw .unencodedPayloadRefused }
        if let name = header.crit.first { throw .criticalHeader(name) }
        let input = Base64URL.encode(header.jsonBytes) + "." + Base64URL.encode(payload)
        let signature = try key.signature(for: Array(input.utf8))
        return CompactJWS(header: header, payload: payload, signature: signature, signingInput: input)
    }

    /// Checks the JWS against `publicKey` and throws the first problem.
    ///
    /// In order: `alg` is supported (never `none` or `HS*`) and is `publicKey`'s algorithm; every `crit`
    /// member is in `understoodCriticalHeaders`; `b64` is not `false`; the signature has the key's length;
    /// the signature verifies over ``signingInput``.
    /// - Throws: ``CredentialError`` `unsupportedAlgorithm`, `algorithmKeyMismatch`,
    ///   `unsupportedCriticalHeader`, `unencodedPayload`, `invalidSignatureLength` or `signatureMismatch`.
    public func validate(with publicKey: JWSPublicKey, understoodCriticalHeaders: Set<String> = [])
        throws(CredentialError)
    {
        let algorithm = try header.algorithm()
        guard algorithm == publicKey.algorithm else { throw .algorithmMismatch(algorithm, key: publicKey.algorithm) }
        if let name = header.crit.first(where: { !understoodCriticalHeaders.contains($0) }) {
            throw .criticalHeader(name)
        }
        guard header.b64 != false else { throw .unencodedPayloadRefused }
        guard signature.count == publicKey.signatureByteCount else {
            throw CredentialError(
                .invalidSignatureLength,
                "the \(algorithm.rawValue) signature is \(signature.count) bytes; the key needs \(publicKey.signatureByteCount)",
                location: "JWS signature")
        }
        guard publicKey.isValidSignature(signature, for: Array(signingInput.utf8)) else {
            throw CredentialError(
                .signatureMismatch, "the \(algorithm.rawValue) signature does not verify with the key",
                location: "JWS signature")
        }
    }

    /// Checks the JWS against `publicKey` as ``validate(with:understoodCriticalHeaders:)`` does, as a
    /// ``Check`` named `signature`.
    public func verify(with publicKey: JWSPublicKey, understoodCriticalHeaders: Set<String> = []) -> Check {
        do {
            try validate(with: publicKey, understoodCriticalHeaders: understoodCriticalHeaders)
            return .pass("signature", "the \(header.alg) signature verifies with the key")
        } catch {
            return .fail("signature", error.code, error.description)
        }
    }
}

extension CredentialError {
    static func algorithmMismatch(_ algorithm: JWSAlgorithm, key: JWSAlgorithm) -> CredentialError {
        CredentialError(
            .algorithmKeyMismatch,
            "the JWS names alg \(algorithm.rawValue), but the key is for \(key.rawValue)", location: "JWS header alg")
    }

    static func criticalHeader(_ name: String) -> CredentialError {
        CredentialError(
            .unsupportedCriticalHeader, "the JWS header marks \"\(name)\" critical, which is not understood",
            location: "JWS header crit")
    }

    static var unencodedPayloadRefused: CredentialError {
        CredentialError(
            .unencodedPayload, "the JWS header has \"b64\": false; a compact JWT needs an encoded payload",
            location: "JWS header b64")
    }
}

extension String {
    /// The text without leading and trailing ASCII spaces, tabs, CRs and LFs.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
