import RuleEngine

/// Schema fragments built from the format's description (``FormatKey``, ``FormatValue``): every
/// property, its documentation and whether it is required come from there.
extension JSONSchema {
    /// The schema of a value of the format, described by `doc`.
    static func schema(_ value: FormatValue, _ doc: String) -> JSONValue {
        switch value {
        case .text: return ref("text", doc)
        case .identifier: return ref("identifier", doc)
        case .date: return ref("date", doc)
        case .year: return ref("year", doc)
        case .amount: return ref("amount", doc)
        case .currency: return ref("currency", doc)
        case .fourDigitYear:
            return anyOf(
                doc, [fourDigitInteger, string("A four-digit year as text.", pattern: Pattern.fourDigits)])
        case .boolean: return .object([("description", .string(doc)), ("type", .string("boolean"))])
        case .integer: return .object([("description", .string(doc)), ("type", .string("integer"))])
        case .timeZone: return string(doc, pattern: Pattern.timeZone)
        case .url: return string(doc, pattern: Pattern.url)
        case .monthDay: return string(doc, pattern: Pattern.monthDay)
        case .period: return string(doc, pattern: Pattern.period)
        case .template:
            return .object([
                ("description", .string(doc)),
                ("allOf", .array([ref("text", "Text."), string("Placeholders.", pattern: Pattern.template)])),
            ])
        case .inputOffset: return string(doc, pattern: Pattern.inputExpression)
        case .dateOperand: return string(doc, pattern: Pattern.dateOperand)
        case .relativeDate: return string(doc, pattern: Pattern.relativeDate)
        case .deadlineID: return string(doc, pattern: Pattern.identifier)
        case .constant(let word): return constant(doc, word)
        case .oneOf(let words): return choice(doc, words)
        case .shape(let shape): return ref(shape.rawValue, doc)
        case .mapping(let keys):
            if let definition = keys.definition { return ref(definition.name, doc) }
            return object(keys, doc)
        case .open(let keys, let others): return open(keys, doc, others: others)
        case .input:
            let types = InputType.allCases.map { ref(inputDefinition($0), $0.spec.summary) }
            return .object([("description", .string(doc)), ("oneOf", .array(types))])
        case .named(let element, let minimum, let maximum):
            var extra: [(String, JSONValue)] = []
            if let minimum { extra.append(("minProperties", .int(minimum))) }
            if let maximum { extra.append(("maxProperties", .int(maximum))) }
            return namedMap(doc, values: schema(element), extra: extra)
        case .list(let element): return list(doc, of: schema(element))
        case .anyOf(let elements): return anyOf(doc, elements.map(schema))
        }
    }

    static func schema(_ element: FormatElement) -> JSONValue {
        schema(element.value, element.doc)
    }

    /// The properties of a mapping, one per key, in order.
    static func properties<Key: FormatKey>(_ keys: [Key]) -> [(String, JSONValue)] {
        keys.map { ($0.rawValue, schema($0.spec.value, $0.spec.doc)) }
    }

    /// A mapping with the fixed keys of `Key`, read strictly.
    static func object<Key: FormatKey>(_ keys: Key.Type, _ doc: String) -> JSONValue {
        if let others = Key.otherKeys { return open(keys, doc, others: others) }
        return object(
            doc, properties: properties(Array(Key.allCases)), required: Key.requiredKeys.map(\.rawValue),
            extra: Key.requiresSomeKey ? [("minProperties", .int(1))] : [])
    }

    /// A mapping with the fixed keys of `Key` whose other keys are names matching `others`.
    static func open<Key: FormatKey>(_ keys: Key.Type, _ doc: String, others: FormatElement) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("description", .string(doc)), ("type", .string("object")),
            ("properties", .object(properties(Array(Key.allCases)))),
        ]
        let required = Key.requiredKeys.map { JSONValue.string($0.rawValue) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("propertyNames", .object([("pattern", .string(Pattern.identifier))])))
        members.append(("additionalProperties", schema(others)))
        return .object(members)
    }

    /// The `$defs` entry of a mapping that has a definition.
    static func definition<Key: FormatKey>(_ keys: Key.Type) -> [(String, JSONValue)] {
        guard let definition = Key.definition else { return [] }
        return [(definition.name, object(keys, definition.doc))]
    }

    /// The `$defs` entry of a shared shape.
    static func definition(_ shape: FormatShape) -> (String, JSONValue) {
        (shape.rawValue, schema(shape.value, shape.doc))
    }

    /// The `$defs` name of an input type's declaration, such as `yearInput`.
    static func inputDefinition(_ type: InputType) -> String {
        "\(type.rawValue)Input"
    }

    /// The declaration of an input of `type`: its keys, with `type` fixed to the type's name.
    static func inputObject(_ type: InputType) -> JSONValue {
        let properties = type.spec.keys.map { key -> (String, JSONValue) in
            switch key {
            case .type: return (key.rawValue, constant("`\(type.rawValue)`.", type.rawValue))
            case .domain: return (key.rawValue, schema(type.domainValue, key.spec.doc))
            case .label, .allowsNone, .values, .role: return (key.rawValue, schema(key.spec.value, key.spec.doc))
            }
        }
        return object(type.spec.doc, properties: properties, required: type.spec.required.map(\.rawValue))
    }

    /// A four-digit year as a number.
    static var fourDigitInteger: JSONValue {
        .object([
            ("description", .string("A four-digit year.")), ("type", .string("integer")),
            ("minimum", .int(1000)), ("maximum", .int(9999)),
        ])
    }
}
