/// The outcome of a PARS export: the rows to upload, the rows PARS would reject, and what was left out.
public struct PARSExport: Sendable, Hashable {
    /// A row PARS would reject, with every reason.
    public struct RejectedRow: Sendable, Hashable {
        /// The row as it would have been written.
        public var row: PARSRow
        /// Every rule it broke, in rule order; never empty.
        public var reasons: [PARSRejection]

        public init(row: PARSRow, reasons: [PARSRejection]) {
            self.row = row
            self.reasons = reasons
        }

        /// `credential <id> (learner M. Gonzalez, activity 2026-017): <reasons>`, one line for stderr.
        public var message: String {
            "\(row.label): \(reasons.map(\.message).joined(separator: "; "))"
        }
    }

    /// Credentials not reported, by why.
    public struct LeftOut: Sendable, Hashable {
        /// Revoked, including credentials revoked because a reissue replaced them (the replacement is
        /// reported instead).
        public var revoked = 0
        /// Suspended: not in force now, so not reported; an export after reinstatement reports them.
        public var suspended = 0
        /// Completed before `--since` or after `--until`.
        public var outsideWindow = 0

        public init(revoked: Int = 0, suspended: Int = 0, outsideWindow: Int = 0) {
            self.revoked = revoked
            self.suspended = suspended
            self.outsideWindow = outsideWindow
        }

        /// All credentials left out.
        public var total: Int { revoked + suspended + outsideWindow }
    }

    /// Acceptable rows, in ledger order (completion date, activity, issue order).
    public var rows: [PARSRow]
    /// Rows PARS would reject, in the same order.
    public var rejected: [RejectedRow]
    /// Credentials not reported, by why.
    public var leftOut: LeftOut
    /// The credentials that gave at least one row.
    public var credentialCount: Int

    public init(rows: [PARSRow], rejected: [RejectedRow], leftOut: LeftOut, credentialCount: Int) {
        self.rows = rows
        self.rejected = rejected
        self.leftOut = leftOut
        self.credentialCount = credentialCount
    }

    /// `exported 8, rejected 2, left out 3 (revoked or replaced 1, suspended 1, outside the window 1)`.
    public var summary: String {
        "exported \(rows.count), rejected \(rejected.count), left out \(leftOut.total) (revoked or replaced "
            + "\(leftOut.revoked), suspended \(leftOut.suspended), outside the window \(leftOut.outsideWindow))"
    }
}
