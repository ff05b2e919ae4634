extension Explanation {
    /// The explanation in the documented JSON shape (`explain --format json`): `decision`
    /// (the decision's object), `conditions` (the deciding rule's, each checked) and `why_not`
    /// (every other rule, nearest miss first).
    public var json: JSONValue {
        let table = decision.table.definition
        func check(_ check: ConditionCheck) -> JSONValue {
            .object([
                ("condition", .string(check.condition.text)), ("line", .int(check.condition.location.line)),
                ("holds", .bool(check.holds)), ("detail", .string(check.detail)),
            ])
        }
        return .object([
            ("decision", decision.json),
            ("conditions", .array(matched.map(check))),
            (
                "why_not",
                .array(
                    misses.map { miss in
                        let rule = table.rules[miss.rule]
                        return .object([
                            ("rule", .object([("id", .string(rule.id)), ("line", .int(rule.location.line))])),
                            ("satisfied", .int(miss.satisfied)), ("total", .int(miss.total)),
                            ("failed", miss.failed.map(check) ?? .null),
                        ])
                    })
            ),
        ])
    }
}
