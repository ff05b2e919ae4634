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

    static func duplicateColumn(_ name: String, first: Int, second: Int) -> String {
        "the header names column `\(name)` twice (columns \(first) and \(second)); rename one"
    }

    static func resultColumnName(_ name: String, column: Int) -> String {
        "column \(column) `\(name)` has the name of a result column that batch adds; rename the input column"
    }

    static let carriageReturnLineEnds =
        "the header holds a carriage return: the file's lines seem to end in CR alone (classic Mac OS); "
        + "save it with LF or CRLF line ends"

    static let emptyInput = "the roster is empty; a header row is required"

    static func tablesDisagree(_ first: String, _ other: String) -> String {
        "\(other) has other inputs or derived outputs than \(first); batch needs every table to have the same ones"
    }
}
