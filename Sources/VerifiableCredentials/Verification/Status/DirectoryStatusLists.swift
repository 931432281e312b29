public import Foundation

/// The status list credentials in a folder (`--status-dir`): every `.json` file (Data Integrity) and every
/// `.jwt` file (`vc+jwt`) is read and indexed by the credential's `id`, never by its file name.
///
/// A file that cannot be used (unreadable, over the size limit, a `.json` file that is neither JSON nor a JWT, a
/// `.jwt` file that is not a compact JWS, not a JSON object, no `id`) is listed once in ``problems`` and
/// otherwise ignored: the status checks that need its list are unknown.
public struct DirectoryStatusLists: StatusListProvider {
    public let lists: InMemoryStatusLists
    /// One error per file that could not be used, naming the file and why.
    public let problems: [CredentialError]
    /// How many `.json` and `.jwt` files the folder holds, usable or not; 0 means it holds no status list at
    /// all, which a caller may want to point out (every status check is then unknown).
    public let fileCount: Int

    /// Reads the `.json` and `.jwt` files directly in `directory`; problems with single files go to
    /// ``problems``.
    ///
    /// - Throws: ``CredentialError`` `io` naming the folder when it does not exist, is not a folder or cannot
    ///   be listed (every status check would otherwise be unknown without a word why).
    public init(directory: URL, limits: JSONParser.Limits = .default) throws(CredentialError) {
        let folder = directory.relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw CredentialError(.io, "the status list folder does not exist", location: folder)
        }
        guard isFolder.boolValue else {
            throw CredentialError(.io, "the status list folder is a file, not a folder", location: folder)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".json") || $0.hasSuffix(".jwt") }.sorted()
        } catch {
            throw CredentialError(.io, "cannot read the status list folder", location: folder)
        }
        var credentials: [SecuredStatusList] = []
        var problems: [CredentialError] = []
        for name in names {
            do {
                credentials.append(try Self.read(folder.hasSuffix("/") ? folder + name : folder + "/" + name, limits))
            } catch {
                problems.append(error)
            }
        }
        self.lists = InMemoryStatusLists(secured: credentials)
        self.problems = problems
        self.fileCount = names.count
    }

    public func statusListCredential(id: String) -> JSONValue? { lists.statusListCredential(id: id) }

    public func securedStatusList(id: String) -> SecuredStatusList? { lists.securedStatusList(id: id) }

    /// The list in the file at `path`: a `.jwt` file is read as a compact JWT only, a `.json` file as JSON or
    /// a compact JWT; errors name the file.
    private static func read(_ path: String, _ limits: JSONParser.Limits) throws(CredentialError) -> SecuredStatusList {
        let bytes = try DocumentFiles.read(path, maximumBytes: limits.maximumBytes)
        let list: SecuredStatusList
        do {
            list =
                path.hasSuffix(".jwt")
                ? try SecuredStatusList(compactJWT: bytes, limits: limits)
                : try SecuredStatusList(bytes: bytes, limits: limits)
        } catch {
            throw error.located(path)
        }
        guard case .object = list.document else {
            throw CredentialError(
                .invalidStatusListCredential,
                "not a status list credential: expected a JSON object, found \(list.document.kindDescription)",
                location: path)
        }
        guard list.id != nil else {
            throw CredentialError(
                .invalidStatusListCredential, "not a status list credential: it has no \"id\" string", location: path)
        }
        return list
    }
}
