import Foundation
import VerifiableCredentials

/// Command-line arguments that are JWTs themselves rather than file names (`cmevc verify eyJ…`).
enum InlineJWT {
    /// The arguments that name no file and have the shape of a compact JWS, each with a display name
    /// (`JWT argument 1`, …), and the JWT text by that name.
    static func arguments(_ arguments: [String]) -> (names: [String], texts: [String: String]) {
        var names: [String] = []
        var texts: [String: String] = [:]
        for argument in arguments
        where !FileManager.default.fileExists(atPath: argument) && CompactJWS.looksCompact(argument.utf8) {
            let name = "JWT argument \(names.count + 1)"
            names.append(name)
            texts[name] = argument
            texts[argument] = argument
        }
        return (names, texts)
    }
}
