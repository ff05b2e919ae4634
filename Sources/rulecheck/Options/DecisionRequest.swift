import ArgumentParser
import RuleEngine

/// The flags `eval` and `explain` share: which table, whose case, on which date, printed how.
struct DecisionRequest: ParsableArguments {
    @OptionGroup var selection: TableSelection
    @OptionGroup var input: DecisionInputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The policy history, and the years and date to decide.
    func resolve() throws -> (history: PolicyHistory, years: YearValues, asOf: LocalDate) {
        let (history, asOf) = try selection.select(asOf: try input.parsedDate())
        return (history, try input.years(for: history.tables[0]), asOf)
    }
}
