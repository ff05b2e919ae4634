import RuleEngine

extension RosterProcessor {
    /// Ends a stream whose rows have started going out with one record that says why it stops
    /// (a malformed CSV, an unreadable or over-long body, a decision that could not be logged),
    /// shaped as a bad row with no fields: in CSV, empty input and result columns and `message`
    /// in the error column; in JSONL, `{"line":…,"error":…,"fields":{}}`. Flushes `writer`.
    public func writeStreamError(
        _ message: String, line: Int, layout: RosterLayout, to writer: BufferedWriter
    ) throws(BufferedWriter.WriteError) {
        let text = RosterMessages.streamStopped(message, line: line)
        switch format {
        case .csv:
            let delimiter = options.outputDelimiter
            let separators = max(layout.columnCount - 1, 0) + layout.resultColumnNames.count
            try writer.write([UInt8](repeating: delimiter, count: separators))
            try writer.writeCSVField(text, delimiter: delimiter, excelSafe: excelSafe)
            try writer.write(byte: 0x0A)
        case .jsonl:
            try writer.write("{\"line\":\(line),\"error\":\(JSONValue.string(text).rendered()),\"fields\":{}}\n")
        }
        try writer.flush()
    }
}
