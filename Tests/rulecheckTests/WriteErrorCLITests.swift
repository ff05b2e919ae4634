import Foundation
import Testing

/// A failed write to standard output or standard error is never a success.
@Suite("rulecheck write errors")
struct WriteErrorCLITests {
    /// Runs the binary with standard output (or standard error) on `/dev/full`.
    static func runOnFull(_ arguments: [String], stream: Int32 = STDOUT_FILENO, stdin: Data? = nil) throws
        -> CLI.Result
    {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let other = Pipe()
        let input = Pipe()
        if stream == STDOUT_FILENO {
            process.standardOutput = full
            process.standardError = other
        } else {
            process.standardOutput = other
            process.standardError = full
        }
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = other.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return CLI.Result(
            status: process.terminationStatus, stdout: stream == STDOUT_FILENO ? "" : text,
            stderr: stream == STDOUT_FILENO ? text : "")
    }

    static let table = CLI.path("rules/2026.yaml")
    static let bad = CLI.path("Tests/RuleEngineTests/Fixtures/schema/undefined-fee.yaml")
    static let person = ["--rules", table, "--ma", "2026", "--nr", "2027", "--as-of", "2026-02-16"]

    static let commands: [[String]] = [
        ["validate", table], ["validate", "--format", "json", table], ["validate", "--format", "sarif", table],
        ["validate", bad],
        ["eval"] + person, ["eval", "--format", "json"] + person,
        ["explain"] + person, ["explain", "--format", "json"] + person,
        ["test", table], ["test", "--format", "json", table],
        ["matrix", table, "--as-of", "2026-02-20"], ["matrix", table, "--timeline"],
        ["matrix", table, "--as-of", "2026-02-20", "--format", "html"],
        ["matrix", table, "--as-of", "2026-02-20", "--format", "markdown"],
        ["diff", table, CLI.path("Tests/Fixtures/policies/2027-example.yaml"), "--shift-years", "1"],
        ["diff", table, table],
        ["schema"], ["schema", "--kind", "expectations"],
        ["generate-roster", "--rows", "10", "--rules", table],
        ["batch", "-", "--rules", table, "--as-of", "2026-01-15"],
        ["--help"], ["--version"],
    ]

    @Test("every command with standard output on /dev/full exits 2 and says why", arguments: commands)
    func standardOutputFull(arguments: [String]) throws {
        let run = try Self.runOnFull(arguments, stdin: Data("ma_expires,nr_expires\n2026,2027\n".utf8))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("cannot write"), "\(run.stderr)")
    }

    @Test("bad-row messages that cannot be written to standard error make the run exit 2")
    func standardErrorFull() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.csv").path
        let run = try Self.runOnFull(
            ["batch", "-", "--rules", Self.table, "--as-of", "2026-01-15", "--output", output], stream: STDERR_FILENO,
            stdin: Data("ma_expires,nr_expires\n20x6,2027\n".utf8))
        #expect(run.status == 2)
    }
}
