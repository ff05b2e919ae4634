import ArgumentParser
import RuleEngine

/// The flags `eval` and `explain` share: which table, whose case, on which date, printed how.
struct DecisionRequest: ParsableArguments {
    @OptionGroup var selection: TableSelection
    @OptionGroup var input: DecisionInputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The policy history, and the inputs' values and date to decide, read against the tables
    /// in force on the date.
    func resolve() throws -> (history: PolicyHistory, years: YearValues, asOf: LocalDate) {
        let history = try selection.history()
        let (_, years, asOf) = try InputResolver(history: history, rules: selection.rules)
            .resolve(try input.assignments(for: history))
        return (history, years, asOf)
    }
}
