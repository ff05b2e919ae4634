import Foundation
import Testing

@testable import RuleEngine

/// `labels:` and `policy.source_url`: read onto the table, checked against the rules'
/// cohorts and statuses and against the shape of a web address.
@Suite("labels and source URL")
struct LabelsTests {
    static func minimal(policyExtra: String = "", labels: String = "") throws -> String {
        var text = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("minimal.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  source: test fixture\n", with: "  source: test fixture\n" + policyExtra)
        return text + labels
    }

    @Test("the shipped table labels every cohort and status its rules decide")
    func shippedLabels() throws {
        let table = try TestSupport.table2026().definition
        let cohorts = Set(table.rules.map(\.outcome.cohort))
        let statuses = Set(table.rules.map(\.outcome.status))
        #expect(Set(table.labels.cohorts.keys) == cohorts)
        #expect(Set(table.labels.statuses.keys) == statuses)
        #expect(table.labels.cohort("one-year-alignment")?.isEmpty == false)
        #expect(table.policy.sourceURL == nil, "shared/policy/ gives no address for the page")
    }

    @Test("labels are read as written; ids without one have none")
    func readsLabels() throws {
        let text = try Self.minimal(
            labels: "labels:\n  cohorts:\n    a: \"First: <b>one</b>\"\n  statuses:\n    other: Rest\n")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "labels.yaml")).definition
        #expect(table.labels.cohort("a") == "First: <b>one</b>")
        #expect(table.labels.cohort("b") == nil)
        #expect(table.labels.status("other") == "Rest")
        #expect(table.labels.status("early") == nil)
    }

    @Test("a table without labels has none")
    func noLabels() throws {
        let table = try TestSupport.compiled(TableLoader.load(yaml: try Self.minimal(), file: "m.yaml")).definition
        #expect(table.labels.isEmpty)
        #expect(table.policy.sourceURL == nil)
    }

    @Test(
        "source_url takes http and https addresses",
        arguments: [
            "https://www.mass.gov/info-details/one-year-alignment", "http://example.org", "HTTPS://EXAMPLE.ORG/a?b=c#d",
        ])
    func acceptsURL(_ url: String) throws {
        let text = try Self.minimal(policyExtra: "  source_url: \"\(url)\"\n")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "url.yaml")).definition
        #expect(table.policy.sourceURL == url)
    }

    @Test(
        "source_url refuses anything else, at the cell",
        arguments: [
            "javascript:alert(1)", "https://", "www.mass.gov/page", "https://exa mple.org/", "ftp://example.org",
            "https:/example.org", "data:text/html,hi",
        ])
    func refusesURL(_ url: String) throws {
        let text = try Self.minimal(policyExtra: "  source_url: \"\(url)\"\n")
        let result = TableLoader.load(yaml: text, file: "url.yaml")
        #expect(result.table == nil)
        let found = result.diagnostics.filter { $0.code == .invalidSourceURL }
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 8)
        #expect(found.first?.location?.column == 15)
    }

    @Test(
        "a label for an id no rule decides is an error with the closest id",
        arguments: [
            ("cohorts", "bb", DiagnosticCode.unknownCohortLabel, "b"),
            ("statuses", "othr", DiagnosticCode.unknownStatusLabel, "other"),
            ("statuses", "zzz-unrelated", DiagnosticCode.unknownStatusLabel, nil),
        ] as [(String, String, DiagnosticCode, String?)])
    func unknownIDs(_ kind: String, _ id: String, _ code: DiagnosticCode, _ suggestion: String?) throws {
        let text = try Self.minimal(labels: "labels:\n  \(kind):\n    \(id): Words\n")
        let result = TableLoader.load(yaml: text, file: "labels.yaml")
        #expect(result.table == nil)
        let found = try #require(result.diagnostics.first { $0.code == code })
        #expect(result.diagnostics.count == 1)
        #expect(found.message.contains("`\(id)`"))
        #expect(found.help == suggestion.map { "did you mean `\($0)`?" })
    }

    @Test("a cohort id under statuses is not taken for a status")
    func kindsAreSeparate() throws {
        let text = try Self.minimal(labels: "labels:\n  statuses:\n    a: Words\n")
        let result = TableLoader.load(yaml: text, file: "labels.yaml")
        #expect(result.diagnostics.map(\.code) == [.unknownStatusLabel])
    }
}
