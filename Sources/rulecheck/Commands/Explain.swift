import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck explain`: which rule decided and why, and why not every other rule.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Explain a decision: the deciding rule's conditions with their values, and why each other rule did not apply.",
        discussion:
            "Takes the same flags as eval. Exits 0 when decided, 1 when the table has errors, 2 on usage errors."
    )

    @OptionGroup var request: DecisionRequest

    func run() throws {
        let (table, years, asOf) = try request.resolve()
        let explanation: Explanation
        do {
            explanation = try table.explain(years, asOf: asOf)
        } catch {
            throw CLIError(error.description)
        }
        switch request.format {
        case .json: Terminal.print(explanation.json.pretty())
        case .text: Terminal.printText(ExplanationOutput.text(explanation), terminator: "")
        }
    }
}
