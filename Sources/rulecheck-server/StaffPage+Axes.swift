import RuleCheckKit
import RuleEngine

extension StaffPage {
    /// In place of the matrix of a table with more than two inputs, which a grid shows two at a
    /// time with the others fixed: its inputs with their types, and a command that draws it (the
    /// first two inputs down and across, the others at their first value).
    static func axesNote(_ table: LoadedTable, asOf date: LocalDate) -> [String] {
        let inputs = table.compiled.definition.yearInputs
        let items = inputs.map { input in
            "<li><code>\(HTML.escape(input.name))</code>: \(HTML.escape(input.label)) "
                + "(\(HTML.escape(input.allowedValues)))</li>"
        }
        let command =
            "rulecheck matrix \(table.file) --as-of \(date) --rows \(inputs[0].name) --columns \(inputs[1].name) "
            + inputs.dropFirst(2).map { "--input \($0.name)=\($0.text($0.domain.lowerBound))" }.joined(separator: " ")
        return [
            "<p>Version \(HTML.escape(table.compiled.policy.version)) has \(inputs.count) inputs; a matrix shows two of "
                + "them, down and across, with the others fixed, which this page does not choose yet. "
                + "Draw it with <code>\(HTML.escape(command))</code>.</p>",
            "<ul class=\"labels\">" + items.joined() + "</ul>",
        ]
    }
}
