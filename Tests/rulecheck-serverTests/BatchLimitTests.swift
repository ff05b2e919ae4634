import Foundation
import Testing

@testable import rulecheck_server

/// `--max-batch-streams`: rosters beyond the cap are answered 503 with a JSON error and
/// `Retry-After`, and a slot is free again once a roster has been answered.
@Suite("batch stream cap")
struct BatchLimitTests {
    @Test("with two rosters streaming, a third is 503 with Retry-After; once one ends, a new one streams")
    func capsConcurrentRosters() async throws {
        var settings = TestServer.shippedSettings
        settings.limits.maxBatchStreams = 2
        let roster = BatchStreamTests.roster(rows: 50)
        let header = Array(roster.prefix { $0 != UInt8(ascii: "\n") }) + [UInt8(ascii: "\n")]
        let rows = Array(roster.dropFirst(header.count))
        try await TestServer.with(settings) { server in
            let port = server.port
            // Two rosters whose header and first rows are sent and whose bodies are held open.
            let held = try await onThread { () throws -> [RawHTTP] in
                try (0..<2).map { _ in
                    let connection = try RawHTTP(port: port)
                    try connection.send(RawHTTP.head("/v1/batch?as_of=2026-02-16", accept: "text/csv"))
                    try connection.sendChunk(header + rows.prefix(40))
                    var received = 0
                    for _ in 0..<300 where received == 0 { received = connection.receive(timeout: 0.1) }
                    try #require(received > 0, "the held roster never started streaming")
                    return connection
                }
            }
            let refused = try await server.batch(query: "as_of=2026-02-16", body: roster)
            #expect(refused.status == 503)
            #expect(refused.headers["retry-after"] == String(BatchRoutes.retryAfterSeconds))
            #expect(refused.headers["content-type"] == "application/json")
            let error = try #require(try JSONSerialization.jsonObject(with: Data(refused.body)) as? [String: Any])
            #expect((error["error"] as? String)?.contains("--max-batch-streams") == true)
            #expect(error.keys.contains("input"))

            // The first held roster ends; its answer is whole, and its slot comes back.
            let first = try await onThread { () throws -> RawReply in
                try held[0].sendChunk(Array(rows.dropFirst(40)))
                try held[0].sendChunk([])
                let response = try held[0].response()
                return RawReply(status: response.status, headers: response.headers, body: response.body)
            }
            #expect(first.status == 200)
            #expect(first.text.split(separator: "\n").count == 51)
            var again = try await server.batch(query: "as_of=2026-02-16", body: roster)
            for _ in 0..<200 where again.status == 503 {
                try await Task.sleep(for: .milliseconds(50))
                again = try await server.batch(query: "as_of=2026-02-16", body: roster)
            }
            #expect(again.status == 200)
            #expect(again.text == first.text)
            let metrics = try await server.get("/metrics").body
            #expect(metrics.contains(#"route="/v1/batch""#) && metrics.contains(#"status="503""#))
            // The second held roster ends too; the server stays up.
            _ = try await onThread { () throws -> Int in
                try held[1].sendChunk([])
                return try held[1].response().status
            }
            #expect(try await server.get("/healthz").status == 200)
        }
    }
}
