import RuleEngine

/// A table's decisions as one self-contained HTML page: the grid on a date coloured by cohort,
/// a legend, and each year combination's timeline over the window.
///
/// The page has inline CSS only: no scripts, no fonts, images or links to fetch, so it can be
/// mailed, archived and printed as it is. Every text from the table is escaped.
public struct MatrixHTML: Sendable {
    /// The views of the table.
    public let matrix: DecisionMatrix
    /// The cohorts' colours.
    public let palette: CohortPalette

    /// Creates the page renderer for a table.
    public init(matrix: DecisionMatrix) {
        self.matrix = matrix
        self.palette = CohortPalette(table: matrix.table.definition)
    }

    /// The page for one date.
    public func render(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> String {
        let grid = try matrix.grid(asOf: date)
        let policy = matrix.table.policy
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTML.escape("\(policy.title) (version \(policy.version)) as of \(date)"))</title>",
            "<style>",
            stylesheet(),
            "</style>",
            "</head>",
            "<body>",
        ]
        lines += header(date: date)
        lines += gridSection(grid, date: date)
        lines += legendSection(grid, date: date)
        lines += timelineSection(asOf: date)
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func header(date: LocalDate) -> [String] {
        let policy = matrix.table.policy
        return [
            "<header>",
            "<h1>\(HTML.escape(policy.title)) <span class=\"version\">version \(HTML.escape(policy.version))</span></h1>",
            "<p class=\"meta\">Policy <code>\(HTML.escape(policy.id))</code> from <code>\(HTML.escape(matrix.table.definition.file))</code>"
                + " · window \(policy.windowStart) to \(policy.windowEnd) · dates in \(HTML.escape(policy.timeZone))</p>",
            "<p class=\"meta source\">Source: \(sourceHTML(policy))</p>",
            "</header>",
        ]
    }

    private func gridSection(_ grid: DecisionGrid, date: LocalDate) -> [String] {
        let rowInput = grid.rowInput
        let columnInput = grid.columnInput
        var lines = [
            "<section class=\"grid-section\">",
            "<h2>Decisions on \(date)</h2>",
            "<p class=\"hint\">Rows: <code>\(HTML.escape(rowInput.name))</code> (\(HTML.escape(rowInput.label)))."
                + (columnInput.map {
                    " Columns: <code>\(HTML.escape($0.name))</code> (\(HTML.escape($0.label)))."
                } ?? "")
                + " Each cell shows its legend key, status, fee and \(derivedPhrase()); its tooltip names the deciding rule.</p>",
            "<table class=\"grid\(matrix.table.definition.derived.count == 1 ? " one-output" : "")\">",
            "<thead><tr><th class=\"corner\" scope=\"col\">\(HTML.escape(rowInput.name)) ↓"
                + (columnInput.map { "<br>\(HTML.escape($0.name)) →" } ?? "") + "</th>",
        ]
        for column in grid.columnValues.indices where columnInput != nil {
            lines.append("<th scope=\"col\">\(HTML.escape(grid.columnLabel(column)))</th>")
        }
        lines.append("</tr></thead>")
        lines.append("<tbody>")
        for row in grid.rowValues.indices {
            lines.append("<tr><th scope=\"row\">\(HTML.escape(grid.rowLabel(row)))</th>")
            for decision in grid.decisions[row] { lines.append(cell(decision, grid: grid)) }
            lines.append("</tr>")
        }
        lines += ["</tbody>", "</table>", "</section>"]
        return lines
    }

    private func cell(_ decision: Decision, grid: DecisionGrid) -> String {
        let outcome = decision.outcome
        let title =
            [
                "\(matrix.table.definition.describe(years: decision.years)), \(matrix.table.definition.dateInputName) \(decision.asOf)"
            ]
            + matrix.details(rule: decision.ruleIndex, flags: decision.flags)
        let parts = [
            "<span class=\"key\">\(HTML.escape(grid.letter(of: decision.ruleIndex)))</span>",
            "<span class=\"status\">\(HTML.escape(outcome.status))</span>",
            "<span class=\"facts\"><span class=\"fee\">\(outcome.feeText.map { HTML.escape($0) } ?? "no fee")</span>"
                + flagSpans(decision.flags).joined() + "</span>",
        ]
        return "<td class=\"\(cellClass(cohort: outcome.cohort, flags: decision.flags))\""
            + " title=\"\(HTML.attribute(title.joined(separator: "\n")))\">\(parts.joined())</td>"
    }

    private func legendSection(_ grid: DecisionGrid, date: LocalDate) -> [String] {
        let rules = matrix.table.definition.rules
        var lines = [
            "<section class=\"legend\">",
            "<h2>Legend</h2>",
            "<table class=\"legend-table\">",
            "<thead><tr><th scope=\"col\">Colour</th><th scope=\"col\">Cohort</th>"
                + "<th scope=\"col\">Outcomes on \(date)</th></tr></thead>",
            "<tbody>",
        ]
        var cellsByRule: [Int: Int] = [:]
        for row in grid.decisions { for decision in row { cellsByRule[decision.ruleIndex, default: 0] += 1 } }
        let present = palette.cohorts.filter { cohort in
            grid.legend.contains { rules[$0.rule].outcome.cohort == cohort }
        }
        for cohort in present {
            let entries = grid.legend.filter { rules[$0.rule].outcome.cohort == cohort }
            let keys = entries.map(\.letter).joined(separator: " ")
            lines.append(
                "<tr><td class=\"\(cellClass(cohort: cohort, flags: nil)) swatch\">\(HTML.escape(keys))</td>"
                    + "<td class=\"cohort\">\(cohortHTML(cohort))</td><td><ul>")
            for entry in entries {
                let outcome = rules[entry.rule].outcome
                let count = cellsByRule[entry.rule] ?? 0
                let fee = outcome.feeText.map { "fee \(HTML.escape($0))" } ?? "no fee stated"
                let outputs = matrix.outputPairs(rule: entry.rule).map { " · \(HTML.escape($0))" }.joined()
                lines.append(
                    "<li><span class=\"key\">\(HTML.escape(entry.letter))</span> \(statusHTML(outcome.status))"
                        + " · \(fee)\(outputs) · rule <code>\(HTML.escape(rules[entry.rule].id))</code>"
                        + " at <code>\(HTML.escape(matrix.place(of: entry.rule)))</code>"
                        + " · \(count) \(count == 1 ? "cell" : "cells")</li>")
            }
            lines.append("</ul></td></tr>")
        }
        let others = timelineCohorts().filter { !present.contains($0) }
        for cohort in others {
            lines.append(
                "<tr class=\"absent\"><td class=\"\(cellClass(cohort: cohort, flags: nil)) swatch\"></td>"
                    + "<td class=\"cohort\">\(cohortHTML(cohort))</td><td>not on \(date); see the timeline</td></tr>")
        }
        lines += ["</tbody>", "</table>"]
        if let first = matrix.table.definition.derived.first {
            lines.append(
                "<p class=\"hint\"><span class=\"hatch-sample\"></span> Hatched: <code>\(HTML.escape(first.name))</code>"
                    + " is false. ✓ and ✗ give the value of "
                    + matrix.table.definition.derived.map { "<code>\(HTML.escape($0.name))</code>" }.joined(
                        separator: ", ")
                    + " in each cell (printed pages show only the mark when there is one output).</p>")
        }
        lines.append("</section>")
        return lines
    }

    // MARK: - Helpers

    /// `k3` for the cohort's colour, plus `off` when the first derived output is false.
    func cellClass(cohort: String, flags: UInt32?) -> String {
        var names = ["k\(palette.index(of: cohort))"]
        if let flags, !matrix.table.definition.derived.isEmpty, flags & 1 == 0 { names.append("off") }
        return names.joined(separator: " ")
    }

    /// One span per derived output: `✓ can staff ambulance` or `✗ can staff ambulance`.
    func flagSpans(_ flags: UInt32) -> [String] {
        matrix.table.definition.derivedValues(flags: flags).map { name, value in
            "<span class=\"flag \(value ? "yes" : "no")\">\(value ? "✓" : "✗")"
                + "<span class=\"name\"> \(HTML.escape(DecisionMatrix.humanName(name)))</span></span>"
        }
    }

    private func derivedPhrase() -> String {
        let names = matrix.table.definition.derived.map { "<code>\(HTML.escape($0.name))</code>" }
        return names.isEmpty ? "its outputs" : names.joined(separator: ", ")
    }

    /// Every cohort that some year combination has at some date of the window, in palette order.
    func timelineCohorts() -> [String] {
        let rules = matrix.table.definition.rules
        let used = Set(matrix.timelineGroups().flatMap { $0.segments.map { rules[$0.rule].outcome.cohort } })
        return palette.cohorts.filter { used.contains($0) }
    }
}
