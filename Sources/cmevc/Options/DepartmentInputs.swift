import CMECredentials
import Foundation
import VerifiableCredentials

/// The files of a `cmevc report` folder: each top-level file is a physician's presentation (grouped by holder
/// later), each subfolder one physician's files; `NAME.facts.json` beside a presentation and `facts.json` in a
/// physician's folder are facts files. Hidden files are skipped.
enum DepartmentInputs {
    struct Input: Sendable {
        /// The path to read.
        var path: String
        /// The name shown in the report: the path relative to the folder.
        var name: String
        /// The physician's folder name, when the file is in one.
        var physician: String?
        /// The facts file that goes with this file, when there is one.
        var factsPath: String?
    }

    static let factsSuffix = ".facts.json"

    /// The inputs, sorted by name.
    static func list(_ directory: String) throws(CredentialError) -> [Input] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CredentialError(.io, "expected a folder of presentations", location: directory)
        }
        let root = URL(fileURLWithPath: directory)
        var inputs: [Input] = []
        for name in entries(root) {
            let url = root.appendingPathComponent(name)
            if isFolder(url) {
                let facts = url.appendingPathComponent("facts.json")
                let factsPath = FileManager.default.fileExists(atPath: facts.path) ? facts.path : nil
                for inner in entries(url) where inner != "facts.json" && !isFolder(url.appendingPathComponent(inner)) {
                    inputs.append(
                        Input(
                            path: url.appendingPathComponent(inner).path, name: "\(name)/\(inner)", physician: name,
                            factsPath: factsPath))
                }
            } else if !name.hasSuffix(factsSuffix) {
                let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
                let facts = root.appendingPathComponent(stem + factsSuffix)
                inputs.append(
                    Input(
                        path: url.path, name: name, physician: nil,
                        factsPath: FileManager.default.fileExists(atPath: facts.path) ? facts.path : nil))
            }
        }
        return inputs
    }

    /// Top-level facts files with no presentation of the same name (`NAME.facts.json` without `NAME.json`).
    static func orphanFacts(_ directory: String) -> [String] {
        let names = entries(URL(fileURLWithPath: directory))
        let present = Set(names)
        return names.filter { name in
            name.hasSuffix(factsSuffix) && !present.contains(String(name.dropLast(factsSuffix.count)) + ".json")
        }
    }

    /// Reads every facts file the inputs name once; a bad one is a problem in the report and its physician
    /// falls back to the defaults.
    static func readFacts(
        _ inputs: [Input], defaults: PhysicianFacts, builder: inout DepartmentReportBuilder
    ) -> [String: PhysicianFactsFile] {
        var files: [String: PhysicianFactsFile] = [:]
        var failed: Set<String> = []
        for path in inputs.compactMap(\.factsPath) where files[path] == nil && !failed.contains(path) {
            let json: JSONValue
            do {
                json = try InputFiles.json(path)
            } catch {
                failed.insert(path)
                builder.addProblem(file: path, message: error.message)
                continue
            }
            do {
                files[path] = try PhysicianFactsFile(json: json, defaults: defaults)
            } catch {
                failed.insert(path)
                builder.addProblem(file: path, message: "\(error.location.map { "\($0): " } ?? "")\(error.message)")
            }
        }
        return files
    }

    private static func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
