import VerifiableCredentials

/// The result of checking the audit log's hash chain.
public struct AuditChainReport: Sendable, Hashable {
    /// How many events the log holds.
    public var eventCount: Int
    /// Every problem found, in log order; empty when the chain is intact.
    public var problems: [AuditChainProblem]

    /// Whether every event matches its hash and links to the one before it.
    public var isIntact: Bool { problems.isEmpty }
}

/// One break in the audit chain, naming the event (`seq`) where it shows.
public struct AuditChainProblem: Sendable, Hashable, CustomStringConvertible {
    /// What happened to the log.
    public enum Kind: String, Sendable, Hashable {
        /// The event's fields no longer match its hash.
        case edited
        /// One or more events before this one are missing.
        case deleted
        /// This event is not part of the original chain.
        case inserted
        /// This event is stored at a position other than the one it was written at.
        case reordered
    }

    public var kind: Kind
    /// The stored `seq` of the event where the problem shows.
    public var seq: Int64
    /// One line for a person, naming the event and what is wrong.
    public var message: String

    public var description: String { "audit event \(seq): \(kind.rawValue): \(message)" }
}

/// A stored audit row before interpretation; `details` is the stored text, which may no longer parse.
struct AuditRow: Sendable {
    var seq: Int64
    var at: String
    var kind: String
    var credentialID: String?
    var details: String
    var prevHash: String
    var hash: String

    /// The event, when `details` parses.
    var event: AuditEvent? {
        guard let parsed = try? JSONParser.parse(details) else { return nil }
        return AuditEvent(
            seq: seq, at: at, kind: AuditEventKind(rawValue: kind), credentialID: credentialID, details: parsed,
            prevHash: prevHash, hash: hash)
    }

    /// Whether the stored hash matches the fields with `seq` replaced by `claimedSeq`.
    func matches(asSeq claimedSeq: Int64) -> Bool {
        guard var event else { return false }
        event.seq = claimedSeq
        return event.expectedHash == hash
    }
}

/// Walks the stored rows in `seq` order and names each break.
///
/// For each row it checks the row's own hash (was it edited, or moved from another `seq`?) and its link to
/// the row stored before it (does `prev_hash` name that row, the row before that, a row elsewhere, or no
/// row at all?). Rows shifted by an insertion or a deletion that has already been reported are not
/// reported again. A hash chain without an external anchor cannot show that events were cut off at the
/// end, or that the whole chain was recomputed.
enum AuditChainVerifier {
    /// How far from its stored position a moved event is looked for.
    static let moveWindow: Int64 = 16

    static func verify(_ rows: [AuditRow]) -> AuditChainReport {
        var problems: [AuditChainProblem] = []
        var reported: Set<Int64> = []
        func report(_ kind: AuditChainProblem.Kind, _ seq: Int64, _ message: String) {
            guard reported.insert(seq).inserted else { return }
            problems.append(AuditChainProblem(kind: kind, seq: seq, message: message))
        }
        let positionByHash = Dictionary(
            rows.enumerated().map { ($1.hash, $0) }, uniquingKeysWith: { first, _ in first })
        // The difference between stored and written seq explained by insertions and deletions so far.
        var shift: Int64 = 0

        for (position, row) in rows.enumerated() {
            let previous = position > 0 ? rows[position - 1] : nil
            let expectedPrev = previous?.hash ?? AuditEvent.genesisHash

            // 1. The row's own hash: which seq, if any, was it written as?
            let written: Int64? =
                row.matches(asSeq: row.seq)
                ? row.seq
                : ((row.seq - moveWindow)...(row.seq + moveWindow)).first { $0 != row.seq && row.matches(asSeq: $0) }
            if written == nil {
                if position + 1 < rows.count, rows[position + 1].prevHash == expectedPrev {
                    report(.inserted, row.seq, "not in the original chain: the next event skips it")
                    shift += 1
                } else {
                    report(.edited, row.seq, "its contents no longer match its hash")
                }
                continue
            }

            // 2. The link to the row stored before this one.
            if row.prevHash != expectedPrev {
                let previousReported = previous.map { reported.contains($0.seq) } ?? false
                if let previous, !previousReported,
                    (position >= 2 && row.prevHash == rows[position - 2].hash)
                        || (position == 1 && row.prevHash == AuditEvent.genesisHash)
                {
                    report(.inserted, previous.seq, "not in the original chain: event \(row.seq) is chained past it")
                    shift += 1
                } else if let origin = positionByHash[row.prevHash] {
                    if !previousReported {
                        let after = previous.map { "event \($0.seq)" } ?? "the start"
                        report(
                            .reordered, row.seq, "chained after event \(rows[origin].seq), but stored after \(after)")
                    }
                } else {
                    let missing =
                        previous.map {
                            $0.seq + 1 < row.seq ? "events \($0.seq + 1)…\(row.seq - 1)" : "events after \($0.seq)"
                        }
                        ?? "the events before it"
                    report(.deleted, row.seq, "\(missing) are missing; its previous event is not in the log")
                    if let written { shift = row.seq - written }
                }
            }

            // 3. A row written at another seq, beyond what insertions and deletions explain.
            if let written, written != row.seq, row.seq - written != shift {
                report(.reordered, row.seq, "written as event \(written), stored as event \(row.seq)")
            }
        }
        return AuditChainReport(eventCount: rows.count, problems: problems)
    }
}
