import ArgumentParser
import Foundation
import RuleEngine

/// `rulecheck eval`: decides one person's case.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Decide one person's case: cohort, status, fee, deadlines, actions, and whether they may staff an ambulance.",
        discussion:
            "Exits 0 when decided, 1 when the table has errors, 2 on usage errors (including inputs outside the table's domain or window)."
    )

    @OptionGroup var selection: TableSelection
    @OptionGroup var input: DecisionInputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (table, asOf) = try selection.select(asOf: try input.parsedDate())
        let decision = try decide(table, asOf: asOf)
        switch format {
        case .json: print(decision.json.pretty())
        case .text: print(DecisionText.render(decision), terminator: "")
        }
    }

    private func decide(_ table: CompiledTable, asOf: LocalDate) throws -> Decision {
        let years = try input.years(for: table)
        do {
            return try table.evaluate(years, asOf: asOf)
        } catch {
            throw CLIError(error.description)
        }
    }
}
