extension PolicyHistory {
    /// The discrete inputs as the tables in force on `date` take them together, in input
    /// order: a value of any of their domains can be decided on that day. With no table in
    /// force (or one table), the inputs of the newest table.
    public func inputs(on date: LocalDate) -> [HistoryInput] {
        let inForce = tables.count == 1 ? [] : tablesInForce(on: date)
        return Self.inputs(of: inForce.isEmpty ? [tables[0]] : inForce)
    }

    /// The discrete inputs as all the tables take them together, in input order: the values
    /// some table decides on some day.
    public var inputs: [HistoryInput] { Self.inputs(of: tables) }

    private static func inputs(of tables: [CompiledTable]) -> [HistoryInput] {
        tables[0].definition.yearInputs.indices.map { position in
            HistoryInput(tables.map { $0.definition.yearInputs[position] })
        }
    }

    /// `error`, or for a value outside the domain of every table in force, the refusal that
    /// names all their domains (the newest table alone would name only its own).
    func outsideDomains(_ error: EvaluationError, asOf: LocalDate) -> EvaluationError {
        guard case .valueOutsideDomain(let name, let value, _, _) = error, tablesInForce(on: asOf).count > 1,
            let input = inputs(on: asOf).first(where: { $0.name == name })
        else { return error }
        let text = value.map(String.init) ?? "none"
        return .invalidValue(InputValueError(input: name, text: text, allowed: input.allowedValues, suggestion: nil))
    }
}
