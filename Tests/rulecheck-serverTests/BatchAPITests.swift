import Foundation
import Testing

@testable import rulecheck_server

/// `POST /v1/batch` over a real listening server: the same bytes as `rulecheck batch` for the
/// roster fixtures, and every refusal before output as a JSON `4xx`.
@Suite("batch API")
struct BatchAPITests {
    /// A roster posted to the service and given to `rulecheck batch`.
    struct Case: Sendable, CustomTestStringConvertible {
        let roster: String
        let rules: String
        let query: String
        let accept: String?
        let arguments: [String]
        var testDescription: String { "\(roster) \(query) \(accept ?? "no Accept")" }
    }

    static let cases: [Case] = [
        Case(
            roster: "2026-roster.csv", rules: "rules", query: "as_of=2026-02-16", accept: nil,
            arguments: ["--as-of", "2026-02-16"]),
        Case(
            roster: "2026-roster.csv", rules: "rules", query: "as_of=2026-02-16", accept: "application/x-ndjson",
            arguments: ["--as-of", "2026-02-16", "--format", "jsonl"]),
        Case(
            roster: "2026-roster.csv", rules: "rules", query: "as_of=2026-02-16&excel_safe=true",
            accept: "text/csv;q=0.5, application/jsonl",
            arguments: ["--as-of", "2026-02-16", "--format", "jsonl", "--excel-safe"]),
        Case(
            roster: "2026-roster.csv", rules: "rules", query: "as_of=2026-02-16&excel_safe=true&output_delimiter=tab",
            accept: "text/csv", arguments: ["--as-of", "2026-02-16", "--excel-safe", "--output-delimiter", "tab"]),
        Case(
            roster: "2026-spreadsheet.csv", rules: "rules",
            query: "as_of=2026-02-16&delimiter=%3B&date_format=M/D/YYYY&column=ma_expires%3DMA%20Expiration"
                + "&column=nr_expires%3DNREMT%20Expiration&column=as_of%3DDate",
            accept: "*/*",
            arguments: [
                "--as-of", "2026-02-16", "--delimiter", ";", "--date-format", "M/D/YYYY", "--column",
                "ma_expires=MA Expiration", "--column", "nr_expires=NREMT Expiration", "--column", "as_of=Date",
            ]),
        Case(
            roster: "levels-roster.csv", rules: "Tests/Fixtures/policies/levels-state.yaml",
            query: "as_of=2026-03-01", accept: "application/x-ndjson",
            arguments: ["--as-of", "2026-03-01", "--format", "jsonl"]),
        Case(
            roster: "levels-roster.csv", rules: "Tests/Fixtures/policies/levels-state.yaml",
            query: "as_of=2026-03-01", accept: nil, arguments: ["--as-of", "2026-03-01"]),
    ]

    /// Settings that serve `rules` (a path in the package).
    static func settings(rules: String) -> ServerApplication.Settings {
        var settings = TestServer.shippedSettings
        settings.rules = TestServer.path(rules)
        return settings
    }

    @Test("the output is rulecheck batch's, byte for byte, sent in chunks that split records", arguments: cases)
    func matchesBatch(_ item: Case) async throws {
        let roster = TestServer.path("Tests/Fixtures/rosters/\(item.roster)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: roster)))
        let batch = try runRulecheck(["batch", roster, "--rules", TestServer.path(item.rules)] + item.arguments)
        #expect(batch.status == 1, "every fixture has a bad row, so batch exits 1")
        try await TestServer.with(Self.settings(rules: item.rules)) { server in
            let reply = try await server.batch(query: item.query, body: bytes, accept: item.accept, chunkSize: 7)
            #expect(reply.status == 200)
            let jsonl = item.arguments.contains("jsonl")
            let expectedType =
                jsonl
                ? (item.accept?.contains("x-ndjson") == true ? "application/x-ndjson" : "application/jsonl")
                : "text/csv; charset=utf-8"
            #expect(reply.headers["content-type"] == expectedType)
            #expect(String(decoding: reply.body, as: UTF8.self) == batch.stdout)
        }
    }

    @Test("a generated roster of 5,000 rows matches rulecheck batch in both formats")
    func generatedRoster() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-batch-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path
        let rules = TestServer.path("rules")
        let generated = try runRulecheck([
            "generate-roster", "--rules", rules, "--rows", "5000", "--seed", "12", "--output", roster,
        ])
        #expect(generated.status == 0)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: roster)))
        try await TestServer.with { server in
            for format in ["csv", "jsonl"] {
                let batch = try runRulecheck([
                    "batch", roster, "--rules", rules, "--as-of", "2026-01-15", "--format", format,
                ])
                let reply = try await server.batch(
                    query: "as_of=2026-01-15", body: bytes,
                    accept: format == "csv" ? "text/csv" : "application/x-ndjson")
                #expect(reply.status == 200)
                #expect(String(decoding: reply.body, as: UTF8.self) == batch.stdout)
            }
        }
    }

    @Test("problems found before any output are a JSON 4xx naming the field")
    func refusals() async throws {
        let roster = Array("id,ma_expires,nr_expires\n1,2026,2027\n".utf8)
        try await TestServer.with { server in
            let missing = try await server.batch(query: "", body: Array("id,ma_expires\n1,2026\n".utf8))
            #expect(missing.status == 400)
            let object = try missing.object()
            #expect((object["error"] as? String)?.contains("`nr_expires`") == true)
            #expect(object.keys.contains("input"))

            let empty = try await server.batch(query: "", body: [])
            #expect(empty.status == 400)
            #expect((try empty.object()["error"] as? String)?.contains("empty") == true)

            let brokenHeader = try await server.batch(query: "", body: Array("id,\"ma_expires\n".utf8))
            #expect(brokenHeader.status == 400)
            #expect((try brokenHeader.object()["error"] as? String)?.hasPrefix("line 1: unclosed quote") == true)

            let refusals: [(query: String, accept: String?, contentType: String, status: Int, input: String?)] = [
                ("sheet=1", nil, "text/csv", 400, "sheet"),
                ("delimiter=%7C", nil, "text/csv", 400, "delimiter"),
                ("as_of=2026-02-30", nil, "text/csv", 400, "as_of"),
                ("date_format=DD.MM.YYYY", nil, "text/csv", 400, "date_format"),
                ("column=ma_expires", nil, "text/csv", 400, "column"),
                ("column=a%3Db&column=a%3Dc", nil, "text/csv", 400, "column"),
                ("excel_safe=maybe", nil, "text/csv", 400, "excel_safe"),
                ("", "application/json", "text/csv", 406, nil),
                ("", "text/csv;q=0, */*;q=0", "text/csv", 406, nil),
                ("", nil, "application/json", 415, nil),
                ("", nil, "text/csv; charset=utf-16", 415, nil),
            ]
            for refusal in refusals {
                let reply = try await server.batch(
                    query: refusal.query, body: roster, accept: refusal.accept, contentType: refusal.contentType)
                #expect(reply.status == refusal.status, "\(refusal)")
                let object = try reply.object()
                #expect(object["error"] is String)
                #expect(object["input"] as? String == refusal.input, "\(refusal)")
            }
            let unknownColumn = try await server.batch(query: "column=level%3DLevel", body: roster)
            #expect(unknownColumn.status == 400)
            #expect(
                (try unknownColumn.object()["error"] as? String)?.hasPrefix("column: `level` is not an input") == true)

            // The hints name the query parameters, not the command line's flags.
            let semicolons = try await server.batch(
                query: "", body: Array("id;ma_expires;nr_expires\n1;2026;2027\n".utf8))
            let hint = try #require(try semicolons.object()["error"] as? String)
            #expect(hint.contains("try the query parameter delimiter=%3B") && !hint.contains("--"))
            let renamed = try await server.batch(query: "", body: Array("id,MA,nr_expires\n1,2026,2027\n".utf8))
            let columnHint = try #require(try renamed.object()["error"] as? String)
            #expect(columnHint.contains("the query parameter column=ma_expires%3DHEADER") && !columnHint.contains("--"))
        }
    }
}
