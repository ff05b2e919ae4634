import Foundation
import Testing

@testable import rulecheck_server

/// `POST /v1/batch` as a stream: answers begin before the roster has all arrived, a broken CSV
/// mid-stream ends the answer with an in-band record (never a dropped connection), the
/// roster size limit, and the decision log and metrics.
@Suite("batch streaming")
struct BatchStreamTests {
    /// `rows` rows of the shipped table's columns, each with its own id and a valid input.
    static func roster(rows: Int, from first: Int = 1) -> [UInt8] {
        var text = first == 1 ? "id,name,ma_expires,nr_expires,as_of\n" : ""
        for row in first..<(first + rows) {
            text += "\(row),person \(row),\(2024 + row % 6),\(row % 7 == 0 ? "none" : String(2025 + row % 5)),\n"
        }
        return Array(text.utf8)
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-\(UUID().uuidString)-\(name)")
    }

    @Test(
        "a malformed CSV mid-stream: the rows before it as batch writes them, then one error record",
        arguments: [
            "csv", "jsonl",
        ])
    func malformedMidStream(format: String) async throws {
        let before = Self.roster(rows: 3000)
        let brokenLine = 3002
        let body = before + Array("3001,\"unclosed,2026,2027,\n".utf8) + Self.roster(rows: 500, from: 3002)
        let file = Self.temporaryFile("broken.csv")
        try Data(body).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = try runRulecheck([
            "batch", file.path, "--rules", TestServer.path("rules"), "--as-of", "2026-02-16", "--format", format,
        ])
        #expect(batch.status == 1)
        try await TestServer.with { server in
            let accept = format == "csv" ? "text/csv" : "application/x-ndjson"
            let reply = try await server.batch(query: "as_of=2026-02-16", body: body, accept: accept, chunkSize: 4096)
            #expect(reply.status == 200)
            #expect(reply.text.hasPrefix(batch.stdout))
            #expect(batch.stdout.split(separator: "\n").count >= 3000)
            let rest = reply.text.dropFirst(batch.stdout.count)
            #expect(rest.filter { $0 == "\n" }.count == 1 && rest.hasSuffix("\n"), "one record after the rows")
            let reason = "stopped at line \(brokenLine): unclosed quote"
            if format == "csv" {
                let fields = rest.dropLast().split(separator: ",", omittingEmptySubsequences: false)
                let header = batch.stdout.prefix { $0 != "\n" }.split(separator: ",")
                #expect(fields.count == header.count)
                #expect(fields.dropLast().allSatisfy { $0.isEmpty })
                #expect(fields.last?.hasPrefix(reason) == true)
            } else {
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(rest.utf8)) as? [String: Any])
                #expect(object["line"] as? Int == brokenLine)
                #expect((object["error"] as? String)?.hasPrefix(reason) == true)
                #expect((object["fields"] as? [String: Any])?.isEmpty == true)
            }
            // The connection was not dropped: the server still answers.
            let health = try await server.get("/healthz")
            #expect(health.status == 200)
        }
    }

    @Test("200,000 rows stream: the first answers arrive before the roster is all sent, and match batch")
    func largeRosterStreams() async throws {
        let rows = 200_000
        let body = Self.roster(rows: rows)
        let firstPart = Self.roster(rows: 20_000).count
        let file = Self.temporaryFile("large.csv")
        try Data(body).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = try runRulecheck(["batch", file.path, "--rules", TestServer.path("rules"), "--as-of", "2026-02-16"])
        #expect(batch.status == 0)
        try await TestServer.with { server in
            let port = server.port
            let (early, reply) = try await onThread { () throws -> (Int, RawReply) in
                let connection = try RawHTTP(port: port)
                try connection.send(RawHTTP.head("/v1/batch?as_of=2026-02-16", accept: "text/csv"))
                try connection.sendChunk(Array(body[0..<firstPart]))
                // A tenth of the roster has been sent and the rest is held back: a server that
                // buffered the roster would send no rows yet (its response head is a few hundred
                // bytes; the rows of the first tenth, more than a megabyte).
                var early = 0
                for _ in 0..<600 where early < 65_536 { early = connection.receive(timeout: 0.1) }
                let sent = DispatchSemaphore(value: 0)
                Thread {
                    var offset = firstPart
                    while offset < body.count {
                        let end = min(offset + 65_536, body.count)
                        guard (try? connection.sendChunk(Array(body[offset..<end]))) != nil else { break }
                        offset = end
                    }
                    _ = try? connection.sendChunk([])
                    sent.signal()
                }.start()
                let response = try connection.response()
                sent.wait()
                return (early, RawReply(status: response.status, headers: response.headers, body: response.body))
            }
            #expect(early >= 65_536, "no rows answered before the whole roster was sent")
            #expect(reply.status == 200)
            #expect(reply.text.utf8.count == batch.stdout.utf8.count)
            #expect(reply.text == batch.stdout)
            #expect(reply.text.split(separator: "\n").count == rows + 1)
        }
    }

    @Test("--max-batch-bytes: a declared length over it is 413; a chunked body that passes it ends in-band")
    func sizeLimit() async throws {
        var settings = TestServer.shippedSettings
        settings.limits.maxBatchBytes = 2000
        let body = Self.roster(rows: 200)
        try await TestServer.with(settings) { server in
            let declared = try await server.send(
                "POST", "/v1/batch?as_of=2026-02-16", body: Data(body), contentType: "text/csv")
            #expect(declared.status == 413)
            #expect((try declared.object()["error"] as? String)?.contains("--max-batch-bytes") == true)
            let streamed = try await server.batch(query: "as_of=2026-02-16", body: body, chunkSize: 500)
            #expect(streamed.status == 200)
            let last = streamed.text.split(separator: "\n").last ?? ""
            #expect(last.contains("cannot read: the roster is larger than 2000 bytes (--max-batch-bytes)"))
            // Under the limit, the same route answers in full.
            let small = try await server.batch(query: "as_of=2026-02-16", body: Self.roster(rows: 10))
            #expect(small.status == 200 && small.text.split(separator: "\n").count == 11)
        }
    }

    @Test("each decided row is logged without the roster's other columns, and counted in the metrics")
    func decisionLogAndMetrics() async throws {
        let log = Self.temporaryFile("batch.jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        var settings = TestServer.shippedSettings
        settings.decisionLog = log.path
        let roster = Array(
            try Data(contentsOf: URL(fileURLWithPath: TestServer.path("Tests/Fixtures/rosters/2026-roster.csv"))))
        try await TestServer.with(settings) { server in
            let reply = try await server.batch(query: "as_of=2026-02-16", body: roster, accept: "application/x-ndjson")
            #expect(reply.status == 200)
            let answers = reply.text.split(separator: "\n")
            let decided = answers.filter { !$0.hasPrefix("{\"line\":") }.count
            let bad = answers.count - decided
            #expect(decided > 0 && bad > 0)
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == decided)
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(Set(object.keys) == ["time", "policy", "input", "cohort", "status", "rule"])
                let input = try #require(object["input"] as? [String: Any])
                #expect(Set(input.keys) == ["ma_expires", "nr_expires", "as_of"])
                #expect(!line.contains("Rivera") && !line.contains("\"name\""))
            }
            let metrics = try await server.get("/metrics").body
            #expect(metricValue(metrics, #"rulecheck_decisions_total{route="/v1/batch",status="200"}"#) == "\(decided)")
            #expect(metricValue(metrics, #"rulecheck_decisions_total{route="/v1/batch",status="400"}"#) == "\(bad)")
            let replay = try runRulecheck(["replay", log.path, "--rules", TestServer.path("rules")])
            #expect(replay.status == 0)
        }
    }

    @Test("a decision that cannot be logged ends the stream in-band, with none of the unlogged rows")
    func unloggable() async throws {
        var settings = TestServer.shippedSettings
        settings.decisionLog = "/dev/full"
        try await TestServer.with(settings) { server in
            let reply = try await server.batch(query: "as_of=2026-02-16", body: Self.roster(rows: 50))
            #expect(reply.status == 200)
            let lines = reply.text.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.contains("the decision could not be logged") == true)
            let metrics = try await server.get("/metrics").body
            #expect(metricValue(metrics, "rulecheck_decision_log_failures_total") == "1")
        }
    }

    @Test("a client that goes away mid-roster or mid-answer leaves no processor thread behind")
    func abandonedBatches() async throws {
        let body = Self.roster(rows: 50_000)
        try await TestServer.with { server in
            let port = server.port
            let started = try await onThread { () throws -> Int in
                // Gone while sending: half the roster, then the connection closes.
                let sending = try RawHTTP(port: port)
                try sending.send(RawHTTP.head("/v1/batch?as_of=2026-02-16", accept: nil))
                try sending.sendChunk(Array(body[0..<(body.count / 2)]))
                sending.receive(timeout: 2)
                // Gone while answered: the whole roster sent, the answer never read.
                let reading = try RawHTTP(port: port)
                try reading.send(RawHTTP.head("/v1/batch?as_of=2026-02-16", accept: "application/x-ndjson"))
                try reading.sendChunk(body)
                try reading.sendChunk([])
                reading.receive(timeout: 2)
                return BatchRun.running.load(ordering: .relaxed)
            }
            #expect(started >= 2, "both batches were running before their clients went away")
            // Other suites' batches may run in parallel in this process: wait for all to end.
            var alive = BatchRun.running.load(ordering: .relaxed)
            for _ in 0..<600 where alive > 0 {
                try await Task.sleep(for: .milliseconds(50))
                alive = BatchRun.running.load(ordering: .relaxed)
            }
            #expect(alive == 0, "\(alive) processor threads still running")
            let health = try await server.get("/healthz")
            #expect(health.status == 200)
        }
    }
}
