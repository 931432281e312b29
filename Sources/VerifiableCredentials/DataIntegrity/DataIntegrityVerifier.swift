public import Foundation

/// Verifies the Data Integrity proofs of a document: one proof, a proof set or a proof chain.
///
/// Verification never throws: every problem becomes a failed ``Check`` with a stable code. The clock, the
/// cryptosuites and the verification method resolver are injected.
public struct DataIntegrityVerifier: Sendable {
    public var suites: CryptosuiteSet
    public var resolver: any VerificationMethodResolver
    /// The time against which `created` and `expires` are checked.
    public var now: Date

    public init(
        suites: CryptosuiteSet = .jcs, resolver: any VerificationMethodResolver = DIDKeyResolver(), now: Date = Date()
    ) {
        self.suites = suites
        self.resolver = resolver
        self.now = now
    }

    /// Verifies every proof of `document`.
    public func verify(_ document: JSONValue, expecting expectations: ProofExpectations = .init())
        -> DocumentProofVerification
    {
        verify(document, expecting: expectations, canonical: nil)
    }

    /// Verifies every proof of `document`; `canonical`, when given, must be what its case says of `document`'s
    /// RFC 8785 form: a JCS proof that is the document's only proof then uses it instead of canonicalizing the
    /// document again.
    func verify(_ document: JSONValue, expecting expectations: ProofExpectations, canonical: KnownCanonicalForm?)
        -> DocumentProofVerification
    {
        guard case .object(let object) = document else {
            return DocumentProofVerification(
                proofs: [], checks: [.fail("proof", .unexpectedJSON, "the document is not a JSON object")])
        }
        let all = ProofSet.proofs(of: object)
        guard !all.isEmpty else {
            return DocumentProofVerification(
                proofs: [], checks: [.fail("proof", .missingProof, "the document has no proof")])
        }
        var results: [ProofVerification] = []
        for (index, proof) in all.enumerated() {
            results.append(
                verifyProof(
                    proof, at: index, in: object, all: all, expectations: expectations,
                    canonical: all.count == 1 ? canonical : nil))
        }
        // A signature that fails while another proof verifies the same document data: the proof itself changed.
        // When none verifies, every well-formed proof failing its signature points at the document.
        let someSignatureVerified = results.contains { $0.verified }
        for index in results.indices {
            guard let last = results[index].checks.last, last.code == .signatureMismatch else { continue }
            results[index].checks[results[index].checks.count - 1] =
                someSignatureVerified
                ? .fail(
                    "signature", .proofModified,
                    "the signature does not match: this proof was changed after signing (another proof verifies the document)"
                )
                : results.count > 1
                    ? .fail(
                        "signature", .documentModified,
                        "no proof's signature matches: the document was changed after signing")
                    : last
        }
        return DocumentProofVerification(proofs: results, checks: [])
    }

    private func verifyProof(
        _ proof: JSONObject?, at index: Int, in document: JSONObject, all: [JSONObject?],
        expectations: ProofExpectations, canonical: KnownCanonicalForm?
    ) -> ProofVerification {
        var result = ProofVerification(index: index, checks: [])
        guard let proof else {
            result.checks.append(.fail("structure", .malformedProof, "proof \(index + 1) is not a JSON object"))
            return result
        }
        result.cryptosuite = proof["cryptosuite"]?.stringValue ?? proof["type"]?.stringValue
        result.verificationMethod = proof["verificationMethod"]?.stringValue
        result.proofPurpose = proof["proofPurpose"]?.stringValue
        func finish(_ check: Check) -> ProofVerification {
            result.checks.append(check)
            return result
        }

        // Structure (Data Integrity §4.4 step 4).
        guard let type = proof["type"]?.stringValue, let method = result.verificationMethod,
            let purpose = result.proofPurpose
        else {
            return finish(
                .fail(
                    "structure", .malformedProof,
                    "the proof needs string values for type, verificationMethod and proofPurpose"))
        }
        let suiteName: String
        var modernSuite: (any Cryptosuite)?
        var legacySuite: (any LegacyProofSuite)?
        if type == "DataIntegrityProof" {
            guard let name = proof["cryptosuite"]?.stringValue else {
                return finish(.fail("structure", .malformedProof, "a DataIntegrityProof needs a cryptosuite string"))
            }
            guard let suite = suites[name] else {
                return finish(
                    .fail(
                        "cryptosuite", .unknownCryptosuite,
                        "unknown cryptosuite \(name); known: \(suites.names.joined(separator: ", "))"))
            }
            suiteName = name
            modernSuite = suite
        } else {
            // A VC 1.1 proof type (Ed25519Signature2020, JsonWebSignature2020, …), verified by a legacy suite.
            guard let suite = suites[proofType: type] else {
                let known = (["DataIntegrityProof"] + suites.legacyProofTypes).joined(separator: ", ")
                return finish(
                    .fail("cryptosuite", .unknownCryptosuite, "unsupported proof type \(type); known: \(known)"))
            }
            suiteName = type
            legacySuite = suite
        }
        result.checks.append(.pass("structure", "\(suiteName) proof with purpose \(purpose)"))

        // Purpose, challenge and domain (steps 5–7).
        if let expected = expectations.proofPurpose {
            guard purpose == expected else {
                return finish(
                    .fail(
                        "proofPurpose", .proofPurposeMismatch, "the proof's purpose is \(purpose), expected \(expected)"
                    ))
            }
            result.checks.append(.pass("proofPurpose", purpose))
        }
        if let expected = expectations.challenge {
            guard let challenge = proof["challenge"]?.stringValue else {
                return finish(
                    .fail("challenge", .challengeMismatch, "the proof has no challenge; expected \"\(expected)\""))
            }
            guard challenge == expected else {
                return finish(
                    .fail(
                        "challenge", .challengeMismatch,
                        "the proof's challenge \"\(challenge)\" is not the expected \"\(expected)\""))
            }
            result.checks.append(.pass("challenge", "matches"))
        }
        if let expected = expectations.domain {
            let domains = proof["domain"].map { $0.asArray.compactMap(\.stringValue) } ?? []
            guard domains.contains(expected) else {
                let found = domains.isEmpty ? "no domain" : "domain \(domains.joined(separator: ", "))"
                return finish(.fail("domain", .domainMismatch, "the proof has \(found); expected \(expected)"))
            }
            result.checks.append(.pass("domain", expected))
        }

        // Time window of the proof itself.
        if let createdValue = proof["created"] {
            guard let text = createdValue.stringValue, let created = DateTimeStamp(text) else {
                return finish(.fail("created", .malformedProof, "created is not an XML Schema dateTime"))
            }
            result.created = created
            guard created.date <= now.addingTimeInterval(300) else {
                return finish(
                    .fail("created", .proofNotYetValid, "the proof was created in the future (\(created.text))"))
            }
        }
        if let expiresValue = proof["expires"] {
            guard let text = expiresValue.stringValue, let expires = DateTimeStamp(text) else {
                return finish(.fail("expires", .malformedProof, "expires is not an XML Schema dateTime"))
            }
            guard now < expires.date else {
                return finish(.fail("expires", .proofExpired, "the proof expired at \(expires.text)"))
            }
        }

        // Key and signature encoding.
        let verificationMethod: VerificationMethod
        do {
            verificationMethod = try resolver.resolve(method)
        } catch {
            return finish(.fail("verificationMethod", error.code, error.description))
        }
        result.method = verificationMethod
        result.publicKey = verificationMethod.publicKey
        if let legacySuite {
            return finish(
                legacySignatureCheck(
                    proof, suite: legacySuite, method: method, key: verificationMethod.publicKey, document: document))
        }
        guard let suite = modernSuite else {
            return finish(.fail("cryptosuite", .unknownCryptosuite, "unsupported proof type \(type)"))
        }
        let keyType = verificationMethod.publicKey.type
        guard suite.accepts(keyType) else {
            return finish(
                .fail("keyType", .keyTypeMismatch, "\(suiteName) cannot be verified with a \(keyType.rawValue) key"))
        }
        guard let proofValue = proof["proofValue"]?.stringValue else {
            return finish(.fail("proofValue", .invalidProofValue, "the proof has no proofValue string"))
        }
        guard proofValue.first == "z" else {
            return finish(
                .fail("proofValue", .invalidProofValue, "proofValue is not multibase base58btc (it must start with z)"))
        }
        let signature: [UInt8]
        do {
            signature = try Base58BTC.decode(String(proofValue.dropFirst()))
        } catch {
            return finish(.fail("proofValue", .invalidProofValue, "proofValue is not base58btc: \(error.message)"))
        }
        guard signature.count == suite.signatureLength(for: keyType) else {
            return finish(
                .fail(
                    "proofValue", .invalidSignatureLength,
                    "the signature is \(signature.count) bytes; \(suiteName) with \(keyType.rawValue) needs \(suite.signatureLength(for: keyType))"
                ))
        }

        // The signed bytes (cryptosuite Verify Proof).
        guard let previous = ProofSet.previousProofIDs(of: proof) else {
            return finish(
                .fail("previousProof", .malformedProof, "previousProof must be a string or an array of strings"))
        }
        let (unsecured, missing) = ProofSet.documentToSign(document, previous: previous, all: all)
        guard missing.isEmpty else {
            return finish(
                .fail(
                    "previousProof", .previousProofMissing,
                    "previousProof names \(missing.joined(separator: ", ")), which is not a proof of the document"))
        }
        var config = proof.removing("proofValue")
        var signedDocument = unsecured
        // The document less its proof is what is signed, unless previous proofs or the proof's own @context
        // change it.
        var signedIsUnsecured = previous.isEmpty
        if suite.proofIncludesContext {
            if let proofContext = config["@context"] {
                // The document's @context must start with the proof's (eddsa-jcs-2022 §3.3.2 step 4).
                let documentContexts = document["@context"]?.asArray ?? []
                guard documentContexts.starts(with: proofContext.asArray) else {
                    return finish(
                        .fail(
                            "context", .contextMismatch,
                            "the document's @context does not start with the proof's @context"))
                }
                signedDocument["@context"] = proofContext
                signedIsUnsecured = signedIsUnsecured && proofContext == document["@context"]
            }
        } else {
            config["@context"] = document["@context"]
        }
        do {
            // An RDFC configuration's hash may come from the suite set's recent ones (a batch shares it).
            let configurationHash =
                suite.canonicalizesWithJCS
                ? try DataIntegrityHashing.configurationHash(config, suite: suite, keyType: keyType)
                : try suites.proofConfigurationHashes.hash(of: config, suite: suite, keyType: keyType)
            let documentHash: [UInt8]
            if signedIsUnsecured, suite.canonicalizesWithJCS,
                let known = canonical?.hashWithoutProof(suite: suite, keyType: keyType)
            {
                documentHash = known
            } else {
                documentHash = try DataIntegrityHashing.documentHash(signedDocument, suite: suite, keyType: keyType)
            }
            let hashData = configurationHash + documentHash
            guard verificationMethod.publicKey.isValidSignature(signature, for: hashData) else {
                return finish(
                    .fail(
                        "signature", .signatureMismatch,
                        "the signature does not match: the document or its proof was changed after signing"))
            }
        } catch {
            return finish(.fail("canonicalization", error.code, error.description))
        }
        return finish(.pass("signature", "\(suiteName) signature by \(method)"))
    }
}
