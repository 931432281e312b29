public import Foundation

/// Loads a remote JSON-LD document (in practice a context file) by URL.
///
/// Implementations must be offline-safe for verification: ``BundledDocumentLoader`` never fetches anything.
public protocol DocumentLoader: Sendable {
    /// Returns the parsed document at `url`, or throws (`unknownContext` for a URL the loader does not know).
    func loadDocument(_ url: String) throws(CredentialError) -> JSONValue

    /// A cache of processed contexts shared by every expansion that uses this loader; `nil` for none.
    var contextCache: JSONLDContextCache? { get }
}

extension DocumentLoader {
    public var contextCache: JSONLDContextCache? { nil }
}

/// A document loader over documents held in memory: nothing is ever fetched from the network.
public struct BundledDocumentLoader: DocumentLoader {
    private let documents: [String: JSONValue]
    /// Processed contexts, shared by all copies of this loader.
    public let contextCache: JSONLDContextCache?

    /// Reads a folder holding `index.json` (URL → file name) and the files it names.
    public init(directory: URL) throws(CredentialError) {
        let indexURL = directory.appendingPathComponent("index.json")
        let index = try Self.readJSON(indexURL)
        guard let entries = index.objectValue else {
            throw CredentialError(
                .invalidContext, "index.json must be an object mapping URLs to file names",
                location: indexURL.path)
        }
        var documents: [String: JSONValue] = [:]
        for member in entries.members {
            guard let fileName = member.value.stringValue else {
                throw CredentialError(
                    .invalidContext, "the entry for \(member.key) is not a file name",
                    location: indexURL.path)
            }
            documents[member.key] = try Self.readJSON(directory.appendingPathComponent(fileName))
        }
        self.init(documents: documents)
    }

    /// A loader over these documents, keyed by URL.
    public init(documents: [String: JSONValue]) {
        self.documents = documents
        self.contextCache = JSONLDContextCache()
    }

    /// The URLs this loader serves.
    public var urls: Set<String> { Set(documents.keys) }

    public func loadDocument(_ url: String) throws(CredentialError) -> JSONValue {
        guard let document = documents[url] else {
            throw CredentialError(
                .unknownContext, "the context \(url) is not bundled; remote contexts are never fetched")
        }
        return document
    }

    private static func readJSON(_ url: URL) throws(CredentialError) -> JSONValue {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CredentialError(.io, "cannot read the file", location: url.path, underlying: "\(error)")
        }
        do {
            return try JSONParser.parse(data)
        } catch {
            throw error.located(url.path)
        }
    }
}
