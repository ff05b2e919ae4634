import RuleEngine

/// The table's plain words for cohorts and statuses (`labels:`) in the legend, with the ids
/// beside them, and the policy's source as a link when the table gives its address. A table
/// without labels or address renders exactly as before.
extension MatrixHTML {
    /// The labels of the table.
    var labels: OutcomeLabels { matrix.table.definition.labels }

    /// A cohort for the legend: its words over its id, or its id alone.
    func cohortHTML(_ cohort: String) -> String {
        guard let words = labels.cohort(cohort) else { return HTML.escape(cohort) }
        return "\(HTML.escape(words))<code class=\"id\">\(HTML.escape(cohort))</code>"
    }

    /// A status for the legend, strong: its words and its id, or its id alone.
    func statusHTML(_ status: String) -> String {
        guard let words = labels.status(status) else { return "<strong>\(HTML.escape(status))</strong>" }
        return "<strong>\(HTML.escape(words))</strong> (<code>\(HTML.escape(status))</code>)"
    }

    /// The source line: a link to `policy.source_url` when the table gives it.
    func sourceHTML(_ policy: PolicyInfo) -> String {
        guard let url = policy.sourceURL else { return HTML.escape(policy.source) }
        return "<a href=\"\(HTML.attribute(url))\">\(HTML.escape(policy.source))</a>"
    }

    /// Rules for labelled legends only: words wrap, and the id goes on its own line.
    var labelStyle: [String] {
        guard !labels.isEmpty else { return [] }
        return [
            "table.legend-table td.cohort { white-space: normal; min-width: 9em; }",
            "table.legend-table td.cohort code.id { display: block; font-weight: 400; color: #444; }",
        ]
    }
}
