public import Foundation

/// Finds status list credentials by their `id`, offline.
///
/// The verifier never fetches a list; a provider answers from what the caller gathered (a folder, a cache).
public protocol StatusListProvider: Sendable {
    /// The status list credential whose `id` is `id` (without fragment), or `nil` when it is not available.
    func statusListCredential(id: String) -> JSONValue?
}

/// No status lists at all: every status entry is unknown.
public struct NoStatusLists: StatusListProvider {
    public init() {}
    public func statusListCredential(id: String) -> JSONValue? { nil }
}

/// Status list credentials given in memory, indexed by their `id`.
public struct InMemoryStatusLists: StatusListProvider {
    public private(set) var lists: [String: JSONValue]

    /// Indexes `credentials` by their `id`; ones without an id are ignored (a later duplicate wins).
    public init(_ credentials: [JSONValue]) {
        var lists: [String: JSONValue] = [:]
        for credential in credentials {
            if let id = credential["id"]?.stringValue { lists[id] = credential }
        }
        self.lists = lists
    }

    public func statusListCredential(id: String) -> JSONValue? { lists[id] }
}

/// The status list credentials in a folder (`--status-dir`): every `.json` file is read and indexed by its
/// `id`. Files that do not parse are listed in ``problems`` and otherwise ignored.
public struct DirectoryStatusLists: StatusListProvider {
    public let lists: InMemoryStatusLists
    /// One line per file that could not be read or parsed.
    public let problems: [CredentialError]

    public init(directory: URL, limits: JSONParser.Limits = .default) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var credentials: [JSONValue] = []
        var problems: [CredentialError] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= limits.maximumBytes, let data = try? Data(contentsOf: url) else {
                problems.append(CredentialError(.io, "cannot read the status list file", location: url.path))
                continue
            }
            do {
                credentials.append(try JSONParser(limits: limits).parse(Array(data)))
            } catch {
                problems.append(error.located(url.path))
            }
        }
        self.lists = InMemoryStatusLists(credentials)
        self.problems = problems
    }

    public func statusListCredential(id: String) -> JSONValue? { lists.statusListCredential(id: id) }
}
