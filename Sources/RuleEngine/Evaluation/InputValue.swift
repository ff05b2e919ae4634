/// One typed input value, for embedders that decide from values by name instead of positions.
public enum InputValue: Sendable, Hashable {
    /// A year, for a year input.
    case year(Int)
    /// `none` (never held), for a year input that allows it.
    case none
    /// A whole number, for an integer input.
    case integer(Int)
    /// `true` or `false`, for a boolean input.
    case boolean(Bool)
    /// A word, for an enum input, such as `paramedic`.
    case word(String)
    /// A date, for the question's date or a per-person date.
    case date(LocalDate)
}

extension DiscreteInput {
    /// The code of a typed value, or why the input does not take it.
    public func code(of value: InputValue) -> Result<Int?, InputValueError> {
        switch (kind, value) {
        case (.year, .year(let number)), (.integer, .integer(let number)):
            guard domain.contains(number) else { return .failure(refusal(String(number))) }
            return .success(number)
        case (.year, .none):
            return allowsNone ? .success(nil) : .failure(refusal("none"))
        case (.boolean, .boolean(let flag)):
            return .success(flag ? 1 : 0)
        case (.enumeration, .word(let word)):
            return parse(word)
        case (.date, .date(let date)):
            guard domain.contains(date.dayNumber) else { return .failure(refusal(date.description)) }
            return .success(date.dayNumber)
        case (_, .year(let number)), (_, .integer(let number)):
            return .failure(refusal(String(number)))
        case (_, .none):
            return .failure(refusal("none"))
        case (_, .boolean(let flag)):
            return .failure(refusal(String(flag)))
        case (_, .word(let word)):
            return .failure(refusal(word))
        case (_, .date(let date)):
            return .failure(refusal(date.description))
        }
    }

    private func refusal(_ text: String) -> InputValueError {
        InputValueError(input: name, text: text, allowed: allowedValues, suggestion: nil)
    }
}

extension CompiledTable {
    /// The values of a decision from typed values by name, checked against the table: every
    /// discrete input given once, each in its domain. Build them once and reuse them: deciding
    /// from ``YearValues`` with ``evaluate(_:asOf:)`` allocates nothing.
    public func values(_ named: [String: InputValue]) throws(EvaluationError) -> YearValues {
        let inputs = definition.yearInputs
        for name in named.keys where !inputs.contains(where: { $0.name == name }) && name != definition.dateInputName {
            throw .unknownInput(name, inputs: inputs.map(\.name) + [definition.dateInputName])
        }
        var codes: [Int?] = []
        codes.reserveCapacity(inputs.count)
        for input in inputs {
            guard let value = named[input.name] else { throw .missingInput(input.name, allowed: input.allowedValues) }
            switch input.code(of: value) {
            case .success(let code): codes.append(code)
            case .failure(let error): throw .invalidValue(error)
            }
        }
        return YearValues(codes)
    }

    /// Decides one input given as typed values by name; the date input's value is the as-of
    /// date, so every input, the date included, is in `named`.
    public func evaluate(_ named: [String: InputValue]) throws(EvaluationError) -> Decision {
        guard case .date(let asOf)? = named[definition.dateInputName] else {
            throw .missingInput(definition.dateInputName, allowed: "a date")
        }
        return try evaluate(values(named), asOf: asOf)
    }
}
