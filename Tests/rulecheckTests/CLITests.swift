import Foundation
import Testing

/// Runs the built `rulecheck` binary as a user would, and checks its output and exit codes.
@Suite("rulecheck command line")
struct CLITests {
    @Test("validate: clean table exits 0")
    func validateClean() throws {
        let run = try CLI.run(["validate", CLI.path("rules/2026.yaml")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("ok ("))
    }

    @Test("validate: a bad fixture prints path:line:col: error[code] and exits 1")
    func validateBad() throws {
        let fixture = CLI.path("Tests/RuleEngineTests/Fixtures/yaml/duplicate-key.yaml")
        let run = try CLI.run(["validate", fixture], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(fixture):4:3: error[RC103]: duplicate key `id`"))
        #expect(run.stdout.contains("  |   ^^"))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test("validate --format json prints one object per diagnostic")
    func validateJSON() throws {
        let fixture = CLI.path("Tests/RuleEngineTests/Fixtures/schema/undefined-fee.yaml")
        let run = try CLI.run(["validate", "--format", "json", fixture])
        #expect(run.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let first = try #require(parsed?.first)
        #expect(first["code"] as? String == "RC207")
        let location = first["location"] as? [String: Any]
        #expect(location?["line"] as? Int == 41)
        #expect(location?["column"] as? Int == 12)
    }

    @Test(
        "usage and I/O errors exit 2",
        arguments: [
            ["validate", "/nonexistent.yaml"], ["validate", "rules"], ["validate"],
            ["eval", "--ma", "abc", "--nr", "2027"],
            ["eval", "--ma", "2026", "--nr", "20x7"],
            ["eval", "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-30"],
            ["eval", "--ma", "2040", "--nr", "2027", "--as-of", "2026-01-01"],
            ["eval", "--ma", "2026", "--nr", "2027", "--as-of", "2028-01-01"], ["frobnicate"],
        ])
    func usageErrors(arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("eval --format json answers with the documented fields")
    func evalJSON() throws {
        let run = try CLI.run([
            "eval", "--rules", CLI.path("rules"), "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-16", "--format",
            "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["cohort"] as? String == "one-year-alignment")
        #expect(object?["status"] as? String == "action-overdue")
        #expect(object?["can_staff_ambulance"] as? Bool == true)
        #expect((object?["fee"] as? [String: Any])?["amount"] as? String == "62.50")
        #expect((object?["input"] as? [String: Any])?["as_of"] as? String == "2026-02-16")
    }

    @Test("eval text ends with the deciding rule's file and line")
    func evalText() throws {
        let run = try CLI.run([
            "eval", "--rules", CLI.path("rules/2026.yaml"), "--ma", "2027", "--nr", "2026", "--as-of", "2026-01-01",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("reverse-off-cycle"))
        #expect(run.stdout.contains("can staff ambulance: yes"))
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("Decided by rule `reverse-off-cycle` at ") && last.contains("2026.yaml:"))
    }

    @Test("test: the shipped tables pass and the last line counts the inputs")
    func testCommand() throws {
        let run = try CLI.run(["test"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.range(of: #"^\d+ passed, 0 failed$"#, options: .regularExpression) != nil, "\(last)")
    }

    @Test("test: a wrong expectations file fails with exit 1 and names the expectation")
    func testCommandFails() throws {
        let text = try String(contentsOfFile: CLI.path("rules/2026.expect.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "status: no-action-yet", with: "status: action-required")
            .replacingOccurrences(of: "table: 2026.yaml", with: "table: \(CLI.path("rules/2026.yaml"))")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wrong.expect.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLI.run(["test", CLI.path("rules/2026.yaml"), "--expectations", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL expectation `not-yet-due`"))
        #expect(run.stdout.contains("status: expected action-required, got no-action-yet"))
        let validate = try CLI.run(["validate", file.path])
        #expect(validate.status == 0, "\(validate.stdout)")
    }

    @Test("matrix: the grid has a row per MA year and a legend; --update-golden writes the timeline")
    func matrix() throws {
        let grid = try CLI.run(["matrix", CLI.path("rules/2026.yaml"), "--as-of", "2026-02-20"])
        #expect(grid.status == 0)
        #expect(grid.stdout.contains("Legend:"))
        #expect(grid.stdout.split(separator: "\n").filter { $0.hasPrefix("20") }.count == 11)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let update = try CLI.run(["matrix", CLI.path("rules/2026.yaml"), "--timeline", "--update-golden", file.path])
        #expect(update.status == 0)
        let written = try String(contentsOf: file, encoding: .utf8)
        let golden = try String(contentsOfFile: CLI.path("Tests/Golden/2026.timeline.txt"), encoding: .utf8)
        #expect(written == golden)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(file.lastPathComponent)") }
        #expect(leftovers.isEmpty)
    }

    @Test("random bytes never crash validate", arguments: 0..<12)
    func randomInput(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        let bytes = (0..<(64 + Int(seed) * 37)).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("random-\(seed).yaml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLI.run(["validate", file.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[RC"))
    }
}

/// Finds and runs the built binary.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// The `rulecheck` binary next to the test bundle, where `swift build` and `swift test` put it.
    static var binary: URL {
        // RULECHECK_BINARY runs the tests against another build (for example, the one before a change).
        if let other = ProcessInfo.processInfo.environment["RULECHECK_BINARY"] { return URL(fileURLWithPath: other) }
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.deletingLastPathComponent().appendingPathComponent("rulecheck"),
            bundle.appendingPathComponent("rulecheck"),
            packageRoot.appendingPathComponent(".build/debug/rulecheck"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
