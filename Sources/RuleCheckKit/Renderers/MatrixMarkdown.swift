import RuleEngine

/// A table's decisions as GitHub-flavoured Markdown, for pasting into documents: the grid on a
/// date with each cell's legend key and status, the legend, and the timeline as a table.
public struct MatrixMarkdown: Sendable {
    /// The views of the table.
    public let matrix: DecisionMatrix

    /// Creates the renderer for a table.
    public init(matrix: DecisionMatrix) {
        self.matrix = matrix
    }

    /// The document for one date.
    public func render(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> String {
        let grid = try matrix.grid(asOf: date)
        let table = matrix.table.definition
        let policy = table.policy
        let rowInput = grid.rowInput
        var lines = [
            "# \(Self.escape(policy.title)) (version \(Self.escape(policy.version)))",
            "",
            "Decisions on \(date) · policy `\(policy.id)` from `\(Self.code(table.file))`"
                + " · window \(policy.windowStart) to \(policy.windowEnd) · dates in \(policy.timeZone)",
            "",
            "Rows: `\(rowInput.name)` (\(Self.escape(rowInput.label)))"
                + (grid.columnInput.map { "; columns: `\($0.name)` (\(Self.escape($0.label)))." } ?? ".")
                + " Each cell gives its legend key and status" + (table.derived.isEmpty ? "." : "; \(markLegend())."),
            "",
        ]
        let corner = grid.columnInput.map { "\(rowInput.name) ↓ / \($0.name) →" } ?? rowInput.name
        let columns =
            grid.columnInput.map { _ in grid.columnValues.indices.map { Self.escape(grid.columnLabel($0)) } }
            ?? ["decision"]
        lines.append("| " + ([corner] + columns).joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: columns.count + 1))
        for row in grid.rowValues.indices {
            let cells = grid.decisions[row].map { decision in
                "\(grid.letter(of: decision.ruleIndex)) \(decision.outcome.status)\(marks(decision.flags))"
            }
            lines.append("| **\(Self.escape(grid.rowLabel(row)))** | " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", "## Legend", ""]
        lines += legend(grid)
        lines += ["", "## Timeline", ""]
        lines += timeline()
        return lines.joined(separator: "\n") + "\n"
    }

    private func legend(_ grid: DecisionGrid) -> [String] {
        let rules = matrix.table.definition.rules
        var cellsByRule: [Int: Int] = [:]
        for row in grid.decisions { for decision in row { cellsByRule[decision.ruleIndex, default: 0] += 1 } }
        let hasOutputs = !matrix.table.definition.outputs.isEmpty
        var lines = [
            "| Key | Cohort | Status | Fee |" + (hasOutputs ? " Outputs |" : "") + " Rule | Cells |",
            "| --- | --- | --- | --- |" + (hasOutputs ? " --- |" : "") + " --- | --- |",
        ]
        for entry in grid.legend {
            let outcome = rules[entry.rule].outcome
            let outputs =
                hasOutputs ? " | " + Self.escape(matrix.outputPairs(rule: entry.rule).joined(separator: ", ")) : ""
            lines.append(
                "| \(entry.letter) | \(outcome.cohort) | \(outcome.status) | \(outcome.feeText ?? "none stated")\(outputs)"
                    + " | `\(rules[entry.rule].id)` (\(Self.code(matrix.place(of: entry.rule)))) | \(cellsByRule[entry.rule] ?? 0) |"
            )
        }
        return lines
    }

    private func timeline() -> [String] {
        let rules = matrix.table.definition.rules
        let derived = matrix.table.definition.derived.map(\.name)
        var lines = [
            "| Year combinations | Dates | Cohort / status | Fee |" + derived.map { " \($0) |" }.joined() + " Rule |",
            "|" + String(repeating: " --- |", count: 5 + derived.count),
        ]
        for group in matrix.timelineGroups() {
            let years = group.regions.map { region in
                matrix.regionParts(region).map { "\($0.name) \($0.values)" }.joined(separator: ", ")
            }
            .joined(separator: "; ")
            for (index, segment) in group.segments.enumerated() {
                let outcome = rules[segment.rule].outcome
                let dates = InputRegion.describe(segment.first...segment.last)
                let flags = matrix.table.definition.derivedValues(flags: segment.flags).map {
                    " \($0.value ? "yes" : "no") |"
                }.joined()
                lines.append(
                    "| \(index == 0 ? Self.escape(years) : "") | \(dates) | \(outcome.cohort) / \(outcome.status)"
                        + " | \(outcome.feeText ?? "none stated") |\(flags) `\(rules[segment.rule].id)` |"
                )
            }
        }
        return lines
    }

    /// `✗` after a status for each derived output that is false (numbered when there are several).
    private func marks(_ flags: UInt32) -> String {
        let values = matrix.table.definition.derivedValues(flags: flags)
        return values.enumerated().filter { !$0.element.value }.map { values.count == 1 ? " ✗" : " ✗\($0.offset + 1)" }
            .joined()
    }

    private func markLegend() -> String {
        let names = matrix.table.definition.derived.map(\.name)
        if names.count == 1 { return "✗ marks cells where `\(names[0])` is false" }
        return names.enumerated().map { "✗\($0.offset + 1): `\($0.element)` is false" }.joined(separator: ", ")
    }

    /// Free text with Markdown's active characters escaped, safe inside a table cell: see
    /// ``UntrustedText/markdown(_:)``.
    public static func escape(_ text: String) -> String {
        UntrustedText.markdown(text)
    }

    /// Text for a code span: see ``UntrustedText/markdownCode(_:)``.
    static func code(_ text: String) -> String {
        UntrustedText.markdownCode(text)
    }
}
