import RuleEngine

extension HarnessReport {
    private func describe(_ input: HarnessInput) -> String {
        table.definition.assignments(years: input.years, asOf: input.asOf)
    }

    func place(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

    /// One group of failures for people: what fails, with the lines of the rule and the
    /// expectation, the fields that differ, one example and at most five input regions.
    func lines(for failure: HarnessFailure) -> [String] {
        var lines: [String] = []
        switch failure.kind {
        case .mismatch(let row, let rule, let fields):
            let expectation = expectations.rows[row]
            let decided = table.definition.rules[rule]
            lines.append(
                "FAIL expectation `\(expectation.id)` (\(place(expectation.location))) vs rule `\(decided.id)` "
                    + "(\(place(decided.location))): \(failure.count) input\(failure.count == 1 ? "" : "s")")
            for field in fields {
                lines.append("  \(field.field): expected \(field.expected), got \(field.actual)")
            }
        case .uncovered:
            lines.append("UNCOVERED: \(failure.count) input\(failure.count == 1 ? "" : "s") match no expectation")
        case .undecided(let reason):
            lines.append("UNDECIDED: \(failure.count) inputs: \(reason)")
        }
        lines.append("  example: \(describe(failure.example))")
        for description in failure.descriptions.prefix(5) {
            lines.append("  inputs: \(description)")
        }
        if failure.regions.count > 5 { lines.append("  and \(failure.regions.count - 5) more regions") }
        return lines
    }

    /// The report for people: each group of failures with its inputs as compact ranges, one
    /// example, expected and actual values, and the lines of the rule and the expectation;
    /// then coverage problems and a summary line.
    public func text() -> String {
        var lines: [String] = []
        for failure in failures { lines += self.lines(for: failure) }
        for index in unexercisedRules {
            let rule = table.definition.rules[index]
            lines.append("UNEXERCISED rule `\(rule.id)` (\(place(rule.location))): no checked input is decided by it")
        }
        for index in unusedRows {
            let row = expectations.rows[index]
            lines.append("UNUSED expectation `\(row.id)` (\(place(row.location))): no checked input reaches it")
        }
        let rules = table.definition.rules.count
        lines.append(
            "\(table.definition.file): \(inputCount) inputs, \(passed) passed, \(failed) failed; "
                + "rules exercised \(rules - unexercisedRules.count)/\(rules); "
                + "expectations used \(expectations.rows.count - unusedRows.count)/\(expectations.rows.count)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    public var json: JSONValue {
        .object([
            ("table", .string(table.definition.file)),
            ("expectations", .string(expectations.file)),
            ("inputs", .int(inputCount)),
            ("passed", .int(passed)),
            ("failed", .int(failed)),
            (
                "failures",
                .array(
                    failures.map { failure in
                        var members: [(String, JSONValue)] = []
                        switch failure.kind {
                        case .mismatch(let row, let rule, let fields):
                            members.append(("kind", .string("mismatch")))
                            members.append(
                                ("expectation", location(expectations.rows[row].id, expectations.rows[row].location)))
                            members.append(
                                (
                                    "rule",
                                    location(table.definition.rules[rule].id, table.definition.rules[rule].location)
                                ))
                            members.append(
                                (
                                    "fields",
                                    .array(
                                        fields.map {
                                            .object([
                                                ("field", .string($0.field)), ("expected", .string($0.expected)),
                                                ("actual", .string($0.actual)),
                                            ])
                                        })
                                ))
                        case .uncovered:
                            members.append(("kind", .string("uncovered")))
                        case .undecided(let reason):
                            members.append(("kind", .string("undecided")))
                            members.append(("reason", .string(reason)))
                        }
                        members.append(("count", .int(failure.count)))
                        members.append(("example", .string(describe(failure.example))))
                        members.append(
                            (
                                "regions",
                                .array(failure.descriptions.map { .string($0) })
                            ))
                        return .object(members)
                    })
            ),
            (
                "unexercised_rules",
                .array(
                    unexercisedRules.map {
                        location(table.definition.rules[$0].id, table.definition.rules[$0].location)
                    })
            ),
            (
                "unused_expectations",
                .array(unusedRows.map { location(expectations.rows[$0].id, expectations.rows[$0].location) })
            ),
            ("success", .bool(isSuccess)),
        ])
    }

    private func location(_ id: String, _ location: SourceLocation) -> JSONValue {
        .object([("id", .string(id)), ("file", .string(location.file)), ("line", .int(location.line))])
    }
}
