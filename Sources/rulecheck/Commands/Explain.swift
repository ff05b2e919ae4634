import ArgumentParser
import Foundation
import RuleEngine

/// `rulecheck explain`: which rule decided and why, and why not every other rule.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Explain a decision: the deciding rule's conditions with their values, and why each other rule did not apply.",
        discussion:
            "Takes the same flags as eval. Exits 0 when decided, 1 when the table has errors, 2 on usage errors."
    )

    @OptionGroup var selection: TableSelection
    @OptionGroup var input: DecisionInputOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (table, asOf) = try selection.select(asOf: try input.parsedDate())
        let years = try input.years(for: table)
        let explanation: Explanation
        do {
            explanation = try table.explain(years, asOf: asOf)
        } catch {
            throw CLIError(error.description)
        }
        switch format {
        case .json: print(ExplanationOutput.json(explanation).pretty())
        case .text: print(ExplanationOutput.text(explanation), terminator: "")
        }
    }
}
