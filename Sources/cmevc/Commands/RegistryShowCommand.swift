import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc registry show`: the registry in a readable form.
struct RegistryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the registry's issuers and keys.")

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Argument(help: ArgumentHelp("The registry file.", valueName: "registry.json"))
    var registry: String

    func run() throws {
        let current = try RegistryLoading.load(registry)
        if format == .json {
            Terminal.outBytes(JSONSerializer.bytes(current.json, layout: .pretty))
            return
        }
        let info = current.info
        Terminal.out("\(info.name)  \(info.id)")
        Terminal.out(
            "sequence \(info.sequence), issued \(info.issued.text)\(info.nextUpdate.map { ", next update \($0.text)" } ?? "")"
        )
        Terminal.out(
            current.proof == nil
                ? "unsigned"
                : "signed by \(current.proof?["verificationMethod"]?.stringValue ?? current.proof?.arrayValue?.first?["verificationMethod"]?.stringValue ?? "?")"
        )
        for issuer in current.issuers {
            Terminal.out("")
            Terminal.out("issuer \(issuer.id)  \"\(issuer.displayName)\"")
            for identifier in issuer.identifiers {
                Terminal.out("  identifier    \(identifier.type) \(identifier.value)")
            }
            for accreditation in issuer.accreditations {
                Terminal.out(
                    "  accreditation \(accreditation.status) by \(accreditation.accreditor) \(accreditation.validFrom.text) … \(accreditation.validUntil?.text ?? "")  credit types: \(accreditation.creditTypes.joined(separator: ", "))"
                )
            }
            for key in issuer.keys {
                let revoked =
                    key.revoked.map {
                        "  REVOKED \($0.at.text) (\($0.reason ?? "no reason"))\($0.compromisedSince.map { ", compromised since \($0.text)" } ?? "")"
                    } ?? ""
                Terminal.out(
                    "  key           \(key.id)  \(key.typeName)  \(key.windowDescription)\(revoked)")
            }
            for list in issuer.statusLists {
                Terminal.out("  status lists  \(list.idPrefix)…  max age \(list.maxAgeDays) days")
            }
        }
    }
}
