import Foundation
import Testing
import VerifiableCredentials

/// Finds the shared conformance material (`../shared` beside the package) from this file's path.
enum Vectors {
    /// `<package>/../shared`.
    static let sharedDirectory: URL = {
        URL(fileURLWithPath: #filePath)  // Tests/VerifiableCredentialsTests/Support/Vectors.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared")
    }()

    /// `<package>/../shared/vectors/<path>`.
    static func url(_ path: String) -> URL {
        sharedDirectory.appendingPathComponent("vectors").appendingPathComponent(path)
    }

    /// The bytes of a vector file.
    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(path)))
    }

    /// The text of a vector file.
    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// A vector file parsed with our own JSON parser.
    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(try bytes(path))
    }

    /// The file names in a vector folder, sorted.
    static func files(in folder: String, withExtension ext: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path)
            .filter { ext == nil || $0.hasSuffix(".\(ext ?? "")") }
            .sorted()
    }

    /// The signing key of a vector key-pair file (`secretKeyMultibase`, or the eddsa vectors' `privateKeyMultibase`).
    static func signingKey(_ path: String) throws -> SigningKey {
        let pair = try json(path)
        let secret = try #require(pair["secretKeyMultibase"]?.stringValue ?? pair["privateKeyMultibase"]?.stringValue)
        return try SigningKey(secretKeyMultibase: secret)
    }
}
