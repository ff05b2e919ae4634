import ArgumentParser
import RuleEngine

/// The flags `eval` and `explain` share: which table, whose case, on which date, printed how.
struct DecisionRequest: ParsableArguments {
    @OptionGroup var selection: TableSelection
    @OptionGroup var input: DecisionInputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The table in force on the as-of date, and the years and date to decide.
    func resolve() throws -> (table: CompiledTable, years: YearValues, asOf: LocalDate) {
        let (table, asOf) = try selection.select(asOf: try input.parsedDate())
        return (table, try input.years(for: table), asOf)
    }
}
