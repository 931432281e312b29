import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry add-issuer`: register an issuer with its accreditation and status list location.
struct RegistryAddIssuerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-issuer", abstract: "Add an issuer with an accreditation (and optionally its status lists).")

    @Option(help: ArgumentHelp("The registry file.", valueName: "registry.json"))
    var registry: String

    @Option(help: ArgumentHelp("The issuer's DID.", valueName: "did"))
    var id: String

    @Option(help: "The display name.")
    var name: String

    @Option(help: "The legal name.")
    var legalName: String?

    @Option(
        help: ArgumentHelp(
            "An identifier as TYPE=VALUE, such as ACCMEProviderId=0001234 (repeatable).", valueName: "type=value"))
    var identifier: [String] = []

    @Option(help: "The accreditor's id in the registry.")
    var accreditor: String = "accme"

    @Option(help: "The accreditation status (accredited, provisional, probation, …).")
    var status: String = "accredited"

    @Option(help: ArgumentHelp("The accreditation's start.", valueName: "date"))
    var accreditedFrom: String

    @Option(help: ArgumentHelp("The accreditation's end.", valueName: "date"))
    var accreditedUntil: String?

    @Option(
        help: ArgumentHelp("A credit type the issuer may award, such as AMA_PRA_CAT1 (repeatable).", valueName: "code"))
    var creditType: [String] = []

    @Option(help: ArgumentHelp("A MOC board the issuer reports to (repeatable).", valueName: "board"))
    var mocBoard: [String] = []

    @Option(help: ArgumentHelp("The prefix of the issuer's status list ids.", valueName: "url"))
    var statusPrefix: String?

    @Option(help: "How many days a status list stays fresh.")
    var maxAgeDays: Int = 7

    func validate() throws {
        guard id.hasPrefix("did:") else { throw ValidationError("--id: expected the issuer's DID, got \"\(id)\"") }
        _ = try RegistryEditing.date(accreditedFrom, option: "--accredited-from")
        _ = try RegistryEditing.date(accreditedUntil, option: "--accredited-until")
        for entry in identifier { _ = try RegistryEditing.pair(entry, option: "--identifier") }
        guard maxAgeDays >= 1 else { throw ValidationError("--max-age-days must be at least 1") }
    }

    func run() throws {
        var current = try RegistryLoading.load(registry)
        guard current.issuer(id) == nil else {
            throw Terminal.couldNotRun("\(registry): issuer \(id) is already registered")
        }
        guard current.accreditors.contains(where: { $0.id == accreditor }) else {
            let known = current.accreditors.map(\.id).joined(separator: ", ")
            throw Terminal.couldNotRun("\(registry): no accreditor \"\(accreditor)\" (known: \(known))")
        }
        guard let from = try RegistryEditing.date(accreditedFrom, option: "--accredited-from") else { return }
        let accreditation = Accreditation(
            accreditor: accreditor, status: status, validFrom: from,
            validUntil: try RegistryEditing.date(accreditedUntil, option: "--accredited-until"),
            creditTypes: creditType,
            mocBoards: mocBoard)
        let identifiers = try identifier.map { try RegistryEditing.pair($0, option: "--identifier") }
            .map { RegisteredIssuer.Identifier(type: $0.0, value: $0.1) }
        current.issuers.append(
            RegisteredIssuer(
                id: id, displayName: name, legalName: legalName, identifiers: identifiers,
                accreditations: [accreditation],
                statusLists: statusPrefix.map { [StatusListPolicy(idPrefix: $0, maxAgeDays: maxAgeDays)] } ?? []))
        try RegistryEditing.save(current, to: registry, change: "added issuer \(id)")
    }
}
