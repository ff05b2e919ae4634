import RuleCheckKit
import RuleEngine

/// The friendly text form of a decision.
enum DecisionText {
    /// An id with the table's words for it: `Words (id)`, or the id alone. The words are the
    /// table's text, so line breaks and control characters in them are shown, never obeyed.
    static func named(_ id: String, words: String?) -> String {
        guard let words else { return id }
        return "\(UntrustedText.terminal(words)) (\(id))"
    }

    static func render(_ decision: Decision) -> String {
        let table = decision.table.definition
        let outcome = decision.outcome
        var lines: [String] = []
        lines.append("\(table.policy.title) (version \(table.policy.version))")
        lines.append("For \(table.describe(years: decision.years)), as of \(decision.asOf):")
        lines.append("")
        lines.append("  Cohort:  \(Self.named(outcome.cohort, words: table.labels.cohort(outcome.cohort)))")
        lines.append("  Status:  \(Self.named(outcome.status, words: table.labels.status(outcome.status)))")
        if outcome.fees.count > 1, let total = outcome.feeTotal {
            lines.append("  Fees:    \(total) in total")
            for fee in outcome.fees {
                lines.append("           \(fee.money)  \(fee.label ?? fee.id)")
            }
        } else if let fee = outcome.fees.first {
            lines.append("  Fee:     \(fee.money)" + (fee.label.map { " (\($0))" } ?? ""))
        } else {
            lines.append("  Fee:     none stated")
        }
        for (name, value) in decision.derivedValues {
            lines.append("  \(name.split(separator: "_").joined(separator: " ")): \(value ? "yes" : "no")")
        }
        for (output, value) in zip(table.outputs, outcome.outputs) {
            lines.append("  \(output.name.split(separator: "_").joined(separator: " ")): \(value)")
        }
        if !outcome.deadlines.isEmpty {
            lines.append("")
            lines.append("Deadlines:")
            for deadline in outcome.deadlines {
                let label = deadline.label ?? deadline.kind
                let kind = deadline.inclusive ? deadline.kind : "\(deadline.kind), day itself excluded"
                lines.append("  \(deadline.date)  \(label) (\(kind)): \(remaining(deadline, from: decision.asOf))")
            }
        }
        lines.append("")
        lines.append("What to do:")
        for (number, text) in decision.actionTexts.enumerated() {
            lines.append("  \(number + 1). \(text)")
        }
        lines.append("")
        lines.append("Decided by rule `\(decision.rule.id)` at \(table.file):\(decision.rule.location.line)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `37 days left`, `last day today`, or `passed 12 days ago`.
    static func remaining(_ deadline: Deadline, from date: LocalDate) -> String {
        let days = deadline.lastDayInTime.dayNumber - date.dayNumber
        switch days {
        case 0: return "today is the last day"
        case 1: return "1 day left"
        case 2...: return "\(days) days left"
        case -1: return "passed yesterday"
        default: return "passed \(-days) days ago"
        }
    }
}
