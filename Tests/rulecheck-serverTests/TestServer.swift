import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import rulecheck_server

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Starts the service on a free loopback port, talks to it over real HTTP, and shuts it down.
struct TestServer {
    /// The server's base address, such as `http://127.0.0.1:40123`.
    let base: URL

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A path in the package.
    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// A new temporary rules folder holding the 2026 table and the 2027 example (a policy
    /// history of two tables); the caller removes it.
    static func historyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: path("rules/2026.yaml"), toPath: folder.appendingPathComponent("2026.yaml").path)
        try FileManager.default.copyItem(
            atPath: path("Tests/Fixtures/policies/2027-example.yaml"),
            toPath: folder.appendingPathComponent("2027.yaml").path)
        return folder
    }

    /// The shipped rules, as `--rules rules` names them from the package root.
    static var shippedSettings: ServerApplication.Settings {
        var settings = ServerApplication.Settings()
        settings.rules = path("rules")
        settings.port = 0
        settings.reloadInterval = nil
        return settings
    }

    /// Runs `body` against a server started with `settings` (port 0: a free port).
    static func with<T: Sendable>(
        _ settings: ServerApplication.Settings = shippedSettings, _ body: (TestServer) async throws -> T
    ) async throws -> T {
        var settings = settings
        settings.port = 0
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "rulecheck-server-test")
        logger.logLevel = .critical
        let app = try ServerApplication.build(settings, logger: logger) { port in continuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let server = TestServer(base: try #require(URL(string: "http://127.0.0.1:\(port)")))
        do {
            let result = try await body(server)
            await group.triggerGracefulShutdown()
            try await running.value
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = await running.result
            throw error
        }
    }

    /// A response: status, content type and body.
    struct Reply: Sendable {
        let status: Int
        let contentType: String
        let body: String

        /// The body parsed as JSON.
        func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data(body.utf8), options: .fragmentsAllowed)
        }

        /// The body as a JSON object.
        func object() throws -> [String: Any] { try #require(try json() as? [String: Any]) }
    }

    /// Sends a request and returns the reply.
    func send(_ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json")
        async throws -> Reply
    {
        var request = URLRequest(url: try #require(URL(string: path, relativeTo: base)))
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Reply(
            status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
            body: String(decoding: data, as: UTF8.self))
    }

    /// `GET path`.
    func get(_ path: String) async throws -> Reply { try await send("GET", path) }

    /// `POST path` with a JSON text body.
    func post(_ path: String, _ json: String) async throws -> Reply {
        try await send("POST", path, body: Data(json.utf8))
    }
}

/// JSON text with the whitespace outside strings removed, to compare documents that differ
/// only in layout.
func compactJSON(_ text: String) -> String {
    var output = ""
    var inString = false
    var escaped = false
    for character in text {
        if inString {
            output.append(character)
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inString = false
            }
        } else if character == "\"" {
            inString = true
            output.append(character)
        } else if !character.isWhitespace {
            output.append(character)
        }
    }
    return output
}

/// Runs the built `rulecheck` binary in the package root and returns its standard output.
func runRulecheck(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
    let bundle = Bundle.main.bundleURL
    let candidates = [
        bundle.deletingLastPathComponent().appendingPathComponent("rulecheck"),
        bundle.appendingPathComponent("rulecheck"),
        TestServer.packageRoot.appendingPathComponent(".build/debug/rulecheck"),
    ]
    let binary = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = TestServer.packageRoot
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
