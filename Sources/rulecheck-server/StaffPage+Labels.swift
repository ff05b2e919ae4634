import RuleCheckKit
import RuleEngine

extension StaffPage {
    /// The rows of a table's card that come from its `policy.source_url` and `labels:`: the
    /// source (a link when the table gives the address), then each labelled cohort and status
    /// in the order rules first decide it, its words beside its id. Nothing when it has neither.
    static func sourceAndLabels(_ table: RuleTable) -> [String] {
        var lines: [String] = []
        if let url = table.policy.sourceURL {
            lines.append(
                "<dt>Source</dt><dd><a href=\"\(HTML.attribute(url))\">\(HTML.escape(table.policy.source))</a></dd>")
        }
        let kinds: [(title: String, id: (Outcome) -> String, words: (String) -> String?)] = [
            ("Cohorts", \.cohort, table.labels.cohort), ("Statuses", \.status, table.labels.status),
        ]
        for kind in kinds {
            var seen: Set<String> = []
            var items: [String] = []
            for rule in table.rules {
                let id = kind.id(rule.outcome)
                guard seen.insert(id).inserted, let words = kind.words(id) else { continue }
                items.append("<li>\(HTML.escape(words)) <code>\(HTML.escape(id))</code></li>")
            }
            guard !items.isEmpty else { continue }
            lines.append("<dt>\(kind.title)</dt><dd><ul class=\"labels\">" + items.joined() + "</ul></dd>")
        }
        return lines
    }
}
