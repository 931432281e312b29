/// The state shared by the JSON-LD algorithms of one `expand` / `toRDF` call.
struct JSONLDProcessor: Sendable {
    var loader: any DocumentLoader
    var cache: JSONLDContextCache
    var processingMode: JSONLDProcessingMode
    var safeMode: Bool

    /// Remote contexts nested deeper than this are a `context overflow`.
    static let maximumRemoteContexts = 32

    var isJSONLD10: Bool { processingMode == .jsonLD10 }

    init(options: JSONLDOptions) {
        loader = options.documentLoader
        cache = options.contextCache ?? options.documentLoader.contextCache ?? JSONLDContextCache()
        processingMode = options.processingMode
        safeMode = options.safeMode
    }

    /// A new, empty active context.
    func initialContext(base: String?) -> ActiveContext {
        ActiveContext(base: base, cacheID: cache.initialContextID(base: base))
    }

    /// The Context Processing algorithm with caching, for calls made by expansion.
    func process(
        _ active: ActiveContext, local: JSONValue, baseURL: String?, overrideProtected: Bool = false,
        propagate: Bool = true, localID: Int? = nil
    ) throws(CredentialError) -> ActiveContext {
        let key = JSONLDContextCache.Key(
            parent: active.cacheID, localID: localID ?? 0, local: localID == nil ? local : nil, baseURL: baseURL,
            overrideProtected: overrideProtected, propagate: propagate, processingMode: processingMode.rawValue)
        if let cached = cache.context(for: key) { return cached }
        let result = try processContext(
            active, local: local, baseURL: baseURL, overrideProtected: overrideProtected, propagate: propagate)
        cache.store(result, for: key)
        return result
    }

    /// Applies the scoped context of a term definition (property-, type- or nest-scoped).
    func process(
        _ active: ActiveContext, scopedBy definition: TermDefinition, overrideProtected: Bool = false,
        propagate: Bool = true
    ) throws(CredentialError) -> ActiveContext {
        guard let local = definition.localContext else { return active }
        return try process(
            active, local: local, baseURL: definition.baseURL, overrideProtected: overrideProtected,
            propagate: propagate, localID: definition.localContextID)
    }

    /// Loads the `@context` value of a remote context document, once per URL and cache.
    func loadRemoteContext(_ url: String, forImport: Bool = false) throws(CredentialError) -> JSONValue {
        if let cached = cache.remoteDocument(url) { return cached }
        let document: JSONValue
        do {
            document = try loader.loadDocument(url)
        } catch {
            if error.code == .unknownContext { throw error }
            throw .jsonLD(.loadingRemoteContextFailed, "cannot load \(url): \(error.message)")
        }
        guard let context = document["@context"] else {
            throw .jsonLD(.invalidRemoteContext, "the document at \(url) has no top-level @context")
        }
        cache.storeRemoteDocument(context, for: url)
        return context
    }
}
