import Foundation
import Testing

@testable import rulecheck_server

/// `POST /v1/decisions` on a table with per-person dates: the same input parsing as the CLI.
@Suite("decision API with per-person dates")
struct PersonDateAPITests {
    static var settings: ServerApplication.Settings {
        var settings = TestServer.shippedSettings
        settings.rules = TestServer.path("Tests/Fixtures/policies/dates-state.yaml")
        return settings
    }

    @Test("per-person dates are strings YYYY-MM-DD; a date outside the domain is a 400 naming the input")
    func decisions() async throws {
        try await TestServer.with(Self.settings) { server in
            let body =
                #"{"level": "emt", "state_expires": 2026, "certified_on": "2026-03-01", "refresher_on": "2026-03-05", "as_of": "2026-04-15"}"#
            let reply = try await server.post("/v1/decisions", body)
            #expect(reply.status == 200, "\(reply.body)")
            let object = try #require(try reply.json() as? [String: Any])
            #expect((object["rule"] as? [String: Any])?["id"] as? String == "bridge-skills")
            #expect((object["input"] as? [String: Any])?["certified_on"] as? String == "2026-03-01")
            let bad = body.replacingOccurrences(of: "2026-03-01", with: "2031-03-01")
            let refused = try await server.post("/v1/decisions", bad)
            #expect(refused.status == 400)
            #expect(refused.body.contains("certified_on"), "\(refused.body)")
        }
    }
}

/// `POST /v1/decisions` on a table whose certification counts from a per-person date.
@Suite("decision API with a certification counted from a per-person date")
struct CertificationPeriodAPITests {
    static var settings: ServerApplication.Settings {
        var settings = TestServer.shippedSettings
        settings.rules = TestServer.path("Tests/Fixtures/policies/cpr-state.yaml")
        return settings
    }

    @Test("a card issued on 2024-02-29 expires on 2026-02-28: grace the day after, lapsed a month later")
    func decisions() async throws {
        try await TestServer.with(Self.settings) { server in
            let cases = [("2026-02-28", "renew-soon"), ("2026-03-01", "grace"), ("2026-03-29", "lapsed")]
            for (day, rule) in cases {
                let body = #"{"level": "emt", "cpr_on": "2024-02-29", "check_on": "2025-01-01", "as_of": "\#(day)"}"#
                let reply = try await server.post("/v1/decisions", body)
                #expect(reply.status == 200, "\(reply.body)")
                let object = try #require(try reply.json() as? [String: Any])
                #expect((object["rule"] as? [String: Any])?["id"] as? String == rule, "\(day)")
            }
            let refused = try await server.post(
                "/v1/decisions", #"{"level": "emt", "cpr_on": "2022-12-31", "check_on": "2025-01-01"}"#)
            #expect(refused.status == 400)
            #expect(refused.body.contains("cpr_on"), "\(refused.body)")
        }
    }
}
