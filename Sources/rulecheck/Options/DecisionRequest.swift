import ArgumentParser
import RuleEngine

/// The flags `eval` and `explain` share: which table, whose case, on which date, printed how.
struct DecisionRequest: ParsableArguments {
    @OptionGroup var selection: TableSelection
    @OptionGroup var input: DecisionInputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The table in force on the as-of date, and the inputs' values and date to decide.
    func resolve() throws -> (table: CompiledTable, years: YearValues, asOf: LocalDate) {
        let history = try selection.history()
        return try InputResolver(history: history, rules: selection.rules).resolve(try input.assignments(for: history))
    }
}
