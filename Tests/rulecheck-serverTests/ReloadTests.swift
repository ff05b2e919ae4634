import Foundation
import Synchronization
import Testing

@testable import rulecheck_server

/// Hot reload over a real server: changed tables are swapped in whole, broken ones rejected.
@Suite("hot reload")
struct ReloadTests {
    /// A folder holding a copy of the shipped table, removed afterwards.
    static func withRulesFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(shipped, to: folder)
        return try await body(folder)
    }

    static let shipped: String =
        (try? String(contentsOfFile: TestServer.path("rules/2026.yaml"), encoding: .utf8)) ?? ""

    /// Writes the table atomically (temporary file, then rename), as an editor or deploy does.
    static func write(_ text: String, to folder: URL) throws {
        let temporary = folder.appendingPathComponent(".2026.yaml.tmp")
        try Data(text.utf8).write(to: temporary)
        #expect(rename(temporary.path, folder.appendingPathComponent("2026.yaml").path) == 0)
    }

    static func settings(_ folder: URL) -> ServerApplication.Settings {
        var settings = TestServer.shippedSettings
        settings.rules = folder.path
        settings.reloadInterval = .milliseconds(20)
        return settings
    }

    /// Polls until `condition` holds (at most 10 s).
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<500 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    static func versionInForce(_ server: TestServer) async throws -> String? {
        let tables = try await server.get("/v1/tables").object()["tables"] as? [[String: Any]]
        return tables?.first?["version"] as? String
    }

    @Test("a changed table is swapped in; a broken one is rejected and the old one stays")
    func swapAndReject() async throws {
        try await Self.withRulesFolder { folder in
            try await TestServer.with(Self.settings(folder)) { server in
                #expect(try await Self.versionInForce(server) == "2026")
                try Self.write(
                    Self.shipped.replacingOccurrences(of: "version: \"2026\"", with: "version: \"2026.1\""), to: folder)
                #expect(try await Self.eventually { try await Self.versionInForce(server) == "2026.1" })
                try Self.write(Self.shipped + "\nrules: [oops\n", to: folder)
                #expect(
                    try await Self.eventually {
                        metricValue(
                            try await server.get("/metrics").body, #"rulecheck_reloads_total{result="rejected"}"#)
                            == "1"
                    })
                #expect(try await Self.versionInForce(server) == "2026.1")
                let decision = try await server.post(
                    "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#)
                #expect(decision.status == 200)
                #expect((try decision.object()["policy"] as? [String: Any])?["version"] as? String == "2026.1")
            }
        }
    }

    @Test("100 swaps under load: no failed request, no torn answer")
    func swapsUnderLoad() async throws {
        // Version B has two more lines at the top, so each rule's line is 2 more than in A:
        // an answer whose version and rule line disagree would be torn between tables.
        let versionA = Self.shipped.replacingOccurrences(of: "version: \"2026\"", with: "version: \"A\"")
        let versionB = "# B\n# B\n" + Self.shipped.replacingOccurrences(of: "version: \"2026\"", with: "version: \"B\"")
        try await Self.withRulesFolder { folder in
            try Self.write(versionA, to: folder)
            try await TestServer.with(Self.settings(folder)) { server in
                #expect(try await Self.eventually { try await Self.versionInForce(server) == "A" })
                let reference = try await server.post(
                    "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#
                ).object()
                let lineA = try #require((reference["rule"] as? [String: Any])?["line"] as? Int)
                let stop = StopFlag()
                let load = Task {
                    var answers: [(status: Int, version: String?, line: Int?)] = []
                    while !stop.isSet {
                        let reply = try await server.post(
                            "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#)
                        let object = try? reply.object()
                        answers.append(
                            (
                                reply.status, (object?["policy"] as? [String: Any])?["version"] as? String,
                                (object?["rule"] as? [String: Any])?["line"] as? Int
                            ))
                    }
                    return answers
                }
                for swap in 1...100 {
                    let version = swap % 2 == 1 ? "B" : "A"
                    try Self.write(swap % 2 == 1 ? versionB : versionA, to: folder)
                    #expect(try await Self.eventually { try await Self.versionInForce(server) == version })
                }
                stop.set()
                let answers = try await load.value
                #expect(answers.count > 10)
                for answer in answers {
                    #expect(answer.status == 200)
                    #expect(answer.line == (answer.version == "B" ? lineA + 2 : lineA), "torn: \(answer)")
                }
                let metrics = try await server.get("/metrics").body
                #expect(metricValue(metrics, #"rulecheck_reloads_total{result="swapped"}"#) == "100")
            }
        }
    }
}

/// A flag one task sets and another reads.
final class StopFlag: Sendable {
    private let value = Mutex(false)

    /// Whether it has been set.
    var isSet: Bool { value.withLock { $0 } }

    /// Sets it.
    func set() { value.withLock { $0 = true } }
}

/// The value printed for a metric line that starts with `series` (name and labels), if any.
func metricValue(_ metrics: String, _ series: String) -> String? {
    for line in metrics.split(separator: "\n") where line.hasPrefix(series + " ") {
        return String(line.dropFirst(series.count + 1))
    }
    return nil
}
