import ArgumentParser
import RuleCheckKit
import RuleEngine

/// A CSV field delimiter as a flag spells it: `,`, `;` or `\t` (also a tab character, `tab`).
enum CSVDelimiter: String, ExpressibleByArgument, CaseIterable {
    case comma = ","
    case semicolon = ";"
    case tab = "\\t"

    init?(argument: String) {
        switch argument {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\\t", "\t", "tab": self = .tab
        default: return nil
        }
    }

    /// The byte between fields.
    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 0x09
        }
    }
}

/// A roster date format as a flag spells it.
enum DateFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case iso = "YYYY-MM-DD"
    case monthDayYear = "M/D/YYYY"

    var format: RosterDateFormat { self == .iso ? .iso : .monthDayYear }
}

/// `--delimiter`, `--output-delimiter`, `--column` and `--date-format`: rosters as the office's
/// spreadsheets write them.
struct RosterCSVOptions: ParsableArguments {
    @Option(help: "The roster's field delimiter: ',', ';' or '\\t' (a tab).")
    var delimiter: CSVDelimiter = .comma

    @Option(help: "The output's field delimiter: ',', ';' or '\\t' (default: the roster's).")
    var outputDelimiter: CSVDelimiter?

    @Option(
        name: .customLong("column"),
        help: ArgumentHelp(
            "Read an input from a column named otherwise, such as --column 'ma_expires=MA Expiration' (repeatable).",
            valueName: "input=header"))
    var columns: [String] = []

    @Option(help: "How the roster writes dates (M/D/YYYY reads 3/31/2026 and 03/31/2026).")
    var dateFormat: DateFormatArgument = .iso

    func validate() throws { _ = try columnMap() }

    /// `--column` as input name → header name.
    func columnMap() throws -> [String: String] {
        var map: [String: String] = [:]
        for column in columns {
            guard let equals = column.firstIndex(of: "=") else {
                throw ValidationError("--column: `\(column)` is not INPUT=HEADER")
            }
            let input = String(column[..<equals])
            let header = String(column[column.index(after: equals)...])
            guard !input.isEmpty, !header.isEmpty else {
                throw ValidationError("--column: `\(column)` is not INPUT=HEADER")
            }
            guard map[input] == nil else { throw ValidationError("--column: `\(input)` is mapped twice") }
            map[input] = header
        }
        return map
    }

    /// The options for the roster processor.
    func rosterOptions() throws -> RosterOptions {
        RosterOptions(
            inputDelimiter: delimiter.byte, outputDelimiter: outputDelimiter?.byte, columns: try columnMap(),
            dateFormat: dateFormat.format)
    }
}
