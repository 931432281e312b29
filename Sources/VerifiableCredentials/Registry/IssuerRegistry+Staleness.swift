public import Foundation

extension IssuerRegistry.Info {
    /// Whether the registry is stale at `date`: its `nextUpdate` has passed (a calendar date covers its whole
    /// day). A stale registry is still used (DOMAIN.md §5.5: the office may not have fetched the newer one
    /// yet), but whoever relies on it should be told: a key revoked since may still be listed as valid.
    public func isStale(at date: Date) -> Bool {
        guard let nextUpdate else { return false }
        return date > nextUpdate.end
    }

    /// A one-line warning for a person when the registry is stale at `date`, else `nil`.
    public func stalenessWarning(at date: Date) -> String? {
        guard isStale(at: date), let nextUpdate else { return nil }
        return
            "the registry is stale (nextUpdate \(nextUpdate.text) has passed); keys revoked since may still be listed"
    }
}
