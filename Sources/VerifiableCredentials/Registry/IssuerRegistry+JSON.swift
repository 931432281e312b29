extension IssuerRegistry {
    /// Reads a registry strictly: unknown members, missing fields and malformed values are errors that name
    /// their JSON Pointer, such as `/issuers/0/keys/1/validFrom`.
    ///
    /// - Throws: ``CredentialError`` `invalidRegistry`.
    public init(json: JSONValue) throws(CredentialError) {
        let root = try JSONFieldReader(json, at: "", code: .invalidRegistry)
        try root.onlyKeys(["format", "registry", "accreditors", "issuers", "proof"])
        let format = try root.string("format")
        guard format == Self.format else {
            throw root.error("format", "expected \"\(Self.format)\", found \"\(format)\"")
        }
        guard let registryValue = root.object["registry"] else {
            throw root.error("registry", "missing required object")
        }
        let meta = try JSONFieldReader(registryValue, at: "/registry", code: .invalidRegistry)
        try meta.onlyKeys(["id", "name", "sequence", "issued", "nextUpdate", "governance"])
        let info = Info(
            id: try meta.string("id"), name: try meta.string("name"), sequence: try meta.integer("sequence"),
            issued: try meta.date("issued"), nextUpdate: try meta.optionalDate("nextUpdate"),
            governance: try meta.optionalString("governance"))
        var accreditors: [Accreditor] = []
        for (value, pointer) in try root.elements("accreditors") {
            let reader = try JSONFieldReader(value, at: pointer, code: .invalidRegistry)
            try reader.onlyKeys(["id", "name", "kind", "recognizedBy"])
            let accreditor = Accreditor(
                id: try reader.string("id"), name: try reader.string("name"), kind: try reader.optionalString("kind"),
                recognizedBy: try reader.optionalString("recognizedBy"))
            guard !accreditors.contains(where: { $0.id == accreditor.id }) else {
                throw reader.error("id", "accreditor \"\(accreditor.id)\" is listed twice")
            }
            accreditors.append(accreditor)
        }
        for (index, accreditor) in accreditors.enumerated() {
            if let parent = accreditor.recognizedBy, !accreditors.contains(where: { $0.id == parent }) {
                throw CredentialError(
                    .invalidRegistry, "recognizedBy names \"\(parent)\", which is not an accreditor",
                    location: "/accreditors/\(index)/recognizedBy")
            }
        }
        var issuers: [RegisteredIssuer] = []
        var keyIDs: Set<String> = []
        for (value, pointer) in try root.elements("issuers") {
            let issuer = try Self.readIssuer(value, at: pointer, accreditors: accreditors)
            guard !issuers.contains(where: { $0.id == issuer.id }) else {
                throw CredentialError(
                    .invalidRegistry, "issuer \(issuer.id) is listed twice", location: pointer + "/id")
            }
            for (index, key) in issuer.keys.enumerated() {
                guard keyIDs.insert(key.id).inserted else {
                    throw CredentialError(
                        .invalidRegistry, "key \(key.id) is listed twice", location: pointer + "/keys/\(index)/id")
                }
            }
            issuers.append(issuer)
        }
        if let proof = root.object["proof"], proof.objectValue == nil, proof.arrayValue == nil {
            throw root.error("proof", "expected a Data Integrity proof object")
        }
        self.init(info: info, accreditors: accreditors, issuers: issuers, proof: root.object["proof"])
        self.document = json
    }

    private static func readIssuer(_ value: JSONValue, at pointer: String, accreditors: [Accreditor])
        throws(CredentialError) -> RegisteredIssuer
    {
        let reader = try JSONFieldReader(value, at: pointer, code: .invalidRegistry)
        try reader.onlyKeys(["id", "names", "identifiers", "accreditations", "keys", "statusLists"])
        let id = try reader.string("id")
        guard id.hasPrefix("did:") else { throw reader.error("id", "expected the issuer's DID, found \"\(id)\"") }
        guard let namesValue = reader.object["names"] else { throw reader.error("names", "missing required object") }
        let names = try JSONFieldReader(namesValue, at: reader.path("names"), code: .invalidRegistry)
        try names.onlyKeys(["display", "legal"])
        var identifiers: [RegisteredIssuer.Identifier] = []
        for (item, itemPointer) in try reader.elements("identifiers") {
            let entry = try JSONFieldReader(item, at: itemPointer, code: .invalidRegistry)
            try entry.onlyKeys(["type", "value"])
            identifiers.append(.init(type: try entry.string("type"), value: try entry.string("value")))
        }
        var accreditations: [Accreditation] = []
        for (item, itemPointer) in try reader.elements("accreditations") {
            let entry = try JSONFieldReader(item, at: itemPointer, code: .invalidRegistry)
            try entry.onlyKeys(["accreditor", "status", "validFrom", "validUntil", "creditTypes", "mocBoards"])
            let accreditor = try entry.string("accreditor")
            guard accreditors.contains(where: { $0.id == accreditor }) else {
                throw entry.error("accreditor", "\"\(accreditor)\" is not in /accreditors")
            }
            let accreditation = Accreditation(
                accreditor: accreditor, status: try entry.string("status"), validFrom: try entry.date("validFrom"),
                validUntil: try entry.optionalDate("validUntil"), creditTypes: try entry.strings("creditTypes"),
                mocBoards: try entry.strings("mocBoards"))
            if let until = accreditation.validUntil, until.end < accreditation.validFrom.start {
                throw entry.error("validUntil", "ends before validFrom")
            }
            accreditations.append(accreditation)
        }
        var keys: [RegisteredKey] = []
        for (item, itemPointer) in try reader.elements("keys") {
            keys.append(try readKey(item, at: itemPointer))
        }
        var statusLists: [StatusListPolicy] = []
        for (item, itemPointer) in try reader.elements("statusLists") {
            let entry = try JSONFieldReader(item, at: itemPointer, code: .invalidRegistry)
            try entry.onlyKeys(["idPrefix", "maxAgeDays"])
            let days = try entry.integer("maxAgeDays")
            guard days >= 1 else { throw entry.error("maxAgeDays", "expected at least 1 day") }
            statusLists.append(.init(idPrefix: try entry.string("idPrefix"), maxAgeDays: days))
        }
        return RegisteredIssuer(
            id: id, displayName: try names.string("display"), legalName: try names.optionalString("legal"),
            identifiers: identifiers, accreditations: accreditations, keys: keys, statusLists: statusLists)
    }

    private static func readKey(_ value: JSONValue, at pointer: String) throws(CredentialError) -> RegisteredKey {
        let entry = try JSONFieldReader(value, at: pointer, code: .invalidRegistry)
        try entry.onlyKeys(["id", "type", "publicKeyMultibase", "publicKeyJwk", "validFrom", "validUntil", "revoked"])
        let id = try entry.string("id")
        guard id.hasPrefix("did:"), id.contains("#") else {
            throw entry.error("id", "expected a verification method id (a DID URL with #fragment), found \"\(id)\"")
        }
        let publicKey: JWSPublicKey
        let asJWK: Bool
        switch (entry.object["publicKeyMultibase"], entry.object["publicKeyJwk"]) {
        case (let multibase?, nil):
            guard let text = multibase.stringValue else { throw entry.error("publicKeyMultibase", "expected a string") }
            do {
                publicKey = .key(try PublicKey(multibase: text))
            } catch {
                throw entry.error("publicKeyMultibase", error.message)
            }
            asJWK = false
        case (nil, let jwk?):
            do {
                publicKey = try JWSPublicKey(jwk: jwk)
            } catch {
                throw entry.error("publicKeyJwk", error.message)
            }
            asJWK = true
        default:
            throw entry.error("publicKeyMultibase", "give exactly one of publicKeyMultibase and publicKeyJwk")
        }
        var revocation: RegisteredKey.Revocation?
        if let revokedValue = entry.object["revoked"] {
            let revoked = try JSONFieldReader(revokedValue, at: entry.path("revoked"), code: .invalidRegistry)
            try revoked.onlyKeys(["at", "reason", "compromisedSince"])
            revocation = .init(
                at: try revoked.date("at"), reason: try revoked.optionalString("reason"),
                compromisedSince: try revoked.optionalDate("compromisedSince"))
            if let since = revocation?.compromisedSince, let at = revocation?.at, since > at {
                throw revoked.error("compromisedSince", "is after the revocation time \(at.text)")
            }
        }
        let key = RegisteredKey(
            id: id, verificationKey: publicKey, writtenAsJWK: asJWK, validFrom: try entry.optionalDate("validFrom"),
            validUntil: try entry.optionalDate("validUntil"), revoked: revocation)
        if let from = key.validFrom, let until = key.validUntil, until.end < from.start {
            throw entry.error("validUntil", "ends before validFrom")
        }
        return key
    }

    /// The registry as JSON, members in the documented order; with ``proof`` when `includingProof`.
    public func json(includingProof: Bool = true) -> JSONValue {
        var root = JSONObject()
        root["format"] = .string(Self.format)
        var meta = JSONObject()
        meta["id"] = .string(info.id)
        meta["name"] = .string(info.name)
        meta["sequence"] = .number(Double(info.sequence))
        meta["issued"] = .string(info.issued.text)
        if let nextUpdate = info.nextUpdate { meta["nextUpdate"] = .string(nextUpdate.text) }
        if let governance = info.governance { meta["governance"] = .string(governance) }
        root["registry"] = .object(meta)
        root["accreditors"] = .array(
            accreditors.map { accreditor in
                var object = JSONObject()
                object["id"] = .string(accreditor.id)
                object["name"] = .string(accreditor.name)
                if let kind = accreditor.kind { object["kind"] = .string(kind) }
                if let parent = accreditor.recognizedBy { object["recognizedBy"] = .string(parent) }
                return .object(object)
            })
        root["issuers"] = .array(issuers.map(Self.json(issuer:)))
        if includingProof, let proof { root["proof"] = proof }
        return .object(root)
    }

    /// The registry as JSON (with its proof, if any).
    public var json: JSONValue { json(includingProof: true) }

    private static func json(issuer: RegisteredIssuer) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(issuer.id)
        var names = JSONObject()
        names["display"] = .string(issuer.displayName)
        if let legal = issuer.legalName { names["legal"] = .string(legal) }
        object["names"] = .object(names)
        object["identifiers"] = .array(
            issuer.identifiers.map { ["type": .string($0.type), "value": .string($0.value)] })
        object["accreditations"] = .array(
            issuer.accreditations.map { accreditation in
                var entry = JSONObject()
                entry["accreditor"] = .string(accreditation.accreditor)
                entry["status"] = .string(accreditation.status)
                entry["validFrom"] = .string(accreditation.validFrom.text)
                if let until = accreditation.validUntil { entry["validUntil"] = .string(until.text) }
                entry["creditTypes"] = .array(accreditation.creditTypes.map { .string($0) })
                if !accreditation.mocBoards.isEmpty {
                    entry["mocBoards"] = .array(accreditation.mocBoards.map { .string($0) })
                }
                return .object(entry)
            })
        object["keys"] = .array(
            issuer.keys.map { key in
                var entry = JSONObject()
                entry["id"] = .string(key.id)
                if let multikey = key.publicKey, !key.writtenAsJWK {
                    entry["type"] = "Multikey"
                    entry["publicKeyMultibase"] = .string(multikey.multibase)
                } else {
                    entry["type"] = "JsonWebKey"
                    entry["publicKeyJwk"] = key.verificationKey.jwk
                }
                if let from = key.validFrom { entry["validFrom"] = .string(from.text) }
                if let until = key.validUntil { entry["validUntil"] = .string(until.text) }
                if let revoked = key.revoked {
                    var revocation = JSONObject()
                    revocation["at"] = .string(revoked.at.text)
                    if let reason = revoked.reason { revocation["reason"] = .string(reason) }
                    if let since = revoked.compromisedSince { revocation["compromisedSince"] = .string(since.text) }
                    entry["revoked"] = .object(revocation)
                }
                return .object(entry)
            })
        object["statusLists"] = .array(
            issuer.statusLists.map {
                ["idPrefix": .string($0.idPrefix), "maxAgeDays": .number(Double($0.maxAgeDays))]
            })
        return .object(object)
    }
}
