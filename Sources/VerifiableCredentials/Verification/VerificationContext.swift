public import Foundation

/// Everything a verification depends on, injected: the trust anchor, the status lists, the known contexts,
/// the time, the cryptosuites and how credit types are read from a credential.
public struct VerificationContext: Sendable {
    /// The issuer key registry (already checked against its operator key by the caller, if pinned).
    public var registry: IssuerRegistry {
        didSet {
            registryIndex = RegistryIndex(registry)
            statusListVerdicts = StatusListVerdictCache()
        }
    }
    /// The registry's issuers and keys by id (``RegistryIndex``), rebuilt whenever the registry changes.
    private(set) var registryIndex: RegistryIndex
    public var statusLists: any StatusListProvider {
        didSet { statusListVerdicts = StatusListVerdictCache() }
    }
    /// The `@context` URLs that are bundled; any other URL fails and is never fetched.
    public var knownContexts: Set<String>
    /// The time against which validity, status list age and proof times are judged (`--at`).
    public var now: Date {
        didSet { statusListVerdicts = StatusListVerdictCache() }
    }
    public var suites: CryptosuiteSet {
        didSet { statusListVerdicts = StatusListVerdictCache() }
    }
    /// Status list verdicts, computed once per list for this context; replaced whenever the registry, the
    /// status lists, the time or the suites change.
    private(set) var statusListVerdicts = StatusListVerdictCache()
    public var creditTypes: any CreditTypeExtractor
    public var limits: JSONParser.Limits

    public init(
        registry: IssuerRegistry, statusLists: any StatusListProvider = NoStatusLists(), knownContexts: Set<String>,
        now: Date, suites: CryptosuiteSet = .jcs, creditTypes: any CreditTypeExtractor = ResultDescriptionCreditTypes(),
        limits: JSONParser.Limits = .default
    ) {
        self.registry = registry
        self.registryIndex = RegistryIndex(registry)
        self.statusLists = statusLists
        self.knownContexts = knownContexts
        self.now = now
        self.suites = suites
        self.creditTypes = creditTypes
        self.limits = limits
    }

    /// Registry keys first; `did:key` methods also resolve (so that a signature by an unregistered key is
    /// reported as "key not registered", separately from whether it is cryptographically valid).
    var resolver: any VerificationMethodResolver {
        FirstResolving([RegistryResolver(registry: registry, index: registryIndex), DIDKeyResolver()])
    }

    /// The registered issuer with this DID (``IssuerRegistry/issuer(_:)``, looked up in the index).
    func registeredIssuer(_ id: String) -> RegisteredIssuer? { registryIndex.issuer(id) }

    /// Finds JWS keys in the registry (through the index), else as `did:key`.
    var jwtKeyResolver: JWTKeyResolver { JWTKeyResolver(registry: registry, index: registryIndex) }
}

/// The first resolver that resolves; when none does, the first one's error.
struct FirstResolving: VerificationMethodResolver {
    let resolvers: [any VerificationMethodResolver]
    init(_ resolvers: [any VerificationMethodResolver]) { self.resolvers = resolvers }

    func resolve(_ id: String) throws(CredentialError) -> VerificationMethod {
        var firstError: CredentialError?
        for resolver in resolvers {
            do {
                return try resolver.resolve(id)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? CredentialError(.unresolvableVerificationMethod, "cannot resolve \(id)")
    }
}

/// What a presentation verifier expects besides valid credentials.
public struct PresentationExpectations: Sendable {
    /// The challenge the verifier issued; a presentation without it, or with another, fails.
    public var challenge: String?
    /// The verifier's domain.
    public var domain: String?
    /// The physician's NPI; each credential must carry a matching hashed NPI identifier.
    public var subjectNPI: String?

    public init(challenge: String? = nil, domain: String? = nil, subjectNPI: String? = nil) {
        self.challenge = challenge
        self.domain = domain
        self.subjectNPI = subjectNPI
    }
}
