import RuleEngine

/// The part of an explanation that a policy history adds: the tables in force on the date and
/// why each newer one deferred. Empty when only one table is in force.
extension ExplanationOutput {
    static func historyLines(_ history: HistoryExplanation) -> [String] {
        guard history.inForce.count > 1 else { return [] }
        let date = history.explanation.decision.asOf
        var lines = ["Tables in force on \(date), newest first: " + history.inForce.map(name).joined(separator: ", ")]
        let decider = history.explanation.decision.table
        let newer = Set(history.inForce.prefix { $0 !== decider }.map { ObjectIdentifier($0) })
        for deferral in history.deferrals {
            let verb = newer.contains(ObjectIdentifier(deferral.table)) ? "defers" : "decides nothing either"
            lines.append("  \(name(deferral.table)) \(verb): \(reason(deferral))")
        }
        if history.isFallback {
            lines.append(
                "  no table in force decides with a rule other than `otherwise`, so the newest one's `otherwise` decides"
            )
        } else if !history.deferrals.isEmpty {
            lines.append("  so the older \(name(decider)) decides")
        } else {
            lines.append("  the newest, \(name(decider)), decides")
        }
        lines.append("")
        return lines
    }

    static func historyJSON(_ history: HistoryExplanation) -> JSONValue {
        .object([
            ("in_force", .array(history.inForce.map(tableJSON))),
            (
                "deferred",
                .array(
                    history.deferrals.map { deferral in
                        .object([("table", tableJSON(deferral.table)), ("reason", .string(reason(deferral)))])
                    })
            ),
            ("fallback", .bool(history.isFallback)),
        ])
    }

    private static func name(_ table: CompiledTable) -> String {
        "\(table.definition.file) (version \(table.policy.version))"
    }

    private static func tableJSON(_ table: CompiledTable) -> JSONValue {
        .object([("version", .string(table.policy.version)), ("file", .string(table.definition.file))])
    }

    private static func reason(_ deferral: Deferral) -> String {
        switch deferral.reason {
        case .outsideDomain(let message):
            return message
        case .otherwise(let miss):
            let rules = deferral.table.definition.rules
            let otherwise = rules.last { $0.isOtherwise }.map { " (`\($0.id)`)" } ?? ""
            var text = "no rule of it but `otherwise`\(otherwise) matches this input"
            if let miss {
                let rule = rules[miss.rule]
                text += "; nearest miss `\(rule.id)` (line \(rule.location.line))"
                if let failed = miss.failed {
                    text +=
                        ": \(miss.satisfied) of \(miss.total) conditions hold, \(failed.condition.text) fails: \(failed.detail)"
                }
            }
            return text
        }
    }
}
