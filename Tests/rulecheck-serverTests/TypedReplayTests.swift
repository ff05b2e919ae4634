import Foundation
import Testing

@testable import rulecheck_server

/// `rulecheck replay` on decision logs of tables whose inputs are not years: enum values,
/// booleans, integers and per-person dates are logged as JSON strings, booleans and numbers,
/// and replay reads each as its input's type.
@Suite("replay of typed inputs")
struct TypedReplayTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        let table: String
        let items: [String]
        /// A change to the table's text that changes some of the items' decisions.
        let change: [(old: String, new: String)]
        var testDescription: String { table }
    }

    static let fixtures = [
        Fixture(
            table: "levels-state.yaml",
            items: [
                #"{"level": "aemt", "employed": true, "years_of_service": 25, "cert_expires": 2026, "as_of": "2026-02-01"}"#,
                #"{"level": "paramedic", "employed": true, "years_of_service": 3, "cert_expires": 2025, "as_of": "2026-03-01"}"#,
                #"{"level": "emt", "employed": false, "years_of_service": 0, "cert_expires": 2026, "as_of": "2026-06-30"}"#,
                #"{"level": "emr", "employed": true, "years_of_service": 40, "cert_expires": 2029, "as_of": "2026-11-01"}"#,
            ],
            change: [
                ("years_of_service: {from: 20}", "years_of_service: {from: 30}"),
                ("years_of_service: {to: 19}", "years_of_service: {to: 29}"),
            ]),
        Fixture(
            table: "dates-state.yaml",
            items: [
                #"{"level": "emt", "state_expires": 2026, "certified_on": "2010-05-04", "refresher_on": "2020-01-01", "as_of": "2026-03-01"}"#,
                #"{"level": "paramedic", "state_expires": 2027, "certified_on": "2015-05-04", "refresher_on": "2017-01-01", "as_of": "2026-03-01"}"#,
                #"{"level": "emt", "state_expires": 2025, "certified_on": "2015-05-04", "refresher_on": "2015-06-01", "as_of": "2026-03-01"}"#,
            ],
            change: [("2013-07-01", "2016-07-01")]),
    ]

    @Test(
        "decisions logged by the server replay with no difference; a changed table shows each change",
        arguments: fixtures)
    func replay(_ fixture: Fixture) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rulecheck-replay-\(UUID().uuidString)")
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tableFile = rules.appendingPathComponent(fixture.table)
        let text = try String(
            contentsOfFile: TestServer.path("Tests/Fixtures/policies/\(fixture.table)"), encoding: .utf8)
        try Data(text.utf8).write(to: tableFile)
        let log = folder.appendingPathComponent("decisions.jsonl")
        var settings = TestServer.shippedSettings
        settings.rules = rules.path
        settings.decisionLog = log.path
        let before = try await decide(fixture.items, settings)
        #expect(before.count == fixture.items.count)
        let logged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(logged.count == fixture.items.count)

        let same = try runRulecheck(["replay", log.path, "--rules", rules.path])
        #expect(same.stdout.hasSuffix("replayed \(fixture.items.count) decisions: 0 differ\n"), "\(same.stdout)")
        #expect(same.status == 0)

        // The changed table decides some items otherwise; what the server now answers says which.
        let changed = fixture.change.reduce(text) { $0.replacingOccurrences(of: $1.old, with: $1.new) }
        #expect(changed != text)
        try Data(changed.utf8).write(to: tableFile)
        settings.decisionLog = nil
        let after = try await decide(fixture.items, settings)
        let differing = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
        try #require(!differing.isEmpty, "the change must change some decision")
        let replayed = try runRulecheck(["replay", log.path, "--rules", rules.path])
        #expect(replayed.status == 1)
        let reported = replayed.stdout.split(separator: "\n").dropLast().compactMap { line in
            line.split(separator: ":").dropFirst().first.flatMap { Int($0) }
        }
        #expect(reported == differing, "\(replayed.stdout)")
        #expect(replayed.stdout.hasSuffix("replayed \(fixture.items.count) decisions: \(differing.count) differ\n"))
    }

    /// Each item's cohort, status and rule as the server at `settings` decides it.
    private func decide(_ items: [String], _ settings: ServerApplication.Settings) async throws -> [String] {
        try await TestServer.with(settings) { server in
            let reply = try await server.post("/v1/decisions", "[" + items.joined(separator: ",") + "]")
            #expect(reply.status == 200, "\(reply.body)")
            let answers = try #require(try reply.json() as? [[String: Any]])
            return answers.map { answer in
                let rule = (answer["rule"] as? [String: Any])?["id"] as? String ?? "?"
                return "\(answer["cohort"] ?? "?")/\(answer["status"] ?? "?")/\(rule)"
            }
        }
    }
}
