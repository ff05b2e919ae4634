import RuleEngine

/// The friendly text form of a decision.
enum DecisionText {
    static func render(_ decision: Decision) -> String {
        let table = decision.table.definition
        let outcome = decision.outcome
        var lines: [String] = []
        lines.append("\(table.policy.title) (version \(table.policy.version))")
        lines.append("For \(table.describe(years: decision.years)), as of \(decision.asOf):")
        lines.append("")
        lines.append("  Cohort:  \(outcome.cohort)")
        lines.append("  Status:  \(outcome.status)")
        if let fee = outcome.fee {
            lines.append("  Fee:     \(fee.money)" + (fee.label.map { " (\($0))" } ?? ""))
        } else {
            lines.append("  Fee:     none stated")
        }
        for (name, value) in decision.derivedValues {
            lines.append("  \(name.split(separator: "_").joined(separator: " ")): \(value ? "yes" : "no")")
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
        for (number, action) in outcome.actions.enumerated() {
            lines.append("  \(number + 1). \(action.text)")
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
