import Foundation
import Testing

@testable import rulecheck_server

/// `POST /v1/decisions` and `/v1/explanations` over a real listening server.
@Suite("decision API")
struct DecisionAPITests {
    static let cases: [(ma: String, nr: String, asOf: String)] = [
        ("2026", "2027", "2026-02-16"), ("2026", "none", "2026-03-01"), ("2027", "2026", "2026-06-30"),
        ("2024", "2024", "2026-01-10"), ("2028", "2029", "2027-03-31"),
    ]

    private static func body(_ item: (ma: String, nr: String, asOf: String)) -> String {
        let nr = item.nr == "none" ? "null" : item.nr
        return #"{"ma_expires": \#(item.ma), "nr_expires": \#(nr), "as_of": "\#(item.asOf)"}"#
    }

    @Test("a decision is eval --format json's object, byte for byte apart from whitespace")
    func decisionMatchesEval() async throws {
        let rules = TestServer.path("rules")
        try await TestServer.with { server in
            for item in Self.cases {
                let reply = try await server.post("/v1/decisions", Self.body(item))
                #expect(reply.status == 200)
                #expect(reply.contentType.hasPrefix("application/json"))
                let eval = try runRulecheck([
                    "eval", "--rules", rules, "--ma", item.ma, "--nr", item.nr, "--as-of", item.asOf, "--format",
                    "json",
                ])
                #expect(eval.status == 0)
                #expect(compactJSON(reply.body) == compactJSON(eval.stdout))
            }
        }
    }

    @Test("an explanation is explain --format json's object")
    func explanationMatchesExplain() async throws {
        let rules = TestServer.path("rules")
        try await TestServer.with { server in
            for item in Self.cases.prefix(2) {
                let reply = try await server.post("/v1/explanations", Self.body(item))
                #expect(reply.status == 200)
                let explain = try runRulecheck([
                    "explain", "--rules", rules, "--ma", item.ma, "--nr", item.nr, "--as-of", item.asOf, "--format",
                    "json",
                ])
                #expect(compactJSON(reply.body) == compactJSON(explain.stdout))
            }
        }
    }

    @Test("an array is answered with an array in the same order")
    func arrayInOrder() async throws {
        try await TestServer.with { server in
            let items = Self.cases.map(Self.body)
            let reply = try await server.post("/v1/decisions", "[" + items.joined(separator: ",") + "]")
            #expect(reply.status == 200)
            let answers = try #require(try reply.json() as? [[String: Any]])
            #expect(answers.count == items.count)
            for (index, item) in Self.cases.enumerated() {
                let single = try await server.post("/v1/decisions", Self.body(item))
                let expected = try single.object()
                #expect(NSDictionary(dictionary: answers[index]) == NSDictionary(dictionary: expected))
                let input = try #require(answers[index]["input"] as? [String: Any])
                #expect(input["as_of"] as? String == item.asOf)
            }
            let empty = try await server.post("/v1/decisions", "[]")
            #expect(empty.status == 200 && compactJSON(empty.body) == "[]")
        }
    }

    @Test("as_of is optional and resolves to a date in the answer")
    func asOfDefaults() async throws {
        try await TestServer.with { server in
            let reply = try await server.post("/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027}"#)
            // Today may be outside the shipped table's window: either a decision with the date
            // filled in, or a 400 that names `as_of`.
            let object = try reply.object()
            if reply.status == 200 {
                let input = try #require(object["input"] as? [String: Any])
                let date = try #require(input["as_of"] as? String)
                #expect(LocalDateCheck.isISO(date))
            } else {
                #expect(reply.status == 400)
                #expect(object["input"] as? String == "as_of")
            }
        }
    }
}

/// Whether text is a YYYY-MM-DD date.
enum LocalDateCheck {
    static func isISO(_ text: String) -> Bool {
        text.count == 10
            && text.enumerated().allSatisfy { index, character in
                index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
            }
    }
}
