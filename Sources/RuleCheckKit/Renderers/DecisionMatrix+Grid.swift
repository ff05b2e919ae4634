import RuleEngine

/// The grid of outcomes on one date: one input down (by default the first), another across
/// (by default the second), every other input fixed.
public struct DecisionGrid: Sendable {
    /// The input down the rows.
    public let rowInput: DiscreteInput
    /// The input across the columns, if any.
    public let columnInput: DiscreteInput?
    /// The row values (codes of ``rowInput``).
    public let rowValues: [Int?]
    /// The column values (codes of ``columnInput``; one column when there is none).
    public let columnValues: [Int?]
    /// `decisions[row][column]`.
    public let decisions: [[Decision]]
    /// The distinct outcomes in order of first appearance, as (rule index) with their letter.
    public let legend: [(rule: Int, letter: String)]
    /// The values each row stands for: one value, or for a per-person date, the first day of
    /// each run of days with the same decisions.
    public let rowGroups: [[Int?]]
    /// The values each column stands for, as ``rowGroups``.
    public let columnGroups: [[Int?]]

    /// A row's header: the value, or a per-person date's run of days.
    public func rowLabel(_ row: Int) -> String { Self.label(rowInput, rowGroups[row], rowValues[row]) }

    /// A column's header, as ``rowLabel(_:)``.
    public func columnLabel(_ column: Int) -> String {
        columnInput.map { Self.label($0, columnGroups[column], columnValues[column]) } ?? ""
    }

    private static func label(_ input: DiscreteInput, _ group: [Int?], _ value: Int?) -> String {
        input.isDate ? input.describe(group) : input.text(value)
    }

    /// The legend letter of a rule.
    public func letter(of rule: Int) -> String {
        legend.first { $0.rule == rule }?.letter ?? "?"
    }
}

extension DecisionMatrix {
    /// Why a grid cannot be drawn.
    public enum GridError: Error, Sendable, CustomStringConvertible {
        /// The table has more than two year inputs.
        case tooManyInputs(Int)
        /// The date is outside the window.
        case evaluation(EvaluationError)
        /// The rows and the columns are two per-person dates compared with each other.
        case comparedDates(String, String)

        /// One line for the user.
        public var description: String {
            switch self {
            case .tooManyInputs(let count):
                return
                    "a grid shows two inputs; the table has \(count): choose them with --rows and --columns and fix the others with --input"
            case .evaluation(let error): return error.description
            case .comparedDates(let rows, let columns):
                return
                    "`\(rows)` and `\(columns)` are compared with each other, so a grid of both is not constant on its cells: show one and fix the other with --input"

            }
        }
    }

    /// The grid on one date, along ``axes`` (by default the first input down, the second across).
    public func grid(asOf date: LocalDate) throws(GridError) -> DecisionGrid {
        let inputs = table.definition.yearInputs
        let axes: GridAxes
        if let chosen = self.axes {
            axes = chosen
        } else {
            guard inputs.count <= 2 else { throw .tooManyInputs(inputs.count) }
            axes = GridAxes(rows: 0, columns: inputs.count == 2 ? 1 : nil, fixed: YearValues(inputs.map { _ in nil }))
        }
        if let across = axes.columns,
            table.definition.datePairs.contains(where: { Set([$0.first, $0.second]) == Set([axes.rows, across]) })
        {
            throw .comparedDates(inputs[axes.rows].name, inputs[across].name)
        }
        let rows = axisValues(axes.rows, fixed: axes.fixed)
        let columns: [Int?] = axes.columns.map { axisValues($0, fixed: axes.fixed) } ?? [nil]
        var decisions: [[Decision]] = []
        var legend: [(rule: Int, letter: String)] = []
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for row in rows {
            var line: [Decision] = []
            for column in columns {
                var years = axes.fixed
                years[axes.rows] = row
                if let across = axes.columns { years[across] = column }
                let decision: Decision
                do { decision = try table.evaluate(years, asOf: date) } catch { throw .evaluation(error) }
                if !legend.contains(where: { $0.rule == decision.ruleIndex }) {
                    let index = legend.count
                    let letter = index < letters.count ? String(letters[index]) : "\(index)"
                    legend.append((decision.ruleIndex, letter))
                }
                line.append(decision)
            }
            decisions.append(line)
        }
        return merged(
            DecisionGrid(
                rowInput: inputs[axes.rows], columnInput: axes.columns.map { inputs[$0] }, rowValues: rows,
                columnValues: columns, decisions: decisions, legend: legend, rowGroups: rows.map { [$0] },
                columnGroups: columns.map { [$0] }))
    }

    /// The grid as text: one letter per cell, lowercase where the first derived output
    /// (such as `can_staff_ambulance`) is false, then the legend.
    public func gridText(asOf date: LocalDate) throws(GridError) -> String {
        let grid = try grid(asOf: date)
        let corner = grid.columnInput.map { "\(grid.rowInput.name) \\ \($0.name)" } ?? grid.rowInput.name
        let width = max(corner.count, 4)
        var lines = ["\(table.policy.title) (version \(table.policy.version)) as of \(date)", ""]
        let header = grid.columnValues.indices.map { grid.columnLabel($0).padding(5) }.joined()
        lines.append(corner.padding(width + 2) + (grid.columnInput != nil ? header : ""))
        for row in grid.rowValues.indices {
            let cells = grid.decisions[row].map { decision -> String in
                let letter = grid.letter(of: decision.ruleIndex)
                let lower = !table.definition.derived.isEmpty && decision.flags & 1 == 0
                return (lower ? letter.lowercased() : letter).padding(5)
            }
            lines.append(grid.rowLabel(row).padding(width + 2) + cells.joined())
        }
        lines.append("")
        lines.append("Legend:")
        for entry in grid.legend {
            let outcome = table.definition.rules[entry.rule].outcome
            let fee = outcome.feeText.map { ", fee \($0)" } ?? ""
            let outputs = outputPairs(rule: entry.rule).map { ", \($0)" }.joined()
            lines.append(
                "  \(entry.letter)  \(outcome.cohort) / \(outcome.status)\(fee)\(outputs)  [\(table.definition.rules[entry.rule].id)]"
            )
        }
        if let first = table.definition.derived.first {
            lines.append("  lowercase: \(first.name) is false")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

/// Which inputs a grid shows: one down, optionally one across, and the values of the others.
public struct GridAxes: Sendable {
    /// The index of the input down the rows.
    public let rows: Int
    /// The index of the input across the columns, if any.
    public let columns: Int?
    /// The values of every input (those of `rows` and `columns` are replaced cell by cell).
    public let fixed: YearValues

    /// Creates the axes of a grid.
    public init(rows: Int, columns: Int?, fixed: YearValues) {
        self.rows = rows
        self.columns = columns
        self.fixed = fixed
    }
}
