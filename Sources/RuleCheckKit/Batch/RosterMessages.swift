import RuleEngine

/// The wording of every roster problem, in one place.
enum RosterMessages {
    static func fieldCount(_ given: Int, expected: Int) -> String {
        "the row has \(given) field\(given == 1 ? "" : "s"), the header has \(expected)"
    }

    static func missingValue(_ column: String) -> String {
        "missing value for `\(column)`"
    }

    static func notAYear(_ column: String, _ text: String) -> String {
        "\(column): `\(text)` is not a year (four digits) or `none`"
    }

    static func notADate(_ column: String, _ text: String) -> String {
        "\(column): `\(text)` is not a valid date: \(LocalDate.problem(with: text))"
    }

    static func noTableInForce(_ date: LocalDate, windows: String) -> String {
        "no table is in force on \(date); windows: \(windows)"
    }

    static func missingColumn(_ name: String, required: [String]) -> String {
        "the header has no column `\(name)` (required: \(required.map { "`\($0)`" }.joined(separator: ", ")))"
    }

    static func delimiterHint(_ delimiter: String, _ spelling: RosterOptionSpelling) -> String {
        let option: String
        switch spelling {
        case .flags: option = "--delimiter '\(delimiter)'"
        case .queryParameters:
            option = "the query parameter delimiter=\(["\\t": "tab", ";": "%3B", ",": "%2C"][delimiter] ?? delimiter)"
        }
        return "; the header splits on `\(delimiter)` into columns that include it: try \(option)"
    }

    static func columnHint(_ input: String, _ spelling: RosterOptionSpelling) -> String {
        switch spelling {
        case .flags: return "; if the roster names it otherwise, map it with --column \(input)=HEADER"
        case .queryParameters:
            return "; if the roster names it otherwise, map it with the query parameter column=\(input)%3DHEADER"
        }
    }

    private static func columnOption(_ spelling: RosterOptionSpelling) -> String {
        spelling == .flags ? "--column" : "column"
    }

    static func sameHeader(_ header: String, _ first: String, _ second: String, _ spelling: RosterOptionSpelling)
        -> String
    {
        "\(columnOption(spelling)): `\(first)` and `\(second)` would both be read from column `\(header)`"
    }

    static func unknownInput(_ input: String, inputs: [String], _ spelling: RosterOptionSpelling) -> String {
        let names = inputs.map { "`\($0)`" }.joined(separator: ", ")
        return "\(columnOption(spelling)): `\(input)` is not an input of the table (inputs: \(names))"
    }

    static func notADate(_ column: String, _ text: String, format: RosterDateFormat) -> String {
        switch format {
        case .iso: return notADate(column, text)
        case .monthDayYear:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                parts[2].count == 4, let month = Int(parts[0]), let day = Int(parts[1]), Int(parts[2]) != nil
            {
                let iso = "\(parts[2])-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                return "\(column): `\(text)` is not a valid date: \(LocalDate.problem(with: iso))"
            }
            return "\(column): `\(text)` is not a date written M/D/YYYY (--date-format)"
        }
    }

    static func duplicateColumn(_ name: String, first: Int, second: Int) -> String {
        "the header names column `\(name)` twice (columns \(first) and \(second)); rename one"
    }

    static func resultColumnName(_ name: String, column: Int) -> String {
        "column \(column) `\(name)` has the name of a result column that batch adds; rename the input column"
    }

    static let carriageReturnLineEnds =
        "the header holds a carriage return: the file's lines seem to end in CR alone (classic Mac OS); "
        + "save it with LF or CRLF line ends"

    static func streamStopped(_ reason: String, line: Int) -> String {
        "stopped at line \(line): \(reason); nothing after it was read"
    }

    static let emptyInput = "the roster is empty; a header row is required"

    static func tablesDisagree(_ first: String, _ other: String) -> String {
        "\(other) has other inputs or derived outputs than \(first); batch needs every table to have the same ones"
    }
}
