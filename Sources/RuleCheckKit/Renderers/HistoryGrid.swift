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

    /// The grid on `date` as text.
    public func text(asOf date: LocalDate) throws(DecisionMatrix.GridError) -> String {
        guard let newest = history.table(for: date) else {
            throw .evaluation(.noTableInForce(date: date, windows: history.windows))
        }
        let inputs = newest.definition.yearInputs
        guard inputs.count <= 2 else { throw .tooManyInputs(inputs.count) }
        // The values of every table in force, so that no table's domain is cut off.
        let inForce = history.tablesInForce(on: date)
        let rows = Self.values(inForce.map { $0.definition.yearInputs[0] })
        let columns = inputs.count == 2 ? Self.values(inForce.map { $0.definition.yearInputs[1] }) : [nil]
        let label = { (value: Int?) in value.map(String.init) ?? "none" }
        let corner = inputs.count == 2 ? "\(inputs[0].name) \\ \(inputs[1].name)" : inputs[0].name
        let width = max(corner.count, 4)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var legend: [(table: CompiledTable, rule: Int, letter: String)] = []
        var undecided = false
        var lines = [
            "Policy history \(newest.policy.id) as of \(date): "
                + inForce.map { "\($0.definition.file) (version \($0.policy.version))" }.joined(separator: ", "),
            "",
        ]
        lines.append(
            corner.padding(width + 2) + (inputs.count == 2 ? columns.map { label($0).padding(5) }.joined() : ""))
        for row in rows {
            var cells = ""
            for column in columns {
                let years = inputs.count == 2 ? YearValues(row, column) : YearValues([row])
                guard let decision = try? history.evaluate(years, asOf: date) else {
                    undecided = true
                    cells += "-".padding(5)
                    continue
                }
                var letter = legend.first { $0.table === decision.table && $0.rule == decision.ruleIndex }?.letter
                if letter == nil {
                    let index = legend.count
                    let next = index < letters.count ? String(letters[index]) : "\(index)"
                    legend.append((decision.table, decision.ruleIndex, next))
                    letter = next
                }
                let lower = !decision.table.definition.derived.isEmpty && decision.flags & 1 == 0
                cells += ((lower ? letter?.lowercased() : letter) ?? "?").padding(5)
            }
            lines.append(label(row).padding(width + 2) + cells)
        }
        lines += ["", "Legend:"]
        for entry in legend {
            let rule = entry.table.definition.rules[entry.rule]
            let fee = rule.outcome.fee.map { ", fee \($0.money)" } ?? ""
            lines.append(
                "  \(entry.letter)  \(rule.outcome.cohort) / \(rule.outcome.status)\(fee)  [\(rule.id)] "
                    + "from \(entry.table.definition.file) (version \(entry.table.policy.version))")
        }
        if undecided {
            lines.append("  -  no table in force can decide these years")
        }
        if let first = newest.definition.derived.first {
            lines.append("  lowercase: \(first.name) is false")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The union of several tables' values of one input: years ascending, `none` last.
    private static func values(_ inputs: [YearInput]) -> [Int?] {
        let years = Set(inputs.flatMap { Array($0.domain) }).sorted()
        return years.map { Optional($0) } + (inputs.contains { $0.allowsNone } ? [nil] : [])
    }
}
