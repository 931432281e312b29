import Foundation

extension CredentialWallet {
    /// What a wallet folder holds: the credentials that read, and the files that did not.
    public struct Contents: Sendable {
        /// The stored credentials that read, sorted by file name.
        public var entries: [Entry]
        /// One error per `.json` file that was skipped, its location the file's path (the wallet folder as
        /// given, then the file name): unreadable, not JSON, not a JSON object, JSON that is not a credential
        /// (its `type` does not list `VerifiableCredential`, or its `credentialSubject` is missing or is not an
        /// object or a non-empty array of objects), or an enveloped JWT that does not decode, is not a credential
        /// JWT, or carries a credential whose `credentialSubject` is missing or not one.
        public var skipped: [CredentialError]
    }

    /// Every stored credential, sorted by file name, and every file that could not be read.
    ///
    /// - Throws: ``CredentialError`` `walletIO` when the folder cannot be listed.
    public func contents() throws(CredentialError) -> Contents {
        var contents = Contents(entries: [], skipped: [])
        for name in try fileNames() {
            let path = directory.appendingPathComponent(name).relativePath
            do {
                contents.entries.append(Entry(fileName: name, json: try Self.read(path)))
            } catch {
                contents.skipped.append(error)
            }
        }
        return contents
    }

    /// Every stored credential, sorted by file name; files that do not read are left out (``contents()``
    /// lists them).
    public func entries() throws(CredentialError) -> [Entry] {
        try contents().entries
    }

    /// The stored JSON of the file at `path`; errors name the file.
    private static func read(_ path: String) throws(CredentialError) -> JSONValue {
        let bytes = try DocumentFiles.read(path)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw error.located(path)
        }
        guard case .object(let object) = json else {
            throw CredentialError(
                .invalidCredential, "not a credential: expected a JSON object, found \(json.kindDescription)",
                location: path)
        }
        if EnvelopedCredential.isEnvelope(json) {
            let decoded: DecodedJWT
            do {
                decoded = try DecodedJWT(try EnvelopedCredential.jwt(in: json))
            } catch {
                throw error.located(path)
            }
            guard !decoded.format.isPresentation else {
                throw CredentialError(
                    .invalidCredential, "not a credential: the enveloped JWT is a presentation", location: path)
            }
            if let problem = CredentialSubjectProblem(of: decoded.document) {
                throw subjectProblem(problem, path, enveloped: true)
            }
            return json
        }
        let types = json["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential") else {
            throw CredentialError(
                .invalidCredential, "not a credential: its \"type\" does not list VerifiableCredential",
                location: path)
        }
        if let problem = CredentialSubjectProblem(of: object) { throw subjectProblem(problem, path, enveloped: false) }
        return json
    }

    /// A file whose credential has no `credentialSubject`, or one that is not an object or a non-empty array of
    /// objects, as VC Data Model 2.0 requires (§4.8).
    private static func subjectProblem(_ problem: CredentialSubjectProblem, _ path: String, enveloped: Bool)
        -> CredentialError
    {
        let clause = problem.clause(
            owner: enveloped ? "the enveloped JWT's credential" : "it",
            possessive: enveloped ? "the enveloped JWT's" : "its", member: "\"credentialSubject\"")
        return CredentialError(.invalidCredential, "not a credential: \(clause)", location: path)
    }
}
