extension RosterProcessor {
    /// A decided row: `eval --format json`'s object on one line, plus `fields`.
    static func jsonLine(decision: Decision, reader: CSVReader, layout: RosterLayout) -> String {
        var members: [(String, JSONValue)] = []
        if case .object(let decisionMembers) = decision.json { members = decisionMembers }
        members.append(("fields", fields(reader, layout)))
        return JSONValue.object(members).rendered() + "\n"
    }

    /// A bad row: `line`, `error` and `fields`.
    static func jsonLine(error: String, reader: CSVReader, layout: RosterLayout) -> String {
        let members: [(String, JSONValue)] = [
            ("line", .int(reader.line)), ("error", .string(error)), ("fields", fields(reader, layout)),
        ]
        return JSONValue.object(members).rendered() + "\n"
    }

    /// The passed-through columns by header name, in the input's order.
    private static func fields(_ reader: CSVReader, _ layout: RosterLayout) -> JSONValue {
        let count = min(layout.columnCount, reader.fieldCount)
        return .object((0..<count).map { (layout.columnNames[$0], .string(reader.string($0))) })
    }
}
