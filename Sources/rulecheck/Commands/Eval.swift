import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck eval`: decides one person's case.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Decide one person's case: cohort, status, fee, deadlines, actions, and whether they may staff an ambulance.",
        discussion:
            "Exits 0 when decided, 1 when the table has errors, 2 on usage errors (including inputs outside the table's domain or window)."
    )

    @OptionGroup var request: DecisionRequest

    func run() throws {
        let (table, years, asOf) = try request.resolve()
        let decision: Decision
        do {
            decision = try table.evaluate(years, asOf: asOf)
        } catch {
            throw CLIError(error.description)
        }
        switch request.format {
        case .json: Terminal.print(decision.json.pretty())
        case .text: Terminal.printText(DecisionText.render(decision), terminator: "")
        }
    }
}
