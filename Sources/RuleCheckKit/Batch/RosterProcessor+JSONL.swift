import RuleEngine

extension RosterProcessor {
    /// Writes a decided row: `eval --format json`'s object on one line, plus `fields`. The
    /// members shared by every row with this outcome come pre-rendered from the cache; only
    /// `input` and `fields` are written per row, straight from the row's values.
    static func writeJSONLine(
        decision: Decision, parts: (head: [UInt8], tail: [UInt8]), reader: CSVReader, layout: RosterLayout,
        to writer: BufferedWriter
    ) throws(BufferedWriter.WriteError) {
        try writer.write(parts.head)
        try writer.write(#","input":{"#)
        for index in 0..<decision.years.count {
            if index > 0 { try writer.write(byte: 0x2C) }
            try writer.write(layout.inputKeys[index])
            let input = decision.table.definition.yearInputs[index]
            if !input.isYear {
                try writer.write(input.json(decision.years[index]).rendered())
            } else if let year = decision.years[index] {
                try writer.write(String(year))
            } else {
                try writer.write("null")
            }
        }
        try writer.write(byte: 0x2C)
        try writer.write(layout.inputKeys[decision.years.count])
        try writer.write("\"\(decision.asOf)\"},")
        try writer.write(parts.tail)
        try writer.write(#","fields":"#)
        try writeFields(reader, layout, to: writer)
        try writer.write("}\n")
    }

    /// A bad row: `line`, `error` and `fields`.
    static func writeJSONLine(error: String, reader: CSVReader, layout: RosterLayout, to writer: BufferedWriter)
        throws(BufferedWriter.WriteError)
    {
        try writer.write("{\"line\":\(reader.line),\"error\":\(JSONValue.string(error).rendered()),\"fields\":")
        try writeFields(reader, layout, to: writer)
        try writer.write("}\n")
    }

    /// The passed-through columns by header name, in the input's order, as a JSON object.
    private static func writeFields(_ reader: CSVReader, _ layout: RosterLayout, to writer: BufferedWriter)
        throws(BufferedWriter.WriteError)
    {
        try writer.write(byte: 0x7B)
        for index in 0..<min(layout.columnCount, reader.fieldCount) {
            if index > 0 { try writer.write(byte: 0x2C) }
            try writer.write(layout.fieldKeys[index])
            try writer.writeJSONString(reader.field(index))
        }
        try writer.write(byte: 0x7D)
    }
}
