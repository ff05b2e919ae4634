import RuleEngine

/// Checks input assignments against a policy history: the date chooses the tables in force,
/// then every discrete input must be given exactly once with a value of the domain of one of
/// them (the history passes over a table whose domain does not hold a value). Each problem is
/// one message that names the input and lists what it takes.
struct InputResolver {
    let history: PolicyHistory
    /// The `--rules` path, for messages.
    let rules: String

    /// The newest table in force on the date given (or today), the inputs' values and the date.
    func resolve(_ assignments: [InputAssignment]) throws(CLIError) -> (
        table: CompiledTable, years: YearValues, asOf: LocalDate
    ) {
        let first = history.tables[0].definition
        let dateName = first.dateInputName
        var given: [String: InputAssignment] = [:]
        for assignment in assignments {
            if let earlier = given[assignment.name] {
                throw CLIError(
                    "input `\(assignment.name)` is given twice (\(earlier.source) and \(assignment.source)); give each input once"
                )
            }
            guard assignment.name == dateName || first.yearInputIndex(named: assignment.name) != nil else {
                let names = first.yearInputs.map(\.name) + [dateName]
                let hint = Suggestion.closest(to: assignment.name, in: names).map { " (did you mean `\($0)`?)" } ?? ""
                throw CLIError(
                    "\(assignment.source): unknown input `\(assignment.name)`\(hint); the table's inputs are \(names.joined(separator: ", "))"
                )
            }
            given[assignment.name] = assignment
        }
        var asOf: LocalDate?
        if let date = given[dateName] { asOf = try Self.date(date) }
        let (table, day) = try TableSelection.select(asOf: asOf, in: history, rules: rules)
        let inputs = history.inputs(on: day)
        var values: [Int?] = []
        for input in inputs {
            guard let assignment = given[input.name] else {
                throw CLIError(
                    "missing input `\(input.name)`, which takes \(input.allowedValues); give it with --input \(input.name)=VALUE"
                )
            }
            let parsed: Result<Int?, InputValueError>
            switch assignment.value {
            case .text(let text): parsed = input.parse(text)
            case .json(let value): parsed = input.parse(json: value)
            }
            switch parsed {
            case .success(let value): values.append(value)
            case .failure(let error):
                let given = assignment.source.hasPrefix("--input ") ? "" : " (given by \(assignment.source))"
                throw CLIError("\(error)\(given)")
            }
        }
        return (table, YearValues(values), day)
    }

    /// The date input's value: `YYYY-MM-DD`.
    private static func date(_ assignment: InputAssignment) throws(CLIError) -> LocalDate {
        let text: String
        switch assignment.value {
        case .text(let value): text = value
        case .json(.string(let value)): text = value
        case .json(let other): text = other.rendered()
        }
        guard let date = LocalDate(iso: text) else {
            throw CLIError(
                "\(assignment.source): `\(text)` is not a valid date: \(LocalDate.problem(with: text)); \(assignment.name) takes a date YYYY-MM-DD"
            )
        }
        return date
    }
}
