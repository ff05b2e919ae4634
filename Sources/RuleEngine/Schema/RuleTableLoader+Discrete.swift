import YAMLReader

/// Reading the declarations of integer, boolean and enum inputs.
extension RuleTableLoader {
    /// The kind and the domain of value codes of an integer, boolean or enum input, or `nil`
    /// when the declaration is invalid (each problem is reported).
    mutating func discreteDomain(_ type: InputType, fields: [InputKey: Node]) -> (DiscreteKind, ClosedRange<Int>)? {
        switch type {
        case .boolean:
            return (.boolean, 0...1)
        case .integer:
            guard let domainNode = fields[.domain],
                let bounds = reader.mapping(domainNode, in: "`domain`", keys: IntegerDomainKey.self),
                let from = bounds[.from].flatMap({ integer($0) }), let to = bounds[.to].flatMap({ integer($0) })
            else { return nil }
            guard from <= to else {
                reader.report(.invalidCondition("the domain runs backwards: from \(from) to \(to)"), at: domainNode)
                return nil
            }
            guard to - from < InputType.maxIntegerValues else {
                reader.report(
                    .domainTooLarge(
                        "an integer domain spans at most \(InputType.maxIntegerValues) values; \(from) to \(to) spans \(to - from + 1)"
                    ), at: domainNode)
                return nil
            }
            return (.integer, from...to)
        case .enumeration:
            guard let valuesNode = fields[.values] else { return nil }
            guard let items = valuesNode.sequence else {
                reader.report(.wrongType(expected: "a list of values", found: reader.found(valuesNode)), at: valuesNode)
                return nil
            }
            var words: [String] = []
            for item in items {
                guard let word = reader.identifier(item) else { return nil }
                guard !words.contains(word) else {
                    reader.report(.duplicateID("enum value", word), at: item)
                    return nil
                }
                words.append(word)
            }
            guard !words.isEmpty else {
                reader.report(.emptyValue("`values`"), at: valuesNode)
                return nil
            }
            guard words.count <= InputType.maxEnumValues else {
                reader.report(
                    .domainTooLarge("an enum declares at most \(InputType.maxEnumValues) values, not \(words.count)"),
                    at: valuesNode)
                return nil
            }
            return (.enumeration(words), 0...(words.count - 1))
        case .year, .date:
            return nil
        }
    }

    /// A whole number written in digits, with an optional minus sign.
    mutating func integer(_ node: Node) -> Int? {
        guard let text = reader.text(node, what: "an integer") else { return nil }
        guard let value = Int(text), abs(value) < 1_000_000_000 else {
            reader.report(.wrongType(expected: "an integer", found: "`\(text)`"), at: node)
            return nil
        }
        return value
    }
}
