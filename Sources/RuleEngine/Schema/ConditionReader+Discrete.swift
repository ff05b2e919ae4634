import YAMLReader

/// Conditions on integer, boolean and enum inputs: a value (`level: paramedic`), a list of
/// values, or a mapping with `in`, `not_in`, `from` and `to` (integers only), all of which apply.
extension ConditionReader {
    func readDiscrete(_ node: Node, input: Int, reader: inout SchemaReader) -> [Condition]? {
        let name = yearInputs[input].name
        guard let entries = node.mapping else {
            guard let set = valueSet(node, input: input, reader: &reader) else { return nil }
            return [condition(.year(input: input, .member(set)), "\(name): \(Self.render(node))", node, reader)]
        }
        var conditions: [Condition] = []
        var from: Node?
        var to: Node?
        for entry in entries {
            guard let key = entry.key.scalar.flatMap({ ValueConditionKey(rawValue: $0.value) }) else {
                let key = entry.key.scalar?.value ?? ""
                reader.report(
                    .unknownKey(
                        key, in: "a condition on `\(name)`",
                        suggestion: Suggestion.closest(to: key, in: ValueConditionKey.names)),
                    at: entry.key)
                return nil
            }
            let text = "\(name): {\(key.rawValue): \(Self.render(entry.value))}"
            switch key {
            case .inSet, .notIn:
                guard entry.value.sequence != nil else {
                    reader.report(
                        .wrongType(expected: "a list of values", found: reader.found(entry.value)), at: entry.value)
                    return nil
                }
                guard let set = valueSet(entry.value, input: input, reader: &reader) else { return nil }
                let test: YearTest = key == .inSet ? .member(set) : .not(.member(set))
                conditions.append(condition(.year(input: input, test), text, entry.value, reader))
            case .from, .to:
                guard yearInputs[input].kind == .integer else {
                    reader.report(
                        .invalidCondition(
                            "`\(key.rawValue)` applies to integer inputs; `\(name)` is \(yearInputs[input].kind.typeName)"
                        ), at: entry.key)
                    return nil
                }
                if key == .from { from = entry.value } else { to = entry.value }
            }
        }
        if from != nil || to != nil {
            guard
                let range = range(
                    from: from, to: to, input: input, reader: &reader,
                    value: { node, reader in value(node, input: input, reader: &reader) })
            else { return nil }
            conditions.insert(range, at: 0)
        }
        if conditions.isEmpty {
            reader.report(.emptyValue("a condition on `\(name)`"), at: node)
            return nil
        }
        return conditions
    }

    /// A value or a list of values (`any` is every value), as a set of value codes.
    private func valueSet(_ node: Node, input: Int, reader: inout SchemaReader) -> YearSet? {
        var ranges: [ClosedRange<Int>] = []
        for item in node.sequence ?? [node] {
            if let scalar = item.scalar, scalar.style == .plain, scalar.value == YearWord.any.rawValue,
                case .failure = yearInputs[input].parse(scalar.value)
            {
                ranges.append(yearInputs[input].domain)
                continue
            }
            guard let code = value(item, input: input, reader: &reader) else { return nil }
            ranges.append(code...code)
        }
        return YearSet(ranges: ranges, includesNone: false)
    }

    /// One value of the input, as its code; a misspelt enum value gets "did you mean".
    private func value(_ node: Node, input: Int, reader: inout SchemaReader) -> Int? {
        guard let scalar = node.scalar else {
            reader.report(
                .wrongType(expected: yearInputs[input].allowedValues, found: reader.found(node)), at: node)
            return nil
        }
        switch yearInputs[input].parse(scalar.value) {
        case .success(let code?): return code
        case .success(nil): return nil
        case .failure(let error):
            reader.report(.invalidValue(error), at: node)
            return nil
        }
    }
}
