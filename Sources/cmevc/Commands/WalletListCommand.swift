import ArgumentParser
import Foundation
import VerifiableCredentials

/// `cmevc wallet list`: the wallet as a transcript with totals per credit type.
struct WalletListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print the wallet as a transcript.",
        discussion: """
            A wallet file that cannot be read or is not a credential (not JSON, not a JSON object, a type that \
            does not list VerifiableCredential, no credentialSubject or one that is not an object or an array of \
            objects, an enveloped JWT that does not decode, is a presentation or carries no such \
            credentialSubject) is named on stderr as warning: WALLET/FILE: why, and left out of the transcript \
            and the count; --format json lists these lines, without warning:, in warnings. Exit status: 0 every \
            file listed, 1 some file skipped (the others are listed), 2 the wallet folder cannot be read.
            """)

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Option(help: ArgumentHelp("The wallet folder.", valueName: "dir"))
    var wallet: String

    @Option(help: "text, json or csv.")
    var format: ListFormat = .text

    func run() throws {
        let contents: CredentialWallet.Contents
        do {
            contents = try CredentialWallet(directory: URL(fileURLWithPath: wallet)).contents()
        } catch {
            throw Terminal.couldNotRun(error.description)
        }
        var warnings: [String] = []
        for skipped in contents.skipped { Terminal.warn(skipped.description, into: &warnings) }
        let lines = contents.entries.compactMap { $0.credential.objectValue.map(TranscriptLine.init(credential:)) }
            .sorted { ($0.completed?.date ?? .distantPast) < ($1.completed?.date ?? .distantPast) }
        let totals = TranscriptLine.totals(of: lines)
        switch format {
        case .json:
            let items: [JSONValue] = lines.map { line in
                [
                    "id": line.id.map { .string($0) } ?? .null,
                    "completed": line.completed.map { .string($0.text) } ?? .null,
                    "provider": .string(line.provider), "activity": .string(line.activity),
                    "credits": .array(line.credits.map { ["type": .string($0.type), "amount": .number($0.amount)] }),
                    "topics": .array(line.topics.map { .string($0) }),
                ]
            }
            let report: JSONValue = [
                "credentials": .array(items),
                "totals": .array(totals.map { ["type": .string($0.0), "amount": .number($0.1)] }),
                // Every warning printed on stderr, so a record that keeps only the JSON keeps them.
                "warnings": .array(warnings.map(JSONValue.string)),
            ]
            Terminal.outBytes(JSONSerializer.bytes(report, layout: .pretty))
        case .csv:
            // CSV goes out as bytes: a quoted field may hold a line break, which the text output would escape.
            Terminal.outBytes(Array(TranscriptCSV.render(lines).utf8))
        case .text:
            for line in lines {
                let credits = line.credits.map { "\(TranscriptLine.amountText($0.amount)) \($0.type)" }.joined(
                    separator: ", ")
                let date = line.completed.map { String($0.text.prefix(10)) } ?? "????-??-??"
                Terminal.out(
                    "\(date)  \(line.provider)  \(line.activity)  \(credits)\(line.topics.isEmpty ? "" : "  [\(line.topics.joined(separator: ", "))]")"
                )
            }
            Terminal.out(
                "\(lines.count) credential\(lines.count == 1 ? "" : "s"); totals: \(totals.isEmpty ? "none" : totals.map { "\(TranscriptLine.amountText($0.1)) \($0.0)" }.joined(separator: ", "))"
            )
        }
        if !contents.skipped.isEmpty { throw ExitStatus.notVerified }
    }
}
