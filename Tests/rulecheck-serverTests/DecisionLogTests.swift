import Foundation
import Testing

@testable import rulecheck_server

/// The decision log: a line per decision before the answer, 503 when it cannot be written,
/// reopened for rotation, and replayed by `rulecheck replay`.
@Suite("decision log")
struct DecisionLogTests {
    static let items = [
        #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#,
        #"{"ma_expires": 2027, "nr_expires": null, "as_of": "2026-05-16"}"#,
    ]

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-\(UUID().uuidString)-\(name)")
    }

    @Test("one line per decision with the input, outcome, rule and the table's SHA-256; replay finds no change")
    func logsAndReplays() async throws {
        let log = Self.temporaryFile("decisions.jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        var settings = TestServer.shippedSettings
        settings.decisionLog = log.path
        try await TestServer.with(settings) { server in
            let reply = try await server.post("/v1/decisions", "[" + Self.items.joined(separator: ",") + "]")
            #expect(reply.status == 200)
            let explained = try await server.post("/v1/explanations", Self.items[0])
            #expect(explained.status == 200)
            let refused = try await server.post("/v1/decisions", #"{"ma_expires": 1}"#)
            #expect(refused.status == 400)
        }
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(first.keys) == ["time", "policy", "input", "cohort", "status", "rule"])
        let policy = try #require(first["policy"] as? [String: Any])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestServer.path("rules/2026.yaml")))
        #expect(policy["sha256"] as? String == SHA256.hex(Array(bytes)))
        #expect(first["cohort"] as? String == "one-year-alignment")
        let input = try #require(first["input"] as? [String: Any])
        #expect(input["as_of"] as? String == "2026-02-16")
        let time = try #require(first["time"] as? String)
        #expect(time.hasSuffix("Z"))

        let replay = try runRulecheck(["replay", log.path, "--rules", TestServer.path("rules")])
        #expect(replay.status == 0)
        #expect(replay.stdout.contains("replayed 3 decisions: 0 differ"))

        // A log whose recorded outcome no longer holds is reported, and replay exits 1.
        let changed = Self.temporaryFile("changed.jsonl")
        defer { try? FileManager.default.removeItem(at: changed) }
        let edited = try String(contentsOf: log, encoding: .utf8).replacingOccurrences(
            of: "\"cohort\":\"one-year-alignment\"", with: "\"cohort\":\"something-else\"")
        try Data(edited.utf8).write(to: changed)
        let differs = try runRulecheck(["replay", changed.path, "--rules", TestServer.path("rules")])
        #expect(differs.status == 1)
        #expect(differs.stdout.contains(":1: something-else/"))
    }

    @Test("a decision that cannot be logged is answered 503 and counted")
    func unloggableIs503() async throws {
        var settings = TestServer.shippedSettings
        settings.decisionLog = "/dev/full"
        try await TestServer.with(settings) { server in
            let reply = try await server.post("/v1/decisions", Self.items[0])
            #expect(reply.status == 503)
            #expect((try reply.object()["error"] as? String)?.contains("could not be logged") == true)
            let metrics = try await server.get("/metrics").body
            #expect(metricValue(metrics, "rulecheck_decision_log_failures_total") == "1")
        }
    }

    @Test("reopen follows a rotated file")
    func reopen() throws {
        let path = Self.temporaryFile("rotate.jsonl")
        let rotated = Self.temporaryFile("rotate.jsonl.1")
        defer {
            try? FileManager.default.removeItem(at: path)
            try? FileManager.default.removeItem(at: rotated)
        }
        let log = try DecisionLog(path: path.path)
        try log.append("one\n")
        try FileManager.default.moveItem(at: path, to: rotated)
        try log.append("two\n")
        try log.reopen()
        try log.append("three\n")
        #expect(try String(contentsOf: rotated, encoding: .utf8) == "one\ntwo\n")
        #expect(try String(contentsOf: path, encoding: .utf8) == "three\n")
    }
}
