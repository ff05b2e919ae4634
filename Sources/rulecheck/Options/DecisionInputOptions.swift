import ArgumentParser
import Foundation
import RuleEngine

/// One person's input: `--input NAME=VALUE` for any input (repeatable), `--input-json`, and the
/// shorthands `--ma` and `--nr` (the table's first and second year inputs) and `--as-of` (the
/// date input).
struct DecisionInputOptions: ParsableArguments {
    @Option(
        name: .customLong("input"),
        help: ArgumentHelp(
            "An input's value, NAME=VALUE, such as ma_expires=2026, level=paramedic or as_of=2026-02-16; repeat for each input.",
            valueName: "name=value"))
    var inputs: [String] = []

    @Option(
        name: .customLong("input-json"),
        help: ArgumentHelp(
            "A JSON object of input values, the shape of `input` in the JSON output; `-` reads standard input.",
            valueName: "file"))
    var inputJSON: String?

    @Option(
        name: .customLong("ma"),
        help: "Shorthand for --input FIRST=YEAR: the table's first year input (`ma_expires` in the shipped tables).")
    var ma: String?

    @Option(
        name: .customLong("nr"),
        help:
            "Shorthand for --input SECOND=YEAR: the table's second year input (`nr_expires` in the shipped tables), or `none`."
    )
    var nr: String?

    @Option(
        name: .customLong("as-of"),
        help:
            "Shorthand for the date input: the date to decide for, YYYY-MM-DD (default: today in the table's time zone)."
    )
    var asOf: String?

    /// Checks the flags' syntax before any table is loaded.
    func validate() throws {
        if let ma { _ = try Self.year(ma, flag: "--ma") }
        if let nr { _ = try Self.year(nr, flag: "--nr") }
        if let asOf { _ = try Self.date(asOf, flag: "--as-of") }
        for input in inputs { _ = try InputAssignment.parse(flag: input) }
    }

    /// Every value given, by input name, for the tables of a history (whose first table names
    /// the shorthands' inputs). `--input-json -` reads standard input here.
    func assignments(for history: PolicyHistory) throws -> [InputAssignment] {
        let table = history.tables[0].definition
        let years = table.yearInputs.filter(\.isYear).map(\.name)
        var result: [InputAssignment] = []
        if years.isEmpty, ma != nil || nr != nil {
            throw ValidationError(
                "the table has no year input for --ma or --nr; give its inputs with --input NAME=VALUE")
        }
        if let ma { result.append(InputAssignment(name: years[0], value: .text(ma), source: "--ma")) }
        if let nr {
            guard years.count > 1 else {
                throw ValidationError("the table has one year input (`\(years[0])`); drop --nr")
            }
            result.append(InputAssignment(name: years[1], value: .text(nr), source: "--nr"))
        } else if ma != nil, years.count > 1, inputs.isEmpty, inputJSON == nil {
            throw ValidationError("missing --nr: the table's second year input is `\(years[1])`")
        }
        if let asOf {
            result.append(InputAssignment(name: table.dateInputName, value: .text(asOf), source: "--as-of"))
        }
        result += try inputs.map(InputAssignment.parse(flag:))
        if let inputJSON {
            let data: Data
            if inputJSON == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: inputJSON) else {
                    throw CLIError("--input-json: cannot read \(inputJSON)")
                }
                data = contents
            }
            result += try InputAssignment.parse(jsonObject: data, source: "--input-json")
        }
        return result
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
