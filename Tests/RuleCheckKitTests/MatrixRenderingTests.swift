import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The HTML page and the Markdown document of `rulecheck matrix`: structure, not pixels.
@Suite("Matrix as HTML and Markdown")
struct MatrixRenderingTests {
    static let date = TestSupport.date("2026-02-20")

    static func page() throws -> (html: String, grid: DecisionGrid, matrix: DecisionMatrix) {
        let matrix = DecisionMatrix(table: try TestSupport.table2026())
        return (try MatrixHTML(matrix: matrix).render(asOf: date), try matrix.grid(asOf: date), matrix)
    }

    /// The grid cells of a page: `<td class="kN[ off]" title="...">`.
    static func gridCells(_ html: String) -> [Substring] {
        html.matches(of: /<td class="k[0-9]+( off)?" title="[^"]*">/).map { $0.output.0 }
    }

    @Test("every grid cell is present: 11 MA years × 12 NR values for 2026")
    func everyCell() throws {
        let (html, grid, _) = try Self.page()
        #expect(grid.rowValues.count == 11)
        #expect(grid.columnValues.count == 12)
        #expect(Self.gridCells(html).count == 11 * 12)
        #expect(html.matches(of: /<tr><th scope="row">/).count == 11)
        #expect(html.contains("<th scope=\"col\">none</th>"))
    }

    @Test("every cell's tooltip names its deciding rule and file:line")
    func tooltips() throws {
        let (html, grid, _) = try Self.page()
        let cells = Self.gridCells(html)
        let titled = cells.filter { $0.contains(/decided by rule `[a-z0-9-]+` at [^"]*2026\.yaml:[0-9]+"/) }
        #expect(titled.count == cells.count)
        let decision = grid.decisions[4][5]
        let line = decision.rule.location.line
        #expect(html.contains("decided by rule `\(decision.rule.id)` at \(decision.table.definition.file):\(line)"))
        #expect(
            html.contains("ma_expires 2026, nr_expires 2027, as_of 2026-02-20&#10;one-year-alignment / action-overdue"))
    }

    @Test("the legend lists every cohort in the grid with its outcomes, in the table's words")
    func legend() throws {
        let (html, grid, matrix) = try Self.page()
        let labels = matrix.table.definition.labels
        let cohorts = Set(grid.decisions.joined().map(\.outcome.cohort))
        #expect(cohorts.count == 6)
        for cohort in cohorts {
            let words = try #require(labels.cohort(cohort))
            #expect(html.contains("<td class=\"cohort\">\(words)<code class=\"id\">\(cohort)</code></td>"), "\(cohort)")
        }
        for row in grid.decisions.joined() {
            let words = try #require(labels.status(row.outcome.status))
            #expect(html.contains("<strong>\(words)</strong> (<code>\(row.outcome.status)</code>)"))
        }
        #expect(html.contains("fee 62.50 USD"))
    }

    @Test("the timeline has a bar per group and a segment per interval")
    func timeline() throws {
        let (html, _, matrix) = try Self.page()
        let groups = matrix.timelineGroups()
        #expect(html.matches(of: /<div class="tl-bar">/).count == groups.count)
        #expect(html.matches(of: #/<div class="seg /#).count == groups.map(\.segments.count).reduce(0, +))
        #expect(html.contains("2026-04-01 to 2027-03-30"))
    }

    @Test("the page is self-contained and printable")
    func selfContained() throws {
        let (html, _, _) = try Self.page()
        for forbidden in ["<script", "http:", "https:", "src=", "url(", "@import", "<link"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@media print"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("text from the table is escaped")
    func escaping() throws {
        let text = try String(
            contentsOfFile: TestSupport.path("Tests/RuleEngineTests/Fixtures/minimal.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "title: Minimal table", with: "title: \"<script>alert('x')</script> & <b>\"")
        .replacingOccurrences(of: "source: test fixture", with: "source: a \"quoted\" <i>source</i>")
        .replacingOccurrences(
            of: "  ma_expires:\n    type: year\n", with: "  ma_expires:\n    type: year\n    label: \"years <&>\"\n"
        )
        let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "odd <name>.yaml"))
        let matrix = DecisionMatrix(table: table)
        let html = try MatrixHTML(matrix: matrix).render(asOf: TestSupport.date("2026-01-10"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;"))
        #expect(html.contains("a &quot;quoted&quot; &lt;i&gt;source&lt;/i&gt;"))
        #expect(html.contains("years &lt;&amp;&gt;"))
        #expect(html.contains("odd &lt;name&gt;.yaml:"))
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        let markdown = try MatrixMarkdown(matrix: matrix).render(asOf: TestSupport.date("2026-01-10"))
        #expect(markdown.hasPrefix("# \\<script\\>alert('x')\\</script\\> & \\<b\\>"))
        #expect(MatrixMarkdown.escape("a|b*c_d") == "a\\|b\\*c\\_d")
    }

    @Test("markdown: a header, a separator and a row per MA year, each with 13 columns")
    func markdown() throws {
        let matrix = DecisionMatrix(table: try TestSupport.table2026())
        let text = try MatrixMarkdown(matrix: matrix).render(asOf: Self.date)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| ma_expires") })
        let table = Array(lines[start...].prefix { $0.hasPrefix("|") })
        #expect(table.count == 2 + 11)
        for line in table {
            let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count == 13, "\(line)")
        }
        #expect(table[1] == "|" + String(repeating: " --- |", count: 13))
        #expect(table[2].hasPrefix("| **2022** | A must-regain-nremt ✗ |"))
        #expect(table[6].contains("| D action-overdue |"))
        #expect(text.contains("## Legend"))
        let grid = try matrix.grid(asOf: Self.date)
        for entry in grid.legend {
            let outcome = matrix.table.definition.rules[entry.rule].outcome
            #expect(text.contains("| \(entry.letter) | \(outcome.cohort) | \(outcome.status) |"))
        }
        #expect(text.contains("✗ marks cells where `can_staff_ambulance` is false"))
    }
}
