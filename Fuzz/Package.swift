// swift-tools-version: 6.1
// A libFuzzer target for the loader, in its own package so that the library and its users
// never see sanitizer flags. Run it with `bash Fuzz/run.sh [SECONDS]` from the repository root.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "RuleEngineFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzLoader",
            dependencies: [
                .product(name: "RuleEngine", package: root),
                .product(name: "RuleCheckKit", package: root),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
