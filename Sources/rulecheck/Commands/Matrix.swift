import ArgumentParser
import Foundation
import RuleEngine

/// `rulecheck matrix`: the grid of outcomes on a date, or every combination's timeline.
struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a table's decisions: the MA × NR grid on a date, or each pair's statuses over the window.",
        discussion: """
            --timeline prints, for each group of year combinations with the same history, the date intervals \
            and their outcomes; this is the reviewed snapshot kept in Tests/Golden/. --update-golden FILE \
            rewrites such a snapshot atomically.
            """
    )

    @Argument(help: "The rule table.")
    var rules: String

    @Option(
        name: .customLong("as-of"), help: "The date of the grid, YYYY-MM-DD (default: today in the table's time zone).")
    var asOf: String?

    @Flag(help: "Print each year combination's timeline over the window instead of the grid.")
    var timeline = false

    @Option(
        name: .customLong("update-golden"), help: "Write the timeline to this file (atomically) instead of printing it."
    )
    var updateGolden: String?

    func validate() throws {
        if let asOf { _ = try DecisionInputOptions.date(asOf, flag: "--as-of") }
        if updateGolden != nil, !timeline { throw ValidationError("--update-golden writes the --timeline output") }
    }

    func run() throws {
        let table = try TableSelection.loadClean(rules)
        let matrix = DecisionMatrix(table: table)
        if timeline {
            let text = matrix.timelineText()
            guard let updateGolden else {
                print(text, terminator: "")
                return
            }
            do { try AtomicFile.write(text, to: updateGolden) } catch { throw CLIError(error.description) }
            print("wrote \(updateGolden)")
            return
        }
        let date = try asOf.map { try DecisionInputOptions.date($0, flag: "--as-of") }
        guard let day = date ?? LocalDate.today(inTimeZone: table.policy.timeZone) else {
            throw CLIError("cannot tell today's date in \(table.policy.timeZone)")
        }
        do {
            print(try matrix.gridText(asOf: day), terminator: "")
        } catch {
            throw CLIError(error.description)
        }
    }
}
