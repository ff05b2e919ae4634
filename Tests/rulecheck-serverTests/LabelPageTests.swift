import Foundation
import RuleCheckKit
import RuleEngine
import Testing

@testable import rulecheck_server

/// A table's `labels:` and `policy.source_url` on the pages, escaped, and nowhere in the API.
@Suite("labels on the pages")
struct LabelPageTests {
    static let hostile = "Aligning <script>alert(1)</script> & \"cycles\""
    static let url = "https://example.org/policy?a=1&b=\"2\""

    /// The shipped table with a hostile cohort label and a source URL, in a folder of its own.
    static func labelledRules() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulecheck-labels-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: TestServer.path("rules/2026.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "    one-year-alignment: Aligning your two certifications this year",
                with: "    one-year-alignment: '\(hostile.replacingOccurrences(of: "'", with: "''"))'"
            )
            .replacingOccurrences(
                of: "  time_zone: America/New_York",
                with: "  source_url: '\(url)'\n  time_zone: America/New_York")
        try Data(text.utf8).write(to: folder.appendingPathComponent("2026.yaml"))
        return folder
    }

    @Test("the EMT page, the staff page and the HTML matrix show labels escaped and link the source")
    func pagesShowLabels() async throws {
        let folder = try Self.labelledRules()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = TestServer.shippedSettings
        settings.rules = folder.path
        try await TestServer.with(settings) { server in
            let answer = try await server.get("/?ma_expires=2026&nr_expires=2027&as_of=2026-02-16").body
            #expect(answer.contains("<dt>Cohort</dt><dd>\(HTML.escape(Self.hostile))</dd>"))
            #expect(!answer.contains("<script>"))
            #expect(answer.contains("<a href=\"\(HTML.attribute(Self.url))\">"))

            let staff = try await server.get("/staff").body
            #expect(staff.contains("<li>\(HTML.escape(Self.hostile)) <code>one-year-alignment</code></li>"))
            #expect(staff.contains("<dt>Statuses</dt>"))
            #expect(!staff.contains("<script>"))

            let matrix = try await server.get("/v1/tables/2026/matrix?as_of=2026-02-16").body
            #expect(matrix.contains(HTML.escape(Self.hostile)))
            #expect(matrix.contains("<a href=\"\(HTML.attribute(Self.url))\">"))
            #expect(!matrix.contains("<script>"))

            let decision = try await server.post(
                "/v1/decisions", #"{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}"#)
            #expect(decision.status == 200)
            #expect(!decision.body.contains("Aligning") && !decision.body.contains("example.org"))
        }
    }
}
