import Foundation
import RuleCheckKit
import RuleEngine
import Testing

@testable import rulecheck_server

/// The EMT and staff pages, over HTTP: labelled controls, the answer, the notice, escaping.
@Suite("pages")
struct PageTests {
    @Test("/ is a GET form with labelled controls, the guidance notice and no script")
    func emtForm() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/")
            #expect(reply.status == 200)
            #expect(reply.contentType.hasPrefix("text/html"))
            let page = reply.body
            #expect(page.contains("<form method=\"get\" action=\"/#answer\">"))
            for name in ["ma_expires", "nr_expires", "as_of"] {
                #expect(page.contains("<label for=\"\(name)\">"))
                #expect(page.contains("id=\"\(name)\" name=\"\(name)\""))
            }
            #expect(page.contains("never held"))
            #expect(page.contains("not an official decision"))
            #expect(page.contains("name=\"viewport\""))
            #expect(!page.lowercased().contains("<script"))
            #expect(!page.contains("http://") && !page.contains("https://"))
        }
    }

    @Test("an answer shows cohort, status, fee, deadlines with days left and the steps in order")
    func emtAnswer() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/?ma_expires=2026&nr_expires=2027&as_of=2026-02-16")
            #expect(reply.status == 200)
            let page = reply.body
            let decision = try await server.post(
                "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#
            ).object()
            let cohort = try #require(decision["cohort"] as? String)
            let labels = try #require(TableLoader.load(path: TestServer.path("rules/2026.yaml")).table).definition
                .labels
            let words = labels.cohort(cohort) ?? PageLayout.words(cohort)
            #expect(page.contains("<dt>Cohort</dt><dd>\(HTML.escape(words))</dd>"))
            #expect(page.contains("62.50 USD"))
            #expect(page.contains("2026-03-31"))
            #expect(page.contains("43 days left"))  // 2026-02-16 to 2026-03-31 inclusive
            #expect(page.contains("passed yesterday"))  // recommended 2026-02-15
            let actions = try #require(decision["actions"] as? [String])
            var position = page.startIndex
            for action in actions {
                let found = try #require(page.range(of: HTML.escape(action), range: position..<page.endIndex))
                position = found.upperBound
            }
            #expect(page.contains("<option value=\"2026\" selected>2026</option>"))
        }
    }

    @Test("untrusted query text is escaped and answered 400 in the page")
    func emtEscapes() async throws {
        try await TestServer.with { server in
            let hostile = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            let reply = try await server.get("/?ma_expires=\(hostile)&nr_expires=2027&as_of=2026-02-16")
            #expect(reply.status == 400)
            #expect(!reply.body.contains("<script>"))
            #expect(reply.body.contains("role=\"alert\""))
            let field = try await server.get("/?ma_expires=2026&nr_expires=2027&as_of=2026-02-16&\(hostile)=1")
            #expect(field.status == 400)
            #expect(!field.body.contains("<script>"))
            #expect(field.body.contains("&lt;script&gt;"))
        }
    }

    @Test("/staff lists the tables in force and frames the matrix for a date")
    func staff() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/staff?as_of=2026-02-20")
            #expect(reply.status == 200)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: TestServer.path("rules/2026.yaml")))
            #expect(reply.body.contains(SHA256.hex(Array(bytes))))
            #expect(reply.body.contains("src=\"/v1/tables/2026/matrix?as_of=2026-02-20\""))
            #expect(reply.body.contains("<label for=\"table\">"))
        }
    }

    @Test("the validate box shows each diagnostic beside its line, escaped, and writes nothing")
    func staffValidate() async throws {
        let table = TestServer.path("rules/2026.yaml")
        let before = try FileManager.default.contentsOfDirectory(atPath: TestServer.path("rules")).sorted()
        let original = try String(contentsOfFile: table, encoding: .utf8)
        let broken = original.replacingOccurrences(of: "hit_policy: unique", with: "hit_policy: <b>unique</b>")
        let brokenLine =
            try #require(
                broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                    $0.contains("hit_policy")
                }) + 1
        try await TestServer.with { server in
            let body = "table=" + (broken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let reply = try await server.send(
                "POST", "/staff/validate", body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
            #expect(reply.status == 200)
            #expect(!reply.body.contains("<b>unique</b>"))
            #expect(reply.body.contains("&lt;b&gt;unique&lt;/b&gt;"))
            #expect(reply.body.contains("would not load"))
            let row = try #require(reply.body.split(separator: "\n").first { $0.contains("id=\"L\(brokenLine)\"") })
            #expect(row.contains("class=\"flagged\""))
            #expect(row.contains("diag-error"))

            let clean = "table=" + (original.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let ok = try await server.send(
                "POST", "/staff/validate", body: Data(clean.utf8), contentType: "application/x-www-form-urlencoded")
            #expect(ok.body.contains("No errors"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: TestServer.path("rules")).sorted() == before)
        #expect(try String(contentsOfFile: table, encoding: .utf8) == original)
    }
}
