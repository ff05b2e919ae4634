import RuleEngine

extension SourceLocation {
    /// `{"file", "line", "column", "offset", "end_line", "end_column"}`.
    public var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("line", .int(range.start.line)),
            ("column", .int(range.start.column)),
            ("offset", .int(range.start.offset)),
            ("end_line", .int(range.end.line)),
            ("end_column", .int(range.end.column)),
        ])
    }
}

extension Diagnostic {
    /// The diagnostic as one JSON object; `location` is `null` for whole-file problems.
    public var json: JSONValue {
        .object([
            ("severity", .string(severity.rawValue)),
            ("code", .string(code.rawValue)),
            ("message", .string(message)),
            ("location", location?.json ?? .null),
            (
                "notes",
                .array(
                    notes.map { note in
                        .object([("message", .string(note.message)), ("location", note.location?.json ?? .null)])
                    })
            ),
            ("help", .optional(help)),
        ])
    }
}
