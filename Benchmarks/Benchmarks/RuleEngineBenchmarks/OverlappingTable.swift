import RuleEngine

/// The adversarial tables of issue 11: `rules` rules that all match every input
/// (`when: {a: any}`) over two 200-year inputs and a three-year window, under hit policy
/// `unique`, so that every pair of rules overlaps everywhere. Before the analysis worked on
/// regions, 40 such rules took 59 s and 814 MB to validate.
enum OverlappingTable {
    /// The YAML text of a table with `rules` rules.
    static func yaml(rules: Int) -> String {
        var lines = [
            "format: rulecheck/1",
            "policy: {id: overlapping-\(rules), version: \"1\", title: overlapping rules, source: generated, "
                + "time_zone: UTC, window: {from: 2025-01-01, to: 2027-12-31}}",
            "cycle: 2026",
            "hit_policy: unique",
            "inputs:",
            "  a: {type: year, domain: {from: 1900, to: 2099}}",
            "  b: {type: year, domain: {from: 1900, to: 2099}, none: true}",
            "  d: {type: date}",
            "actions: {z: Z.}",
            "rules:",
        ]
        for rule in 0..<rules {
            lines.append("  - {id: r\(rule), when: {a: any}, then: {cohort: c\(rule), status: s, actions: [z]}}")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
