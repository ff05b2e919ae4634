extension Decision {
    /// The decision in the documented JSON shape: `policy`, `input`, `cohort`, `status`, each
    /// derived output (such as `can_staff_ambulance`), `fee`, `deadlines`, `actions`, `rule`.
    public var json: JSONValue {
        let table = self.table.table
        let outcome = self.outcome
        var members: [(String, JSONValue)] = [
            (
                "policy",
                .object([
                    ("id", .string(table.policy.id)), ("version", .string(table.policy.version)),
                    ("file", .string(table.file)),
                ])
            ),
            ("input", inputJSON),
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
        return .object(members)
    }

    /// The `input` member: each year input by name (`null` for `none`), then the as-of date.
    var inputJSON: JSONValue {
        let table = self.table.table
        var input: [(String, JSONValue)] = table.yearInputs.enumerated().map { index, year in
            (year.name, years[index].map { .int($0) } ?? .null)
        }
        input.append((table.dateInputName, .string(asOf.description)))
        return .object(input)
    }
}
