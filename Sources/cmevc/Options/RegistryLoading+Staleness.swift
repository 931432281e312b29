import Foundation
import VerifiableCredentials

extension RegistryLoading {
    /// Warns on stderr, naming `path`, when `registry` is stale at `now` (its `nextUpdate` has passed). The
    /// registry is still used: the verification decides the exit status.
    static func warnIfStale(_ registry: IssuerRegistry, path: String, now: Date) {
        if let warning = registry.info.stalenessWarning(at: now) { Terminal.warn("\(path): \(warning)") }
    }

    /// ``warnIfStale(_:path:now:)``, adding the warning to `warnings`, for a JSON report.
    static func warnIfStale(_ registry: IssuerRegistry, path: String, now: Date, warnings: inout [String]) {
        if let warning = registry.info.stalenessWarning(at: now) {
            Terminal.warn("\(path): \(warning)", into: &warnings)
        }
    }
}
