extension PolicyHistory {
    /// The discrete inputs as the tables in force on `date` take them together, in input
    /// order: a value of any of their domains can be decided on that day. With no table in
    /// force (or one table), the inputs of the newest table.
    public func inputs(on date: LocalDate) -> [HistoryInput] {
        var low = 0
        var high = inputSpans.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if inputSpans[middle].firstDay <= date.dayNumber { low = middle } else { high = middle - 1 }
        }
        return inputSpans[low].inputs
    }

    /// The discrete inputs as all the tables take them together, in input order: the values
    /// some table decides on some day.
    public var inputs: [HistoryInput] {
        tables.first.map { Self.inputs(of: $0, older: tables.dropFirst()) } ?? []
    }

    /// The inputs from each day on which the set of tables in force changes: the newest
    /// table's before the first window and wherever none is in force (and always, for one table).
    static func inputSpans(_ tables: [CompiledTable]) -> [(firstDay: Int, inputs: [HistoryInput])] {
        guard let first = tables.first else { return [(Int.min, [])] }
        let newest = inputs(of: first)
        guard tables.count > 1 else { return [(Int.min, newest)] }
        var days = Set<Int>()
        for table in tables {
            days.insert(table.policy.windowStart.dayNumber)
            days.insert(table.policy.windowEnd.dayNumber + 1)
        }
        var spans: [(firstDay: Int, inputs: [HistoryInput])] = [(Int.min, newest)]
        for day in days.sorted() {
            let inForce = tables.filter {
                $0.policy.windowStart.dayNumber <= day && day <= $0.policy.windowEnd.dayNumber
            }
            spans.append((day, inForce.first.map { inputs(of: $0, older: inForce.dropFirst()) } ?? newest))
        }
        return spans
    }

    /// The inputs of the newest table, with the values the older ones take as well.
    private static func inputs(of newest: CompiledTable, older: ArraySlice<CompiledTable> = []) -> [HistoryInput] {
        newest.definition.yearInputs.enumerated().map { position, input in
            HistoryInput(newest: input, older: older.map { $0.definition.yearInputs[position] })
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
