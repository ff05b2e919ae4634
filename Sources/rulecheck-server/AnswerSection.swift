import RuleCheckKit
import RuleEngine

/// The answer on the EMT page: cohort and status in plain words (the table's labels, else the
/// ids as words), whether they may staff an
/// ambulance (each derived output), the fee, each deadline with the days left, the steps in
/// order, and the policy version with its source. Every text from the table is escaped.
struct AnswerSection {
    let decision: Decision

    var html: [String] {
        let table = decision.table.definition
        let outcome = decision.outcome
        var lines = [
            "<section class=\"answer\" id=\"answer\" aria-labelledby=\"answer-heading\">",
            "<h2 id=\"answer-heading\">Your answer as of \(decision.asOf)</h2>",
            "<dl>",
            "<dt>Cohort</dt><dd>\(HTML.escape(table.labels.cohort(outcome.cohort) ?? PageLayout.words(outcome.cohort)))</dd>",
            "<dt>Status</dt><dd>\(HTML.escape(table.labels.status(outcome.status) ?? PageLayout.words(outcome.status)))</dd>",
        ]
        for (name, value) in decision.derivedValues {
            lines.append(
                "<dt>\(HTML.escape(PageLayout.words(name).capitalizedFirst))</dt><dd>\(value ? "yes" : "no")</dd>")
        }
        for (output, value) in zip(table.outputs, outcome.outputs) {
            lines.append(
                "<dt>\(HTML.escape(PageLayout.words(output.name).capitalizedFirst))</dt><dd>\(HTML.escape("\(value)"))</dd>"
            )
        }
        if outcome.fees.count > 1, let total = outcome.feeTotal {
            let items = outcome.fees.map { "\($0.money) (\($0.label ?? $0.id))" }.joined(separator: ", ")
            lines.append("<dt>Fees</dt><dd>\(HTML.escape("\(total) in total: \(items)"))</dd>")
        } else {
            let fee = outcome.fees.first.map { "\($0.money)" + ($0.label.map { " (\($0))" } ?? "") }
            lines.append("<dt>Fee</dt><dd>\(HTML.escape(fee ?? "none"))</dd>")
        }
        lines.append("</dl>")
        if !outcome.deadlines.isEmpty {
            lines += ["<h3>Deadlines</h3>", "<ul>"]
            for deadline in outcome.deadlines {
                let name = deadline.label ?? PageLayout.words(deadline.id)
                lines.append(
                    "<li><strong>\(HTML.escape(name))</strong>: \(deadline.date) (\(HTML.escape(deadline.kind))) — "
                        + "\(daysLeft(deadline))</li>")
            }
            lines.append("</ul>")
        }
        if !outcome.actions.isEmpty {
            lines += ["<h3>Steps, in order</h3>", "<ol>"]
            lines += decision.actionTexts.map { "<li>\(HTML.escape($0))</li>" }
            lines.append("</ol>")
        }
        let source = table.policy.source
        let link = table.policy.sourceURL ?? (source.hasPrefix("https://") ? source : nil)
        let sourceHTML =
            link.map { "<a href=\"\(HTML.attribute($0))\">\(HTML.escape(source))</a>" } ?? HTML.escape(source)
        lines += [
            "<p class=\"meta\">Policy \(HTML.escape(table.policy.title)), version \(HTML.escape(table.policy.version)). "
                + "Source: \(sourceHTML). Decided by rule <code>\(HTML.escape(decision.rule.id))</code>.</p>",
            "</section>",
        ]
        return lines
    }

    /// The days left until the last day that is still in time, in words.
    private func daysLeft(_ deadline: Deadline) -> String {
        let days = deadline.lastDayInTime.dayNumber - decision.asOf.dayNumber
        switch days {
        case 0: return "today is the last day"
        case 1: return "1 day left"
        case 2...: return "\(days) days left"
        case -1: return "passed yesterday"
        default: return "passed \(-days) days ago"
        }
    }
}
