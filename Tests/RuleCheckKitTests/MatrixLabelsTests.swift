import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// Labels in the HTML matrix's legend: the words beside the ids, escaped; the Markdown matrix
/// keeps the ids only.
@Suite("matrix labels")
struct MatrixLabelsTests {
    @Test("the legend shows each label with its id; a table without labels has no label rules")
    func legend() throws {
        let table = try TestSupport.table2026()
        let labels = table.definition.labels
        let matrix = DecisionMatrix(table: table)
        let date = TestSupport.date("2026-02-16")
        let html = try MatrixHTML(matrix: matrix).render(asOf: date)
        for (cohort, words) in labels.cohorts where html.contains("<code class=\"id\">\(cohort)</code>") {
            #expect(html.contains("\(HTML.escape(words))<code class=\"id\">\(cohort)</code>"))
        }
        let shown = labels.statuses.filter { html.contains("(<code>\($0.key)</code>)") }
        #expect(!shown.isEmpty)
        for (status, words) in shown {
            #expect(html.contains("<strong>\(HTML.escape(words))</strong> (<code>\(status)</code>)"))
        }
        #expect(html.contains("code.id { display: block"))
        let markdown = try MatrixMarkdown(matrix: matrix).render(asOf: date)
        for words in labels.cohorts.values { #expect(!markdown.contains(words)) }

        let plain = try TestSupport.compiled(
            TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml")))
        let plainHTML = try MatrixHTML(matrix: DecisionMatrix(table: plain)).render(
            asOf: TestSupport.date("2027-02-16"))
        #expect(!plainHTML.contains("code.id"))
    }

    @Test("labels are escaped in the legend")
    func escaped() throws {
        let text = try TestSupport.table2026Text().replacingOccurrences(
            of: "    aligned: Your certifications already expire together",
            with: "    aligned: '<img src=x onerror=alert(1)> & co'")
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "labels.yaml"))
        let html = try MatrixHTML(matrix: DecisionMatrix(table: table)).render(asOf: TestSupport.date("2026-02-16"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; co"))
    }
}
