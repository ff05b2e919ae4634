// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "rulecheck",
    // Linux (Debian, what CI builds, tests and packages) needs no entry here. macOS 15 is the
    // minimum for `Synchronization.Mutex`; macOS builds are possible but not tested (README).
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RuleEngine", targets: ["RuleEngine"]),
        .library(name: "RuleCheckKit", targets: ["RuleCheckKit"]),
        .executable(name: "rulecheck", targets: ["rulecheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLReader", dependencies: ["CYAML"]),
        .target(name: "RuleEngine", dependencies: ["YAMLReader"]),
        .target(name: "RuleCheckKit", dependencies: ["RuleEngine"]),
        .executableTarget(
            name: "rulecheck",
            dependencies: [
                "RuleEngine",
                "RuleCheckKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "EmbeddingExample",
            dependencies: ["RuleEngine"],
            path: "Examples/EmbeddingExample"
        ),
        .testTarget(
            name: "YAMLReaderTests",
            dependencies: ["YAMLReader"]
        ),
        .testTarget(
            name: "RuleEngineTests",
            dependencies: ["RuleEngine", "YAMLReader"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RuleCheckKitTests",
            dependencies: ["RuleCheckKit", "RuleEngine", "YAMLReader"]
        ),
        .testTarget(
            name: "rulecheckTests",
            dependencies: ["rulecheck"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
