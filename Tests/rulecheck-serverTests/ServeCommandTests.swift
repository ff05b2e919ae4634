import Foundation
import Testing

/// `rulecheck serve` replaces itself with `rulecheck-server` (same process id) and says how to
/// build the server when it is missing.
@Suite("rulecheck serve")
struct ServeCommandTests {
    /// The folder holding the built `rulecheck` and `rulecheck-server`.
    static var binaries: URL {
        let bundle = Bundle.main.bundleURL
        for folder in [
            bundle.deletingLastPathComponent(), bundle, TestServer.packageRoot.appendingPathComponent(".build/debug"),
        ]
        where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("rulecheck").path) {
            return folder
        }
        return TestServer.packageRoot.appendingPathComponent(".build/debug")
    }

    @Test("serve execs rulecheck-server in the same process, which says where it listens and stops on SIGTERM")
    func execsServer() async throws {
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent("rulecheck")
        process.arguments = ["serve", "--rules", TestServer.path("rules"), "--port", "0", "--reload-interval", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var firstLine = Data()
        while !firstLine.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine += chunk
        }
        let line = String(decoding: firstLine, as: UTF8.self)
        #expect(line.hasPrefix("rulecheck-server: listening on http://127.0.0.1:"))
        // The process that listens is the one started: execv kept its id.
        let executable = try FileManager.default.destinationOfSymbolicLink(
            atPath: "/proc/\(process.processIdentifier)/exe")
        #expect(executable.hasSuffix("/rulecheck-server"))
        let address = try #require(line.range(of: "http://127.0.0.1:"))
        let port = try #require(Int(line[address.upperBound...].prefix { $0.isNumber }))
        let server = TestServer(base: try #require(URL(string: "http://127.0.0.1:\(port)")))
        #expect(try await server.get("/readyz").status == 200)
        process.terminate()  // SIGTERM: graceful shutdown
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("without rulecheck-server beside it, serve exits 2 naming the build command")
    func missingServer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("rulecheck")
        try FileManager.default.linkItem(at: Self.binaries.appendingPathComponent("rulecheck"), to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["serve"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("swift build --product rulecheck-server"))
    }
}
