import Foundation
import Testing

/// Finds and runs programs that some tests use, such as `check-jsonschema`.
enum ExternalTool {
    /// The executable named `name` on `PATH`, or `nil` when it is not installed.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether `check-jsonschema` (PyPI) is installed.
    static var hasCheckJSONSchema: Bool { find("check-jsonschema") != nil }

    /// The message shown when a test is skipped for want of `check-jsonschema`.
    static let checkJSONSchemaMissing: Comment =
        "check-jsonschema is not installed (pip install check-jsonschema); .ci/run installs it and runs the same checks"

    /// Runs `check-jsonschema --schemafile SCHEMA FILES...` in the package root.
    static func checkJSONSchema(schema: String, files: [String]) throws -> CLI.Result {
        guard let tool = find("check-jsonschema") else {
            return CLI.Result(status: 127, stdout: "", stderr: "check-jsonschema is not installed")
        }
        return try run(tool, ["--schemafile", schema] + files)
    }

    /// Whether `python3` can import every module named (such as `junitparser` from PyPI).
    static func hasPythonModules(_ modules: String...) -> Bool {
        guard let python = find("python3") else { return false }
        let imports = modules.map { "import \($0)" }.joined(separator: "; ")
        return (try? run(python, ["-c", imports]).status) == 0
    }

    /// The JUnit XSD to validate reports against: `$RULECHECK_JUNIT_XSD`, or the one
    /// `scripts/fetch-junit-xsd.sh` extracts from pytest's source distribution on PyPI.
    static var junitSchema: String? {
        let candidates = [
            ProcessInfo.processInfo.environment["RULECHECK_JUNIT_XSD"], CLI.path(".build/junit-xsd/junit-10.xsd"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs a program and collects its output.
    static func run(_ executable: URL, _ arguments: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
