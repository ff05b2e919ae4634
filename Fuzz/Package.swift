// swift-tools-version: 6.1
// libFuzzer targets, in their own package so that the library and its users never see
// sanitizer flags. Run them all with `bash Fuzz/run.sh [SECONDS]` from the repository root.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let libraries: [Target.Dependency] = [
    .product(name: "RuleEngine", package: root),
    .product(name: "RuleCheckKit", package: root),
]

/// A fuzz target: an executable that hands its callback to libFuzzer's driver.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name, dependencies: libraries + ["FuzzSupport"], swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "RuleEngineFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: libraries),
        fuzzTarget("FuzzLoader"),
        fuzzTarget("FuzzRoster"),
        fuzzTarget("FuzzExpectations"),
        fuzzTarget("FuzzDiff"),
        fuzzTarget("FuzzExplain"),
        fuzzTarget("FuzzRenderers"),
        fuzzTarget("FuzzAnalysisCost"),
    ],
    swiftLanguageModes: [.v6]
)
