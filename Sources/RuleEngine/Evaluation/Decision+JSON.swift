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

    /// The members after `input`, in order: `cohort`, `status`, each derived output, each
    /// typed output, `fee`, `deadlines`, `actions`, `rule`. They depend on the outcome only,
    /// except for action texts with input placeholders (``Outcome/actions`` `dependsOnInput`).
    public var outcomeJSONMembers: [(String, JSONValue)] {
        let outcome = self.outcome
        var members: [(String, JSONValue)] = [
            ("cohort", .string(outcome.cohort)),
            ("status", .string(outcome.status)),
        ]
        members += derivedValues.map { ($0.name, .bool($0.value)) }
        members += zip(table.definition.outputs, outcome.outputs).map { ($0.name, $1.json) }
        members += [
            ("fee", Self.feeJSON(outcome)),
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
            ("actions", .array(actionTexts.map { .string($0) })),
            ("rule", .object([("id", .string(rule.id)), ("line", .int(rule.location.line))])),
        ]
        return members
    }

    /// The `fee` member: `null` for no fee; `{amount, currency}` for one; for several, their
    /// total as `amount` and `currency`, and `items`, each fee's `id` and `amount`.
    static func feeJSON(_ outcome: Outcome) -> JSONValue {
        guard let total = outcome.feeTotal else { return .null }
        var members: [(String, JSONValue)] = [("amount", .string(total.amount)), ("currency", .string(total.currency))]
        if outcome.fees.count > 1 {
            let items = outcome.fees.map { fee in
                JSONValue.object([("id", .string(fee.id)), ("amount", .string(fee.money.amount))])
            }
            members.append(("items", .array(items)))
        }
        return .object(members)
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
