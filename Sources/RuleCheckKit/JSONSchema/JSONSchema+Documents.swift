import RuleEngine

/// The two schema documents: their roots and `$defs`, in the order they are published.
extension JSONSchema {
    static var tableDocument: JSONValue {
        root(
            title: TableFormat.title, description: TableFormat.doc, properties: properties(Array(TableKey.allCases)),
            required: TableKey.requiredKeys.map(\.rawValue),
            definitions: sharedDefinitions + InputType.allCases.map { (inputDefinition($0), inputObject($0)) }
                + definition(FeeKey.self) + definition(DeadlineKey.self) + definition(RuleKey.self)
                + definition(OutcomeKey.self))
    }

    static var expectationsDocument: JSONValue {
        root(
            title: ExpectationsFormat.title, description: ExpectationsFormat.doc,
            properties: properties(Array(ExpectationsKey.allCases)),
            required: ExpectationsKey.requiredKeys.map(\.rawValue),
            definitions: sharedDefinitions + definition(ExpectationRowKey.self) + [
                definition(.expectedFields), definition(.expectedDeadline), definition(.expectedBool),
            ])
    }
}
