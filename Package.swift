// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "cmevc",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "VerifiableCredentials", targets: ["VerifiableCredentials"]),
        .library(name: "CMECredentials", targets: ["CMECredentials"]),
        .library(name: "CMESchemas", targets: ["CMESchemas"]),
        .executable(name: "cmevc", targets: ["cmevc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"4.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "VerifiableCredentials",
            dependencies: [
                "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(name: "CMESchemas", path: "Schemas", resources: [.copy("json-schema"), .copy("contexts")]),
        .target(
            name: "CMECredentials",
            dependencies: [
                "VerifiableCredentials", "CMESchemas",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "cmevc",
            dependencies: [
                "CMECredentials", "VerifiableCredentials", "CMESchemas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cmevc-bench",
            dependencies: [
                "VerifiableCredentials", "CMECredentials", .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["HISTORY.md"]
        ),
        .testTarget(
            name: "VerifiableCredentialsTests",
            dependencies: ["VerifiableCredentials", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "CMECredentialsTests",
            dependencies: ["CMECredentials", "VerifiableCredentials", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "CMESchemasTests", dependencies: ["CMESchemas", "CMECredentials"]),
        .testTarget(name: "cmevcTests", dependencies: ["cmevc", "VerifiableCredentials"]),
    ]
)

// One place for language settings, as in the anchors' "standard cross-repo settings" block.
for target in package.targets where [.regular, .executable, .test].contains(target.type) {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .treatAllWarnings(as: .error),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
