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
        let rows: [Int?]
        let columns: [Int?]
        /// Each cell's legend letter (lowercase where the first derived output is false), or `-`.
        let cells: [[String]]
        let legend: [(table: CompiledTable, rule: Int, letter: String)]
        let undecided: Bool
    }

    func layout(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> Layout {
        guard let newest = history.table(for: date) else {
            throw .evaluation(.noTableInForce(date: date, windows: history.windows))
        }
        let inputs = newest.definition.yearInputs
        guard inputs.count <= 2 else { throw .tooManyInputs(inputs.count) }
        // The values of every table in force, so that no table's domain is cut off.
        let inForce = history.tablesInForce(on: date)
        let rows = Self.values(inForce.map { $0.definition.yearInputs[0] })
        let columns = inputs.count == 2 ? Self.values(inForce.map { $0.definition.yearInputs[1] }) : [nil]
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var legend: [(table: CompiledTable, rule: Int, letter: String)] = []
        var undecided = false
        let cells = rows.map { row in
            columns.map { column -> String in
                let years = inputs.count == 2 ? YearValues(row, column) : YearValues([row])
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
        return Layout(
            newest: newest, inForce: inForce, rows: rows, columns: columns, cells: cells, legend: legend,
            undecided: undecided)
    }

    /// The grid on `date` as text.
    public func text(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> String {
        let grid = try layout(asOf: date)
        let inputs = grid.newest.definition.yearInputs
        let label = { (value: Int?) in value.map(String.init) ?? "none" }
        let corner = inputs.count == 2 ? "\(inputs[0].name) \\ \(inputs[1].name)" : inputs[0].name
        let width = max(corner.count, 4)
        var lines = [
            "Policy history \(grid.newest.policy.id) as of \(date): "
                + grid.inForce.map { "\($0.definition.file) (version \($0.policy.version))" }.joined(separator: ", "),
            "",
        ]
        lines.append(
            corner.padding(width + 2) + (inputs.count == 2 ? grid.columns.map { label($0).padding(5) }.joined() : ""))
        for (row, value) in grid.rows.enumerated() {
            lines.append(label(value).padding(width + 2) + grid.cells[row].map { $0.padding(5) }.joined())
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
        let inputs = grid.newest.definition.yearInputs
        let label = { (value: Int?) in value.map(String.init) ?? "none" }
        let corner = inputs.count == 2 ? "\(inputs[0].name) \\ \(inputs[1].name)" : inputs[0].name
        var lines = [
            "## Policy history `\(MatrixMarkdown.code(grid.newest.policy.id))` as of \(date)", "",
            "Tables in force, newest first: "
                + grid.inForce.map {
                    "`\(MatrixMarkdown.code($0.definition.file))` (version \(MatrixMarkdown.escape($0.policy.version)))"
                }
                .joined(separator: ", ") + ".",
            "",
            "| \(MatrixMarkdown.escape(corner)) | " + grid.columns.map(label).joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---|", count: grid.columns.count),
        ]
        for (row, value) in grid.rows.enumerated() {
            lines.append("| **\(label(value))** | " + grid.cells[row].joined(separator: " | ") + " |")
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

    /// The union of several tables' values of one input: years ascending, `none` last.
    private static func values(_ inputs: [YearInput]) -> [Int?] {
        let years = Set(inputs.flatMap { Array($0.domain) }).sorted()
        return years.map { Optional($0) } + (inputs.contains { $0.allowsNone } ? [nil] : [])
    }
}
