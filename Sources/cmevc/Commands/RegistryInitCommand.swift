import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry init`: a new, empty registry.
struct RegistryInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new registry file.")

    @Option(help: ArgumentHelp("The operator's identifier (usually a DID).", valueName: "id"))
    var id: String

    @Option(help: "The registry's name.")
    var name: String

    @Option(help: ArgumentHelp("When the next version is due (date or date-time).", valueName: "date"))
    var nextUpdate: String?

    @Option(help: ArgumentHelp("An accreditor as ID=NAME (repeatable); default accme=ACCME.", valueName: "id=name"))
    var accreditor: [String] = []

    @Flag(help: "Replace an existing file.")
    var force = false

    @Argument(help: ArgumentHelp("The registry file to create.", valueName: "registry.json"))
    var registry: String

    func validate() throws {
        _ = try RegistryEditing.date(nextUpdate, option: "--next-update")
        for entry in accreditor { _ = try RegistryEditing.pair(entry, option: "--accreditor") }
    }

    func run() throws {
        guard force || !FileManager.default.fileExists(atPath: registry) else {
            throw Terminal.couldNotRun("\(registry): the file exists; pass --force to replace it")
        }
        let pairs = try accreditor.map { try RegistryEditing.pair($0, option: "--accreditor") }
        let accreditors =
            pairs.isEmpty
            ? [Accreditor(id: "accme", name: "ACCME", kind: "national")]
            : pairs.map { Accreditor(id: $0.0, name: $0.1) }
        let created = IssuerRegistry(
            info: .init(
                id: id, name: name, sequence: 1, issued: RegistryDate(Date()),
                nextUpdate: try RegistryEditing.date(nextUpdate, option: "--next-update")),
            accreditors: accreditors)
        try RegistryLoading.write(created, to: registry)
        Terminal.err("\(registry): created registry \(id), sequence 1")
    }
}
