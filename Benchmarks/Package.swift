// swift-tools-version: 6.1
// Benchmarks live in their own package so that users of the RuleEngine library do not inherit
// benchmark dependencies. Run from this folder: `swift package benchmark` (see ../README.md).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "RuleEngineBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RuleEngineBenchmarks",
            dependencies: [
                .product(name: "RuleEngine", package: root),
                .product(name: "RuleCheckKit", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RuleEngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Instruction counts per decision under callgrind (RESULTS.md): only the core, no harness.
        // Not directly under Benchmarks/, where package-benchmark would take it for a benchmark.
        .executableTarget(
            name: "DecisionProfile",
            dependencies: [.product(name: "RuleEngine", package: root)],
            path: "Benchmarks/Profile/DecisionProfile"
        ),
    ],
    swiftLanguageModes: [.v6]
)
