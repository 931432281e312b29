import Crypto
public import Foundation
public import VerifiableCredentials

/// The kind of an audit event.
public struct AuditEventKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A credential was issued (details: activity, learner key, record hash, status positions).
    public static let issue = Self(rawValue: "issue")
    /// A credential was revoked.
    public static let revoke = Self(rawValue: "revoke")
    /// A credential was suspended.
    public static let suspend = Self(rawValue: "suspend")
    /// A suspension was lifted.
    public static let reinstate = Self(rawValue: "reinstate")
    /// Status lists were published.
    public static let publish = Self(rawValue: "publish")
    /// An issuer key was created, rotated or retired.
    public static let key = Self(rawValue: "key")

    public var description: String { rawValue }
}

/// One event of the ledger's hash-chained audit log.
///
/// `hash` is the lowercase hex SHA-256 of the UTF-8 bytes of `prevHash` (64 hex digits; 64 zeros for the
/// first event) followed by the RFC 8785 canonical JSON of
/// `{"seq", "at", "kind", "credentialID", "details"}`. Changing any field, or the position of an event,
/// breaks its own hash or the link from the next event.
public struct AuditEvent: Sendable, Hashable {
    /// The `prevHash` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The position in the log, from 1.
    public var seq: Int64
    /// When the event happened, as recorded (RFC 3339, UTC, milliseconds).
    public var at: String
    public var kind: AuditEventKind
    /// The credential the event concerns, if any.
    public var credentialID: String?
    /// Event-specific facts (reason, status positions, list ids, key ids…).
    public var details: JSONValue
    /// The previous event's hash.
    public var prevHash: String
    /// This event's hash.
    public var hash: String

    /// The time of the event, when ``at`` parses.
    public var date: Date? { LedgerTime.parse(at) }

    /// The hash an event with these fields must have.
    public static func computeHash(
        prevHash: String, seq: Int64, at: String, kind: AuditEventKind, credentialID: String?, details: JSONValue
    ) -> String {
        computeHash(
            prevHash: prevHash, seq: seq, at: at, kind: kind, credentialID: credentialID,
            canonicalDetails: JSONCanonicalizer.canonicalize(details))
    }

    /// ``computeHash(prevHash:seq:at:kind:credentialID:details:)`` from the details' RFC 8785 bytes, which the
    /// ledger stores anyway: the fields object is written in its canonical member order (`at`,
    /// `credentialID`, `details`, `kind`, `seq`) around them, instead of being built and canonicalized again.
    static func computeHash(
        prevHash: String, seq: Int64, at: String, kind: AuditEventKind, credentialID: String?,
        canonicalDetails: [UInt8]
    ) -> String {
        var fields = CanonicalJSONText(capacity: canonicalDetails.count + 192)
        fields.append("{\"at\":")
        fields.append(string: at)
        fields.append(",\"credentialID\":")
        if let credentialID { fields.append(string: credentialID) } else { fields.append("null") }
        fields.append(",\"details\":")
        fields.append(canonical: canonicalDetails)
        fields.append(",\"kind\":")
        fields.append(string: kind.rawValue)
        fields.append(",\"seq\":")
        fields.append(number: Double(seq))
        fields.append("}")
        var hasher = SHA256()
        var prevHash = prevHash
        prevHash.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        fields.finish().withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { IdentityHash.hex($0) }
    }

    /// The hash this event's fields call for (compare with ``hash``).
    public var expectedHash: String {
        Self.computeHash(
            prevHash: prevHash, seq: seq, at: at, kind: kind, credentialID: credentialID, details: details)
    }

    /// The event as one JSON object, for JSON Lines export.
    public var json: JSONValue {
        [
            "seq": .number(Double(seq)),
            "at": .string(at),
            "kind": .string(kind.rawValue),
            "credentialID": credentialID.map(JSONValue.string) ?? .null,
            "details": details,
            "prevHash": .string(prevHash),
            "hash": .string(hash),
        ]
    }
}
