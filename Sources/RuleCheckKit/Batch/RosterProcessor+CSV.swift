import RuleEngine

extension RosterProcessor {
    /// The current record's bytes when writing them back unchanged gives the same output as
    /// writing its fields one by one: no field needs quotes, the record has the header's number
    /// of fields, and with `--excel-safe` no field looks like a formula.
    @inline(__always)
    func plainRecord(_ reader: CSVReader, _ layout: RosterLayout) -> UnsafeBufferPointer<UInt8>? {
        guard format == .csv, reader.fieldCount == layout.columnCount, let record = reader.plainRecord else {
            return nil
        }
        if excelSafe {
            for index in 0..<reader.fieldCount where CSVField.looksLikeFormula(reader.field(index)) { return nil }
        }
        return record
    }

    /// Writes the input's columns of a CSV output line: the record's bytes in one copy when
    /// ``plainRecord(_:_:)`` found them, else its fields one by one.
    @inline(__always)
    func writeInputColumns(
        _ record: UnsafeBufferPointer<UInt8>?, _ reader: CSVReader, _ layout: RosterLayout, to writer: BufferedWriter
    )
        throws(BufferedWriter.WriteError)
    {
        if let record {
            try writer.write(record)
        } else {
            try Self.writeFields(
                reader, count: layout.columnCount, delimiter: options.outputDelimiter, excelSafe: excelSafe,
                to: writer)
        }
    }

    /// Writes the input's fields, as many as the header has (missing ones empty).
    @inline(__always)
    static func writeFields(
        _ reader: CSVReader, count: Int, delimiter: UInt8, excelSafe: Bool, to writer: BufferedWriter
    )
        throws(BufferedWriter.WriteError)
    {
        let present = min(count, reader.fieldCount)
        for index in 0..<count {
            if index > 0 { try writer.write(byte: delimiter) }
            guard index < present else { continue }
            let field = reader.field(index)
            if excelSafe, CSVField.looksLikeFormula(field) {
                try writer.writeCSVField(String(decoding: field, as: UTF8.self), delimiter: delimiter, excelSafe: true)
            } else {
                try writer.writeCSVField(field, delimiter: delimiter)
            }
        }
    }
}
