import Foundation
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
    /// each typed output, `fee`, `fees` (only when some outcome has several fees),
    /// `next_deadline`, `next_deadline_date`, `rule`, then `error`.
    public let resultColumnNames: [String]
    /// Each column's name as a JSON object key with its colon (`"id":`), for `fields`.
    let fieldKeys: [[UInt8]]
    /// Each year input's key, then the date input's, as in a decision's `input` (`"as_of":`).
    let inputKeys: [[UInt8]]

    /// Finds the columns. The header is refused when it holds a carriage return (the file's
    /// lines end in CR alone), names a column twice, or names an input column like a result
    /// column (the output would then have two columns, or JSON members, of one name).
    /// `options.columns` names the header of an input whose column is named otherwise; a
    /// missing column's message hints at `--column`, or at the delimiter the header splits on.
    public init(header: [String], tables: RosterTables, options: RosterOptions = RosterOptions())
        throws(RosterError)
    {
        columnNames = header
        resultColumnNames =
            ["cohort", "status"] + tables.derivedNames + tables.outputNames + ["fee"]
            + (tables.listsFees ? ["fees"] : []) + ["next_deadline", "next_deadline_date", "rule", "error"]
        let inputs = tables.yearInputNames + [tables.dateInputName]
        for input in options.columns.keys.sorted() where !inputs.contains(input) {
            throw .header(RosterMessages.unknownInput(input, inputs: inputs, options.spelling))
        }
        let headerOf = { (input: String) in options.columns[input] ?? input }
        var inputOf: [String: String] = [:]
        for input in inputs {
            if let other = inputOf[headerOf(input)] {
                throw .header(RosterMessages.sameHeader(headerOf(input), other, input, options.spelling))
            }
            inputOf[headerOf(input)] = input
        }
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
        for input in tables.yearInputNames {
            guard let column = positions[headerOf(input)] else {
                throw .header(
                    RosterMessages.missingColumn(headerOf(input), required: tables.yearInputNames.map(headerOf))
                        + Self.hint(header: header, missing: headerOf(input), input: input, options: options))
            }
            yearColumns.append(column)
        }
        self.yearColumns = yearColumns
        dateColumn = positions[headerOf(tables.dateInputName)]
        fieldKeys = header.map(Self.jsonKey)
        inputKeys = inputs.map(Self.jsonKey)
    }

    /// Why a column may be missing: the header splits on another delimiter into columns that
    /// include it, or the column has another name that `--column` can map.
    private static func hint(header: [String], missing: String, input: String, options: RosterOptions) -> String {
        let line = header.joined(separator: RosterOptions.shown(options.inputDelimiter))
        for candidate: UInt8 in [0x2C, 0x3B, 0x09] where candidate != options.inputDelimiter {
            let fields = line.split(separator: Character(UnicodeScalar(candidate)), omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.count > 1, fields.contains(missing) {
                return RosterMessages.delimiterHint(RosterOptions.shown(candidate), options.spelling)
            }
        }
        return RosterMessages.columnHint(input, options.spelling)
    }

    /// The number of input columns.
    public var columnCount: Int { columnNames.count }

    /// The output's header line for CSV: the input's names, then the result columns.
    func csvHeader(delimiter: UInt8, excelSafe: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, name) in (columnNames + resultColumnNames).enumerated() {
            if index > 0 { bytes.append(delimiter) }
            CSVField.append(name, to: &bytes, delimiter: delimiter, excelSafe: excelSafe)
        }
        bytes.append(0x0A)
        return bytes
    }

    private static func jsonKey(_ name: String) -> [UInt8] {
        Array(JSONValue.string(name).rendered().utf8) + [0x3A]
    }
}
