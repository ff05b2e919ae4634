import Foundation
import RuleCheckKit
import RuleEngine
import Testing

@testable import rulecheck_server

/// The EMT page of tables with typed inputs (enum, boolean, integer, per-person dates): a
/// labelled control of each input's kind, the API's decision for the values submitted, and the
/// API's refusal, in the page, for a bad value.
@Suite("EMT page with typed inputs")
struct TypedPageTests {
    static let fixtures = ["levels-state", "cpr-state", "dates-state", "expiry-state"]

    static func settings(_ fixture: String) -> ServerApplication.Settings {
        var settings = TestServer.shippedSettings
        settings.rules = TestServer.path("Tests/Fixtures/policies/\(fixture).yaml")
        return settings
    }

    static func table(_ fixture: String) throws -> RuleTable {
        try #require(TableLoader.load(path: TestServer.path("Tests/Fixtures/policies/\(fixture).yaml")).table)
            .definition
    }

    @Test("each input gets a labelled control of its kind, with the domain's values or bounds", arguments: fixtures)
    func controls(_ fixture: String) async throws {
        let table = try Self.table(fixture)
        try await TestServer.with(Self.settings(fixture)) { server in
            let reply = try await server.get("/")
            #expect(reply.status == 200)
            let page = reply.body
            #expect(page.contains("the details you enter"))
            for input in table.yearInputs {
                let label = "<label for=\"\(input.name)\">\(HTML.escape(input.label.capitalizedFirst))"
                #expect(page.contains(label), "\(input.name)")
                let low = input.text(input.domain.lowerBound)
                let high = input.text(input.domain.upperBound)
                switch input.kind {
                case .year:
                    #expect(page.contains("<select id=\"\(input.name)\" name=\"\(input.name)\" required>"))
                    #expect(page.contains("<option value=\"\(low)\">\(low)</option>"))
                    #expect(page.contains("<option value=\"none\">never held</option>") == input.allowsNone)
                case .enumeration(let words):
                    #expect(page.contains("<select id=\"\(input.name)\" name=\"\(input.name)\" required>"))
                    for word in words { #expect(page.contains("<option value=\"\(word)\">\(word)</option>")) }
                case .boolean:
                    #expect(page.contains("<select id=\"\(input.name)\" name=\"\(input.name)\" required>"))
                    #expect(page.contains("<option value=\"true\">Yes</option>"))
                    #expect(page.contains("<option value=\"false\">No</option>"))
                case .integer:
                    #expect(
                        page.contains(
                            "<input type=\"number\" id=\"\(input.name)\" name=\"\(input.name)\" min=\"\(low)\" max=\"\(high)\""
                        ))
                    #expect(page.contains("input[type=number] {"))
                case .date:
                    #expect(
                        page.contains(
                            "<input type=\"date\" id=\"\(input.name)\" name=\"\(input.name)\" min=\"\(low)\" max=\"\(high)\""
                        ))
                    #expect(page.contains("(\(low) to \(high))</label>"))
                }
            }
            #expect(page.contains("<label for=\"\(table.dateInputName)\">Date to check"))
            #expect(!page.lowercased().contains("<script"))
        }
    }

    @Test("typed values submitted through the page get the decision POST /v1/decisions gives", arguments: fixtures)
    func decisionsMatchTheAPI(_ fixture: String) async throws {
        let table = try Self.table(fixture)
        var random = SeededGenerator(seed: 0x7E11 &+ UInt64(fixture.utf8.count))
        try await TestServer.with(Self.settings(fixture)) { server in
            var decided = 0
            for _ in 0..<30 {
                let person = TypedCase(table: table, using: &random)
                let api = try await server.post("/v1/decisions", person.json)
                let reply = try await server.get("/?" + person.query + "#answer")
                #expect(reply.status == api.status, "\(person.query): \(api.body)")
                guard api.status == 200 else { continue }
                decided += 1
                try TypedCase.expectSameAnswer(reply.body, as: try api.object(), table: table, query: person.query)
                // What was submitted stays chosen.
                for (input, text) in zip(table.yearInputs, person.texts) {
                    switch input.kind {
                    case .integer, .date: #expect(reply.body.contains("value=\"\(text)\""))
                    case .year, .boolean, .enumeration:
                        #expect(reply.body.contains("<option value=\"\(text)\" selected>"))
                    }
                }
            }
            #expect(decided >= 20, "most random cases are decided")
        }
    }

    @Test("a bad or missing value gets the API's refusal in the page, and the form keeps what was typed")
    func refusals() async throws {
        // The page's query and the API's body for the same mistake.
        let cases = [
            ("level=paramedik", #""level": "paramedik""#),
            ("level=", nil),
            ("years_of_service=41", #""years_of_service": 41"#),
            ("years_of_service=-1", #""years_of_service": -1"#),
        ]
        let valid = ["level=emt", "employed=true", "years_of_service=3", "cert_expires=2026", "as_of=2026-02-20"]
        try await TestServer.with(Self.settings("levels-state")) { server in
            for (mistake, json) in cases {
                let name = String(mistake.prefix { $0 != "=" })
                let query = valid.map { $0.hasPrefix(name + "=") ? mistake : $0 }.joined(separator: "&")
                var fields = [#""level": "emt""#, #""employed": true"#, #""years_of_service": 3"#]
                fields += [#""cert_expires": 2026"#, #""as_of": "2026-02-20""#]
                fields = fields.compactMap { $0.hasPrefix("\"\(name)\"") ? json : $0 }
                let api = try await server.post("/v1/decisions", "{" + fields.joined(separator: ", ") + "}")
                #expect(api.status == 400)
                let reason = try #require(try api.object()["error"] as? String)
                let reply = try await server.get("/?" + query)
                #expect(reply.status == 400, "\(query)")
                #expect(
                    reply.body.contains("<p class=\"error\" id=\"answer\" role=\"alert\">\(HTML.escape(reason))</p>"),
                    "\(query): \(reason)")
                #expect(!reply.body.contains("<section class=\"answer\""))
            }
            let typo = try await server.get("/?level=paramedik&employed=maybe&years_of_service=ten&cert_expires=2026")
            #expect(typo.status == 400)
            #expect(typo.body.contains("did you mean `paramedic`"))
            #expect(typo.body.contains("<option value=\"\" selected disabled>Choose one</option>"))
            let number = try await server.get("/?level=emt&employed=maybe&years_of_service=ten&cert_expires=2026")
            #expect(number.body.contains("role=\"alert\">employed: `maybe` is not true or false</p>"))
            let word = try await server.get("/?level=emt&employed=true&years_of_service=ten&cert_expires=2026")
            #expect(word.body.contains("role=\"alert\">years_of_service: `ten` is not an integer from 0 to 40</p>"))
            #expect(word.body.contains("value=\"ten\""))
        }
        try await TestServer.with(Self.settings("cpr-state")) { server in
            let reply = try await server.get("/?level=emt&cpr_on=2024-02-30&check_on=&as_of=2026-03-01")
            #expect(reply.status == 400)
            #expect(reply.body.contains("role=\"alert\">cpr_on: `2024-02-30` is not a date from 2023-01-01 to"))
            #expect(reply.body.contains("value=\"2024-02-30\""))
            let missing = try await server.get("/?level=emt&cpr_on=2024-02-29&check_on=&as_of=2026-03-01")
            #expect(missing.body.contains("role=\"alert\">missing field `check_on`"))
        }
    }
}

extension TypedPageTests {
    @Test("/staff names the inputs of a table whose matrix needs more than two, instead of framing a refusal")
    func staffAxesNote() async throws {
        let table = try Self.table("levels-state")
        try await TestServer.with(Self.settings("levels-state")) { server in
            let reply = try await server.get("/staff?as_of=2026-02-20")
            #expect(reply.status == 200)
            #expect(!reply.body.contains("<iframe"))
            #expect(reply.body.contains("has \(table.yearInputs.count) inputs"))
            for input in table.yearInputs {
                #expect(reply.body.contains("<li><code>\(input.name)</code>: \(HTML.escape(input.label))"))
                #expect(reply.body.contains(HTML.escape(input.allowedValues)))
            }
            #expect(
                reply.body.contains(
                    "--rows level --columns employed --input years_of_service=0 --input cert_expires=2025"))
        }
    }
}

extension String {
    /// The text with its first letter in upper case, as the page's labels show it.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
