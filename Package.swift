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
        .executable(name: "rulecheck-server", targets: ["rulecheck-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP stack is used by `rulecheck-server` only, so `rulecheck` never builds it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLReader", dependencies: ["CYAML"]),
        .target(name: "RuleEngine", dependencies: ["YAMLReader"]),
        // The roster row loop for processors with AVX2, which Swift cannot target one function at.
        .target(name: "CRosterRows"),
        .target(name: "RuleCheckKit", dependencies: ["RuleEngine", "CRosterRows"]),
        // The service's command-line options, shared by `rulecheck serve` and `rulecheck-server`
        // without making `rulecheck` depend on the HTTP stack.
        .target(
            name: "ServiceOptions",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "rulecheck",
            dependencies: [
                "RuleEngine",
                "RuleCheckKit",
                "ServiceOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rulecheck-server",
            dependencies: [
                "RuleEngine", "RuleCheckKit", "ServiceOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
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
            name: "rulecheck-serverTests",
            dependencies: [
                "rulecheck-server", "rulecheck", "RuleEngine", "ServiceOptions",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Chromium"]
        ),
        .testTarget(
            name: "rulecheckTests",
            dependencies: ["rulecheck"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
