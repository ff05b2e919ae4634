import RuleEngine

/// The grid of a policy history's decisions on one date: the first year input down, the second
/// across, one legend letter per deciding table and rule, lowercase where the first derived
/// output is false. Each legend entry names the table that decides.
public struct HistoryGrid: Sendable {
    /// The history.
    public let history: PolicyHistory

    /// Creates the grid view of a history.
    public init(history: PolicyHistory) {
        self.history = history
    }

    /// The grid's contents on one date.
    struct Layout {
        let newest: CompiledTable
        let inForce: [CompiledTable]
        let rowAxis: Axis
        let columnAxis: Axis?
        /// The values each row stands for (several neighbouring classes of a per-person date).
        let rowGroups: [[Int?]]
        /// The values each column stands for, as ``rowGroups``.
        let columnGroups: [[Int?]]
        /// Each cell's legend letter (lowercase where the first derived output is false), or `-`.
        let cells: [[String]]
        let legend: [(table: CompiledTable, rule: Int, letter: String)]
        let undecided: Bool

        /// The header of each row.
        var rowLabels: [String] { rowGroups.map(rowAxis.label) }
        /// The header of each column (none when the grid has one input).
        var columnLabels: [String] { columnAxis.map { axis in columnGroups.map(axis.label) } ?? [] }
        /// The top-left cell: `rows \ columns`, or the one input's name.
        var corner: String {
            columnAxis.map { "\(rowAxis.input.name) \\ \($0.input.name)" } ?? rowAxis.input.name
        }
    }

    func layout(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> Layout {
        guard let newest = history.table(for: date) else {
            throw .evaluation(.noTableInForce(date: date, windows: history.windows))
        }
        let inputs = newest.definition.yearInputs
        guard inputs.count <= 2 else { throw .tooManyInputs(inputs.count) }
        // The values of every table in force, so that no table's domain is cut off.
        let inForce = history.tablesInForce(on: date)
        if inputs.count == 2,
            inForce.contains(where: { table in
                table.definition.datePairs.contains { Set([$0.first, $0.second]) == [0, 1] }
            })
        {
            throw .comparedDates(inputs[0].name, inputs[1].name)
        }
        let tables = [newest] + inForce.filter { $0 !== newest }
        let axes = inputs.indices.compactMap { index in Self.axis(tables.map { $0.definition.yearInputs[index] }) }
        guard let rowAxis = axes.first else { throw .tooManyInputs(inputs.count) }
        let columnAxis = axes.count == 2 ? axes[1] : nil
        let columns = columnAxis?.values ?? [nil]
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var legend: [(table: CompiledTable, rule: Int, letter: String)] = []
        var undecided = false
        let cells = rowAxis.values.map { row in
            columns.map { column -> String in
                let years = columnAxis != nil ? YearValues(row, column) : YearValues([row])
                guard let decision = try? history.evaluate(years, asOf: date) else {
                    undecided = true
                    return "-"
                }
                var letter = legend.first { $0.table === decision.table && $0.rule == decision.ruleIndex }?.letter
                if letter == nil {
                    let index = legend.count
                    let next = index < letters.count ? String(letters[index]) : "\(index)"
                    legend.append((decision.table, decision.ruleIndex, next))
                    letter = next
                }
                let lower = !decision.table.definition.derived.isEmpty && decision.flags & 1 == 0
                return (lower ? letter?.lowercased() : letter) ?? "?"
            }
        }
        let merged = Self.merged(rows: rowAxis, columns: columnAxis, values: columns, cells: cells)
        return Layout(
            newest: newest, inForce: inForce, rowAxis: rowAxis, columnAxis: columnAxis, rowGroups: merged.rowGroups,
            columnGroups: merged.columnGroups, cells: merged.cells, legend: legend, undecided: undecided)
    }

    /// The grid on `date` as text.
    public func text(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> String {
        let grid = try layout(asOf: date)
        let corner = grid.corner
        let width = max(corner.count, 4)
        var lines = [
            "Policy history \(grid.newest.policy.id) as of \(date): "
                + grid.inForce.map { "\($0.definition.file) (version \($0.policy.version))" }.joined(separator: ", "),
            "",
        ]
        lines.append(corner.padding(width + 2) + grid.columnLabels.map { $0.padding(5) }.joined())
        for (row, label) in grid.rowLabels.enumerated() {
            lines.append(label.padding(width + 2) + grid.cells[row].map { $0.padding(5) }.joined())
        }
        lines += ["", "Legend:"]
        for entry in grid.legend {
            let rule = entry.table.definition.rules[entry.rule]
            let fee = rule.outcome.feeText.map { ", fee \($0)" } ?? ""
            lines.append(
                "  \(entry.letter)  \(rule.outcome.cohort) / \(rule.outcome.status)\(fee)  [\(rule.id)] "
                    + "from \(entry.table.definition.file) (version \(entry.table.policy.version))")
        }
        if grid.undecided { lines.append("  -  no table in force can decide these years") }
        if let first = grid.newest.definition.derived.first {
            lines.append("  lowercase: \(first.name) is false")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The grid on `date` as GitHub-flavoured Markdown: the grid and the legend as tables.
    public func markdown(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> String {
        let grid = try layout(asOf: date)
        let corner = grid.corner
        let columns = grid.columnAxis == nil ? ["none"] : grid.columnLabels.map(MatrixMarkdown.escape)
        var lines = [
            "## Policy history `\(MatrixMarkdown.code(grid.newest.policy.id))` as of \(date)", "",
            "Tables in force, newest first: "
                + grid.inForce.map {
                    "`\(MatrixMarkdown.code($0.definition.file))` (version \(MatrixMarkdown.escape($0.policy.version)))"
                }
                .joined(separator: ", ") + ".",
            "",
            "| \(MatrixMarkdown.escape(corner)) | " + columns.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---|", count: columns.count),
        ]
        for (row, label) in grid.rowLabels.enumerated() {
            lines.append("| **\(MatrixMarkdown.escape(label))** | " + grid.cells[row].joined(separator: " | ") + " |")
        }
        lines += ["", "| key | cohort / status | fee | rule | table |", "|---|---|---|---|---|"]
        for entry in grid.legend {
            let rule = entry.table.definition.rules[entry.rule]
            let cells = [
                entry.letter, MatrixMarkdown.escape("\(rule.outcome.cohort) / \(rule.outcome.status)"),
                rule.outcome.feeText.map { MatrixMarkdown.escape($0) } ?? "none",
                "`\(MatrixMarkdown.code(rule.id))`",
                "`\(MatrixMarkdown.code(entry.table.definition.file))` (version \(MatrixMarkdown.escape(entry.table.policy.version)))",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        var notes: [String] = []
        if grid.undecided { notes.append("`-`: no table in force can decide these years") }
        if let first = grid.newest.definition.derived.first {
            notes.append("lowercase: `\(MatrixMarkdown.code(first.name))` is false")
        }
        if !notes.isEmpty { lines += ["", notes.joined(separator: "; ") + "."] }
        return lines.joined(separator: "\n") + "\n"
    }
}
