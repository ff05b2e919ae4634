import ArgumentParser
import RuleEngine

/// `--ma`, `--nr` and `--as-of`: one person's input. `--ma` and `--nr` set the table's first
/// and second year inputs (`ma_expires` and `nr_expires` in the shipped tables).
struct DecisionInputOptions: ParsableArguments {
    @Option(
        name: .customLong("ma"), help: "Year the Massachusetts certification expires (the table's first year input).")
    var ma: String

    @Option(
        name: .customLong("nr"),
        help: "Year the NREMT certification expires, or `none` (the table's second year input).")
    var nr: String?

    @Option(
        name: .customLong("as-of"),
        help: "The date to decide for, YYYY-MM-DD (default: today in the table's time zone).")
    var asOf: String?

    /// Checks the flags' syntax before any table is loaded.
    func validate() throws {
        _ = try parsedYears()
        _ = try parsedDate()
    }

    /// The year values given, in input order.
    func parsedYears() throws -> [Int?] {
        var values = [try Self.year(ma, flag: "--ma")]
        if let nr { values.append(try Self.year(nr, flag: "--nr")) }
        return values
    }

    /// The as-of date, if given.
    func parsedDate() throws -> LocalDate? {
        guard let asOf else { return nil }
        return try Self.date(asOf, flag: "--as-of")
    }

    /// The year values for a table: `--ma` and `--nr` in the order of its year inputs.
    func years(for table: CompiledTable) throws -> YearValues {
        let values = try parsedYears()
        let expected = table.definition.yearInputs.count
        if values.count < expected {
            throw ValidationError(
                "missing --nr: the table's second year input is `\(table.definition.yearInputs[1].name)`")
        }
        if values.count > expected {
            throw ValidationError("the table has one year input (`\(table.definition.yearInputs[0].name)`); drop --nr")
        }
        return YearValues(values)
    }

    /// A year (four digits) or `none`.
    static func year(_ text: String, flag: String) throws -> Int? {
        if text.lowercased() == "none" { return nil }
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text) else {
            throw ValidationError("\(flag): `\(text)` is not a year (four digits) or `none`")
        }
        return year
    }

    /// A date written YYYY-MM-DD, with the reason when it is impossible.
    static func date(_ text: String, flag: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw ValidationError("\(flag): \("`\(text)` is not a valid date: \(LocalDate.problem(with: text))")")
        }
        return date
    }
}
