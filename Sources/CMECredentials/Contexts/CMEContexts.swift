import CMESchemas
public import Foundation
public import VerifiableCredentials

/// The JSON-LD contexts bundled with cmevc, and the cryptosuites that use them.
///
/// Only these contexts are ever loaded: any other `@context` URL is an error, and nothing is fetched.
public enum CMEContexts {
    private static let shared: Result<BundledDocumentLoader, CredentialError> = {
        guard let directory = CMESchemas.contextsDirectory else {
            return .failure(CredentialError(.io, "the bundled contexts folder is missing from the installation"))
        }
        do throws(CredentialError) {
            return .success(try BundledDocumentLoader(directory: directory))
        } catch {
            return .failure(error)
        }
    }()

    /// A document loader over the bundled contexts, built once per process (so processed contexts are cached).
    public static func loader() throws(CredentialError) -> BundledDocumentLoader {
        try shared.get()
    }

    /// Every cryptosuite cmevc implements, with RDFC suites over the bundled contexts.
    public static func suites() throws(CredentialError) -> CryptosuiteSet {
        .all(documentLoader: try loader())
    }

    /// The default suite for a key type: `eddsa-rdfc-2022` for Ed25519, `ecdsa-rdfc-2019` for P-256/P-384.
    public static func defaultSuite(for keyType: KeyType) throws(CredentialError) -> any Cryptosuite {
        CryptosuiteSet.defaultSuite(for: keyType, documentLoader: try loader())
    }

    /// The context URLs a verifier accepts: exactly the bundled ones (empty if the installation is broken, so
    /// every context is then refused, never fetched).
    public static func knownURLs() -> Set<String> {
        (try? loader())?.urls ?? []
    }

    /// A verification context for CME credentials: `registry` as the trust anchor, `statusLists`, the bundled
    /// contexts only, every suite cmevc implements, and CME credit types read from the credentials.
    public static func verificationContext(
        registry: IssuerRegistry, statusLists: any StatusListProvider, now: Date
    ) throws(CredentialError) -> VerificationContext {
        VerificationContext(
            registry: registry, statusLists: statusLists, knownContexts: knownURLs(), now: now,
            suites: try suites(), creditTypes: CMECreditTypes())
    }
}
