import RuleCheckKit
import RuleEngine

/// The text and JSON forms of an explanation made through a policy history (the JSON of the
/// deciding table's explanation is `Explanation.json` in the library).
enum ExplanationOutput {
    static func text(_ history: HistoryExplanation) -> String {
        let explanation = history.explanation
        let decision = explanation.decision
        let table = decision.table.definition
        let rule = decision.rule
        var lines = [
            "\(table.policy.title) (version \(table.policy.version))",
            "For \(table.describe(years: decision.years)), as of \(decision.asOf):",
            "",
        ]
        lines += historyLines(history)
        lines += [
            "Decided by rule `\(rule.id)` (line \(rule.location.line)): \(decision.outcome.cohort) / \(decision.outcome.status)"
        ]
        let labels = table.labels
        let cohortWords = labels.cohort(decision.outcome.cohort)
        let statusWords = labels.status(decision.outcome.status)
        if cohortWords != nil || statusWords != nil {
            let words = [cohortWords ?? decision.outcome.cohort, statusWords ?? decision.outcome.status]
            lines.append("  in words: " + words.map { UntrustedText.terminal($0) }.joined(separator: " / "))
        }
        if explanation.matched.isEmpty {
            lines.append(
                rule.isOtherwise ? "  no other rule applies, so `otherwise` decides" : "  the rule has no conditions")
        }
        for check in explanation.matched {
            lines.append(
                "  \(mark(check)) \(check.condition.text)  (line \(check.condition.location.line)): \(check.detail)")
        }
        for (name, value) in decision.derivedValues {
            lines.append("  \(name): \(value ? "yes" : "no")")
        }
        for (output, value) in zip(table.outputs, decision.outcome.outputs) {
            lines.append("  \(output.name): \(value)")
        }
        if decision.outcome.fees.count > 1, let fees = decision.outcome.feeText {
            lines.append("  fees: \(fees)")
        }
        lines.append("")
        lines.append("Why not the other rules (nearest miss first):")
        for miss in explanation.misses {
            let other = table.rules[miss.rule]
            let head = "  `\(other.id)` (line \(other.location.line))"
            if other.isOtherwise {
                lines.append("\(head): `otherwise` applies only when no rule does")
            } else if let failed = miss.failed {
                lines.append(
                    "\(head): \(miss.satisfied) of \(miss.total) conditions hold; \(failed.condition.text) "
                        + "(line \(failed.condition.location.line)) fails: \(failed.detail)")
            } else {
                lines.append("\(head): every condition holds, but an earlier rule wins under hit policy `first`")
            }
        }
        lines.append("")
        lines.append("Decided by rule `\(rule.id)` at \(table.file):\(rule.location.line)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mark(_ check: ConditionCheck) -> String { check.holds ? "✓" : "✗" }

    /// The JSON form: the explanation's own JSON, plus `history` when several tables are in force.
    static func json(_ history: HistoryExplanation) -> JSONValue {
        let base = history.explanation.json
        guard history.inForce.count > 1, case .object(let members) = base else { return base }
        return .object(members + [("history", historyJSON(history))])
    }
}
