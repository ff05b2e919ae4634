import Foundation
import Testing

@testable import rulecheck_server

/// Bad requests get 400 or 413 with `{"error", "input"}` naming the field; never a 500.
@Suite("API errors")
struct ErrorAPITests {
    static let badBodies: [(body: String, input: String?, says: String)] = [
        ("{\"ma_expires\": 2026,", nil, "malformed JSON"),
        ("", nil, "malformed JSON"),
        ("42", nil, "expected an object"),
        (#"{"ma_expires": "2026", "nr_expires": 2027, "as_of": "2026-02-16"}"#, "ma_expires", "must be a year"),
        (#"{"ma_expires": 2026.5, "nr_expires": 2027, "as_of": "2026-02-16"}"#, "ma_expires", "must be a year"),
        (#"{"ma_expires": true, "nr_expires": 2027, "as_of": "2026-02-16"}"#, "ma_expires", "got a boolean"),
        (#"{"ma_expires": 2026, "nr_expires": 2027, "as_of": 20260216}"#, "as_of", "must be a date"),
        (#"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-30"}"#, "as_of", "not a valid date"),
        (#"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16", "name": "x"}"#, "name", "unknown field"),
        (#"{"ma_expires": 2026, "as_of": "2026-02-16"}"#, "nr_expires", "missing field"),
        (
            #"{"ma_expires": 1999, "nr_expires": 2027, "as_of": "2026-02-16"}"#, "ma_expires",
            "outside the table's domain"
        ),
        (
            #"{"ma_expires": null, "nr_expires": 2027, "as_of": "2026-02-16"}"#, "ma_expires",
            "outside the table's domain"
        ),
        (#"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2030-01-01"}"#, "as_of", "outside the table's window"),
    ]

    @Test("each bad body is a 400 naming its field", arguments: badBodies)
    func badRequest(_ item: (body: String, input: String?, says: String)) async throws {
        try await TestServer.with { server in
            let reply = try await server.post("/v1/decisions", item.body)
            #expect(reply.status == 400)
            let object = try reply.object()
            let message = try #require(object["error"] as? String)
            #expect(message.contains(item.says), "\(message)")
            if let input = item.input {
                #expect(object["input"] as? String == input)
            } else {
                #expect(object["input"] is NSNull)
            }
        }
    }

    @Test("a bad item of an array names its index")
    func badItemIndex() async throws {
        try await TestServer.with { server in
            let good = #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#
            let bad = #"{"ma_expires": 2026, "nr_expires": "soon", "as_of": "2026-02-16"}"#
            let reply = try await server.post("/v1/explanations", "[\(good),\(good),\(bad)]")
            #expect(reply.status == 400)
            let object = try reply.object()
            #expect(object["index"] as? Int == 2)
            #expect(object["input"] as? String == "nr_expires")
        }
    }

    @Test("bodies over --max-body-bytes and arrays over --max-items are 413")
    func limits() async throws {
        var settings = TestServer.shippedSettings
        settings.limits = RequestLimits(maxBodyBytes: 300, maxItems: 2)
        try await TestServer.with(settings) { server in
            let item = #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#
            let big = try await server.post(
                "/v1/decisions", "[" + Array(repeating: item, count: 6).joined(separator: ",") + "]")
            #expect(big.status == 413)
            #expect(try big.object()["error"] as? String != nil)
            let many = try await server.post("/v1/decisions", "[\(item),\(item),\(item)]")
            #expect(many.status == 413)
            #expect((try many.object()["error"] as? String)?.contains("at most 2") == true)
            let fits = try await server.post("/v1/decisions", "[\(item),\(item)]")
            #expect(fits.status == 200)
            // The connection and the server survive: the next request is answered.
            #expect(try await server.get("/healthz").status == 200)
        }
    }

    @Test("unknown routes are 404 and known ones asked with another method 405, never 500")
    func unknownRoute() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/v1/nothing")
            #expect(reply.status == 404)
            let wrongMethod = try await server.get("/v1/decisions")
            #expect(wrongMethod.status == 405)
            #expect((try wrongMethod.object()["error"] as? String)?.contains("use POST") == true)
            let matrix = try await server.send("DELETE", "/v1/tables/2026/matrix")
            #expect(matrix.status == 405)
        }
    }
}
