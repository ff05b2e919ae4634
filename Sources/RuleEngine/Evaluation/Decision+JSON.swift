extension Decision {
    /// The decision in the documented JSON shape: `policy`, `input`, `cohort`, `status`, each
    /// derived output (such as `can_staff_ambulance`), `fee`, `deadlines`, `actions`, `rule`.
    public var json: JSONValue {
        .object([("policy", policyJSON), ("input", inputJSON)] + outcomeJSONMembers)
    }

    /// The `policy` member: the deciding table's `id`, `version` and `file`.
    public var policyJSON: JSONValue {
        let table = self.table.definition
        return .object([
            ("id", .string(table.policy.id)), ("version", .string(table.policy.version)),
            ("file", .string(table.file)),
        ])
    }

    /// The members after `input`, in order: `cohort`, `status`, each derived output, `fee`,
    /// `deadlines`, `actions`, `rule`. They depend on the outcome only, not on the input.
    public var outcomeJSONMembers: [(String, JSONValue)] {
        let outcome = self.outcome
        var members: [(String, JSONValue)] = [
            ("cohort", .string(outcome.cohort)),
            ("status", .string(outcome.status)),
        ]
        members += derivedValues.map { ($0.name, .bool($0.value)) }
        members += [
            (
                "fee",
                outcome.fee.map { fee in
                    .object([("amount", .string(fee.money.amount)), ("currency", .string(fee.money.currency))])
                } ?? .null
            ),
            (
                "deadlines",
                .array(
                    outcome.deadlines.map { deadline in
                        .object([
                            ("id", .string(deadline.id)), ("date", .string(deadline.date.description)),
                            ("kind", .string(deadline.kind)), ("inclusive", .bool(deadline.inclusive)),
                        ])
                    })
            ),
            ("actions", .array(outcome.actions.map { .string($0.text) })),
            ("rule", .object([("id", .string(rule.id)), ("line", .int(rule.location.line))])),
        ]
        return members
    }

    /// The `input` member: each discrete input by name in its own type (`null` for `none`), then the as-of date.
    public var inputJSON: JSONValue {
        let table = self.table.definition
        var input: [(String, JSONValue)] = table.yearInputs.enumerated().map { index, year in
            (year.name, year.json(years[index]))
        }
        input.append((table.dateInputName, .string(asOf.description)))
        return .object(input)
    }
}
