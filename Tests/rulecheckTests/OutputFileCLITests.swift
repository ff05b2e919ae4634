import Foundation
import Testing

/// `--output` and `--update-golden` as an attacker or a careless user would use them.
@Suite("rulecheck output files")
struct OutputFileCLITests {
    static let table = CLI.path("rules/2026.yaml")

    /// A copy of the shipped table in a fresh folder, with a small roster beside it.
    static func workspace() throws -> (folder: URL, table: String, roster: String) {
        let folder = try BatchCLITests.folder()
        let table = folder.appendingPathComponent("t.yaml").path
        try FileManager.default.copyItem(atPath: Self.table, toPath: table)
        let roster = try BatchCLITests.write("ma_expires,nr_expires\n2026,2027\n", in: folder, name: "r.csv")
        return (folder, table, roster)
    }

    @Test(
        "a command never overwrites its own input",
        arguments: [
            ["batch", "ROSTER", "--rules", "TABLE", "--as-of", "2026-01-15", "--output", "ROSTER"],
            ["batch", "ROSTER", "--rules", "TABLE", "--as-of", "2026-01-15", "--output", "TABLE"],
            ["matrix", "TABLE", "--timeline", "--update-golden", "TABLE"],
            ["matrix", "TABLE", "--format", "html", "--as-of", "2026-02-20", "--output", "TABLE"],
            ["generate-roster", "--rows", "3", "--rules", "TABLE", "--output", "TABLE"],
        ])
    func refusesOwnInput(arguments: [String]) throws {
        let (folder, table, roster) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try [
            Data(contentsOf: URL(fileURLWithPath: table)), Data(contentsOf: URL(fileURLWithPath: roster)),
        ]
        let run = try CLI.run(arguments.map { $0 == "TABLE" ? table : $0 == "ROSTER" ? roster : $0 })
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("is the same file as the input"), "\(run.stderr)")
        let after = try [Data(contentsOf: URL(fileURLWithPath: table)), Data(contentsOf: URL(fileURLWithPath: roster))]
        #expect(before == after)
    }

    @Test("--output - writes to standard output; no file named `-` appears")
    func dashIsStandardOutput() throws {
        let (folder, table, _) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["generate-roster", "--rows", "2", "--rules", table, "--output", "-"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("id,name,ma_expires,nr_expires,as_of\n"))
        #expect(!FileManager.default.fileExists(atPath: CLI.path("-")))
        let schema = try CLI.run(["schema", "--output", "/dev/stdout"])
        #expect(schema.status == 0)
        #expect(schema.stdout.hasPrefix("{") && !schema.stdout.contains("wrote "))
    }

    @Test("a character device given as --output is refused, not replaced")
    func refusesDevice() throws {
        let (folder, table, roster) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = folder.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/null")
        let run = try CLI.run(["batch", roster, "--rules", table, "--as-of", "2026-01-15", "--output", device])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is a character device, not a regular file"), "\(run.stderr)")
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: device)
        #expect(target == "/dev/null")
    }

    /// Starts `batch - --output OUT` reading a pipe kept open, and waits for its temporary file.
    static func startBlockedBatch(folder: URL, table: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLI.binary
        let output = folder.appendingPathComponent("out.csv").path
        process.arguments = ["batch", "-", "--rules", table, "--as-of", "2026-01-15", "--output", output]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("ma_expires,nr_expires\n2026,2027\n".utf8))
        for _ in 0..<600 where try temporaryFiles(in: folder).isEmpty { usleep(50_000) }
        usleep(100_000)
        return (process, input)
    }

    /// Waits up to 20 s for `process` to end; kills it (and returns `false`) if it does not.
    static func waitForExit(_ process: Process) -> Bool {
        for _ in 0..<400 where process.isRunning { usleep(50_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    static func temporaryFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out.csv.") }
    }

    @Test("a catchable signal removes the temporary file", arguments: [SIGPIPE, SIGTERM, SIGINT, SIGQUIT, SIGUSR1])
    func signalRemovesTemporary(signal: Int32) throws {
        let (folder, table, _) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, input) = try Self.startBlockedBatch(folder: folder, table: table)
        #expect(try Self.temporaryFiles(in: folder).count == 1)
        kill(process.processIdentifier, signal)
        #expect(Self.waitForExit(process), "signal \(signal) did not end the run")
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Self.temporaryFiles(in: folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    }

    @Test("after a SIGKILL, the next run removes the temporary file left behind")
    func cleanupAfterKill() throws {
        let (folder, table, roster) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, input) = try Self.startBlockedBatch(folder: folder, table: table)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let left = try Self.temporaryFiles(in: folder)
        #expect(left.count == 1)
        #expect(left.allSatisfy { $0.hasPrefix(".out.csv.rulecheck-\(process.processIdentifier)-") })
        let output = folder.appendingPathComponent("out.csv").path
        let again = try CLI.run(["batch", roster, "--rules", table, "--as-of", "2026-01-15", "--output", output])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.temporaryFiles(in: folder).isEmpty)
    }
}
