public import VerifiableCredentials

/// Builds the PARS learner-completion export from the credentials an issuer ledger holds.
///
/// Credentials completed outside the window are left out first; of the rest, only credentials in force are
/// reported: revoked ones (and ones a reissue replaced) and suspended ones are left out and counted. Each remaining credential gives one or
/// more rows (``PARSRowBuilder``), each checked by ``PARSRowValidator``.
public struct PARSExporter: Sendable {
    public var mapping: PARSMapping
    /// The first completion date to report (`YYYY-MM-DD`, inclusive), or `nil` for no lower bound.
    public var since: String?
    /// The last completion date to report (`YYYY-MM-DD`, inclusive), or `nil` for no upper bound.
    public var until: String?
    public var catalog: CMECatalog

    /// - Throws: ``CredentialError`` `invalidPARSExportOptions` when a date is not `YYYY-MM-DD` or `until`
    ///   is before `since`.
    public init(
        mapping: PARSMapping = .default, since: String? = nil, until: String? = nil, catalog: CMECatalog = .bundled
    ) throws(CredentialError) {
        for (name, date) in [("since", since), ("until", until)] {
            if let date, !DateText.isDate(date) {
                throw CredentialError(
                    .invalidPARSExportOptions, "--\(name): expected a date YYYY-MM-DD, got \"\(date)\"")
            }
        }
        if let since, let until, until < since {
            throw CredentialError(.invalidPARSExportOptions, "--until \(until) is before --since \(since)")
        }
        self.mapping = mapping
        self.since = since
        self.until = until
        self.catalog = catalog
    }

    /// Whether a completion date is inside the window (dates compare as `YYYY-MM-DD` text).
    public func isInWindow(_ completionDate: String) -> Bool {
        if let since, completionDate < since { return false }
        if let until, completionDate > until { return false }
        return true
    }

    /// Sorts `credentials` into rows, rejected rows and left-out counts.
    public func export(_ credentials: [LedgerCredential]) -> PARSExport {
        let builder = PARSRowBuilder(mapping: mapping, catalog: catalog)
        let validator = PARSRowValidator(mapping: mapping)
        var rows: [PARSRow] = []
        var rejected: [PARSExport.RejectedRow] = []
        var leftOut = PARSExport.LeftOut()
        var reported = 0
        for credential in credentials {
            guard isInWindow(credential.activity.completionDate) else {
                leftOut.outsideWindow += 1
                continue
            }
            switch credential.state {
            case .revoked:
                leftOut.revoked += 1
                continue
            case .suspended:
                leftOut.suspended += 1
                continue
            case .active:
                break
            }
            reported += 1
            for row in builder.rows(for: credential) {
                let reasons = validator.rejections(of: row)
                if reasons.isEmpty {
                    rows.append(row)
                } else {
                    rejected.append(PARSExport.RejectedRow(row: row, reasons: reasons))
                }
            }
        }
        return PARSExport(rows: rows, rejected: rejected, leftOut: leftOut, credentialCount: reported)
    }

    /// Exports the credentials of `ledger`: only those completed inside the window are read from it; the
    /// others are counted as ``PARSExport/LeftOut/outsideWindow``.
    ///
    /// - Throws: ``CredentialError`` `ledger` when the ledger cannot be read.
    public func export(from ledger: IssuerLedger) throws(CredentialError) -> PARSExport {
        let window = try ledger.credentialsForReporting(completedFrom: since, through: until)
        var export = export(window.credentials)
        export.leftOut.outsideWindow += window.outsideWindow
        return export
    }
}
