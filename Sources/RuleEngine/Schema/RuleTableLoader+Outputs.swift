import YAMLReader

/// Typed outputs: their declarations under `outputs:` and the values rules give them.
extension RuleTableLoader {
    /// The members of every decision's JSON, which an output may not be named after.
    static let reservedOutputNames = [
        "policy", "input", "cohort", "status", "fee", "fees", "deadlines", "actions", "rule", "fields", "line",
        "error", "next_deadline", "next_deadline_date",
    ]

    mutating func readOutputs(_ node: Node, derived: [DerivedOutput]) -> [TypedOutput] {
        var outputs: [TypedOutput] = []
        for (name, key, value) in reader.namedEntries(node, in: "`outputs`", kind: "output") {
            if Self.reservedOutputNames.contains(name) || OutcomeKey(rawValue: name) != nil {
                reader.report(.reservedOutputName(name), at: key)
                continue
            }
            if let other = derived.first(where: { $0.name == name }) {
                reader.report(
                    Diagnostic(
                        .duplicateID("output", name), at: reader.location(key),
                        notes: [DiagnosticNote(DiagnosticMessage.firstDefinition, at: other.location)]))
                continue
            }
            guard
                let fields = reader.mapping(value, in: "output `\(name)`", keys: OutputKey.self),
                let typeNode = fields[.type], let typeName = reader.text(typeNode, what: "an output type")
            else { continue }
            guard let type = OutputType(rawValue: typeName) else {
                let names = OutputType.allCases.map(\.rawValue)
                reader.report(
                    .unknownKey(
                        typeName, in: "the output types", suggestion: Suggestion.closest(to: typeName, in: names)),
                    at: typeNode)
                continue
            }
            var values: [String] = []
            if let valuesNode = fields[.values] {
                guard type == .enum else {
                    reader.report(
                        .unknownKey("values", in: "\(type.rawValue) output `\(name)`", suggestion: nil), at: valuesNode)
                    continue
                }
                guard let items = reader.sequence(valuesNode, of: "values") else { continue }
                let words = items.compactMap { reader.identifier($0) }
                guard words.count == items.count, !words.isEmpty else {
                    if items.isEmpty { reader.report(.emptyValue("the values of output `\(name)`"), at: valuesNode) }
                    continue
                }
                values = words
            } else if type == .enum {
                reader.report(.enumWithoutValues(name), at: value)
                continue
            }
            let label = fields[.label].flatMap { reader.text($0, what: "a label") }
            let declared = TypedOutput(
                name: name, type: type, values: values, label: label, defaultValue: nil, location: reader.location(key))
            var defaultValue: OutputValue?
            if let defaultNode = fields[.defaultValue] {
                guard let value = reader.outputValue(defaultNode, of: declared) else { continue }
                defaultValue = value
            }
            outputs.append(
                TypedOutput(
                    name: name, type: type, values: values, label: label, defaultValue: defaultValue,
                    location: declared.location))
        }
        if outputs.count > TableFormat.maxTypedOutputs {
            reader.report(
                .limitExceeded("a table declares at most \(TableFormat.maxTypedOutputs) typed outputs"), at: node)
        }
        return outputs
    }
}

extension SchemaReader {
    /// The value of a typed output as a rule's `then:` (or its `default:`) writes it.
    package mutating func outputValue(_ node: Node, of output: TypedOutput) -> OutputValue? {
        switch output.type {
        case .boolean: return bool(node).map { .boolean($0) }
        case .date: return date(node).map { .date($0) }
        case .integer:
            guard let scalar = node.scalar, scalar.style == .plain, let number = Self.integer(scalar.value) else {
                report(
                    .invalidOutputValue(output.name, expected: "an integer", found: found(node), suggestion: nil),
                    at: node)
                return nil
            }
            return .integer(number)
        case .enum:
            guard let word = identifier(node) else { return nil }
            guard output.values.contains(word) else {
                let choices = output.values.map { "`\($0)`" }.joined(separator: ", ")
                report(
                    .invalidOutputValue(
                        output.name, expected: "one of \(choices)", found: "`\(word)`",
                        suggestion: Suggestion.closest(to: word, in: output.values)),
                    at: node)
                return nil
            }
            return .word(word)
        }
    }

    /// A whole number written with digits and an optional minus sign, at most 9 digits.
    static func integer(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard (1...9).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
