import RuleEngine

/// Where a roster's columns are, read from its header row, and the header of the output.
public struct RosterLayout: Sendable {
    /// The header's column names, in order.
    public let columnNames: [String]
    /// The column of each year input, in the tables' input order.
    public let yearColumns: [Int]
    /// The column of the per-row as-of date, if the header has one.
    public let dateColumn: Int?
    /// The result columns added after the input's: `cohort`, `status`, each derived output,
    /// `fee`, `next_deadline`, `next_deadline_date`, `rule`, then `error`.
    public let resultColumnNames: [String]
    /// Each column's name as a JSON object key with its colon (`"id":`), for `fields`.
    let fieldKeys: [[UInt8]]
    /// Each year input's key, then the date input's, as in a decision's `input` (`"as_of":`).
    let inputKeys: [[UInt8]]

    /// Finds the columns. The header is refused when it holds a carriage return (the file's
    /// lines end in CR alone), names a column twice, or names an input column like a result
    /// column (the output would then have two columns, or JSON members, of one name).
    public init(header: [String], tables: RosterTables) throws(RosterError) {
        columnNames = header
        resultColumnNames =
            ["cohort", "status"] + tables.derivedNames + [
                "fee", "next_deadline", "next_deadline_date", "rule", "error",
            ]
        if header.contains(where: { $0.utf8.contains(0x0D) }) { throw .header(RosterMessages.carriageReturnLineEnds) }
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if let first = positions[name] {
                throw .header(RosterMessages.duplicateColumn(name, first: first + 1, second: index + 1))
            }
            if resultColumnNames.contains(name) {
                throw .header(RosterMessages.resultColumnName(name, column: index + 1))
            }
            positions[name] = index
        }
        var yearColumns: [Int] = []
        for name in tables.yearInputNames {
            guard let column = positions[name] else {
                throw .header(RosterMessages.missingColumn(name, required: tables.yearInputNames))
            }
            yearColumns.append(column)
        }
        self.yearColumns = yearColumns
        dateColumn = positions[tables.dateInputName]
        fieldKeys = header.map(Self.jsonKey)
        inputKeys = (tables.yearInputNames + [tables.dateInputName]).map(Self.jsonKey)
    }

    /// The number of input columns.
    public var columnCount: Int { columnNames.count }

    /// The output's header line for CSV: the input's names, then the result columns.
    func csvHeader(excelSafe: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, name) in (columnNames + resultColumnNames).enumerated() {
            if index > 0 { bytes.append(0x2C) }
            CSVField.append(name, to: &bytes, excelSafe: excelSafe)
        }
        bytes.append(0x0A)
        return bytes
    }

    private static func jsonKey(_ name: String) -> [UInt8] {
        Array(JSONValue.string(name).rendered().utf8) + [0x3A]
    }
}
