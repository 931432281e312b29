import Foundation

/// Finds status list credentials by their `id`, offline.
///
/// The verifier never fetches a list; a provider answers from what the caller gathered (a folder, a cache).
public protocol StatusListProvider: Sendable {
    /// The status list credential whose `id` is `id` (without fragment), or `nil` when it is not available.
    /// For a `vc+jwt` list this is its payload, which carries no proof: verifiers use ``securedStatusList(id:)``.
    func statusListCredential(id: String) -> JSONValue?

    /// The status list credential whose `id` is `id` as it is secured (a Data Integrity proof or a `vc+jwt`),
    /// or `nil`. The default treats ``statusListCredential(id:)`` as Data Integrity JSON.
    func securedStatusList(id: String) -> SecuredStatusList?
}

extension StatusListProvider {
    public func securedStatusList(id: String) -> SecuredStatusList? {
        statusListCredential(id: id).map(SecuredStatusList.dataIntegrity)
    }
}

/// No status lists at all: every status entry is unknown.
public struct NoStatusLists: StatusListProvider {
    public init() {}
    public func statusListCredential(id: String) -> JSONValue? { nil }
}

/// Status list credentials given in memory, indexed by their `id`.
///
/// Two lists with the same `id` (a republished list next to an older copy, or the same list as `.json` and
/// `.jwt`) keep the one with the later `validFrom` (for a JWT without one, `iat`); on a tie the later one given.
public struct InMemoryStatusLists: StatusListProvider {
    public private(set) var lists: [String: SecuredStatusList]

    /// Indexes Data Integrity `credentials` by their `id`; ones without an id are ignored.
    public init(_ credentials: [JSONValue]) {
        self.init(secured: credentials.map(SecuredStatusList.dataIntegrity))
    }

    /// Indexes lists of either kind by their `id`; ones without an id are ignored.
    public init(secured credentials: [SecuredStatusList]) {
        var lists: [String: SecuredStatusList] = [:]
        for credential in credentials {
            guard let id = credential.id else { continue }
            if let kept = lists[id], let keptIssued = kept.issued,
                credential.issued.map({ $0 < keptIssued }) ?? true
            {
                continue
            }
            lists[id] = credential
        }
        self.lists = lists
    }

    public func statusListCredential(id: String) -> JSONValue? { lists[id]?.document }

    public func securedStatusList(id: String) -> SecuredStatusList? { lists[id] }
}
