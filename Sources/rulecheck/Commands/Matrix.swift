import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck matrix`: the grid of outcomes on a date, or every combination's timeline.
struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a table's decisions: the MA × NR grid on a date, or each pair's statuses over the window.",
        discussion: """
            --timeline prints, for each group of year combinations with the same history, the date intervals \
            and their outcomes; this is the reviewed snapshot kept in Tests/Golden/. --update-golden FILE \
            rewrites such a snapshot atomically. --format html writes one self-contained page (grid coloured \
            by cohort, legend, timeline); --format markdown writes the grid and legend as Markdown tables.
            """
    )

    @Argument(help: "The rule table.", completion: .file(extensions: ["yaml", "yml"]))
    var rules: String

    @Option(
        name: .customLong("as-of"), help: "The date of the grid, YYYY-MM-DD (default: today in the table's time zone).")
    var asOf: String?

    @Option(help: "Output format: text, html (a self-contained page) or markdown.")
    var format: MatrixFormat = .text

    @Option(help: "Write the output to this file (atomically) instead of printing it.", completion: .file())
    var output: String?

    @Flag(help: "Print each year combination's timeline over the window instead of the grid (text only).")
    var timeline = false

    @Option(
        name: .customLong("update-golden"),
        help: "Write the timeline to this file (atomically) instead of printing it.",
        completion: .file())
    var updateGolden: String?

    func validate() throws {
        if let asOf { _ = try DecisionInputOptions.date(asOf, flag: "--as-of") }
        if updateGolden != nil, !timeline { throw ValidationError("--update-golden writes the --timeline output") }
        if updateGolden != nil, output != nil { throw ValidationError("give either --update-golden or --output") }
        if timeline, format != .text {
            throw ValidationError("--timeline is text; --format \(format.rawValue) already includes the timeline")
        }
    }

    func run() throws {
        let table = try TableSelection.loadClean(rules)
        let matrix = DecisionMatrix(table: table)
        if timeline {
            let text = UntrustedText.terminal(matrix.timelineText(), keepingLineBreaks: true)
            try OutputDestination.emit(text, to: updateGolden ?? output, inputs: [rules])
            return
        }
        let date = try asOf.map { try DecisionInputOptions.date($0, flag: "--as-of") }
        guard let day = date ?? LocalDate.today(inTimeZone: table.policy.timeZone) else {
            throw CLIError("cannot tell today's date in \(table.policy.timeZone)")
        }
        let text: String
        do {
            switch format {
            case .text: text = UntrustedText.terminal(try matrix.gridText(asOf: day), keepingLineBreaks: true)
            case .html: text = try MatrixHTML(matrix: matrix).render(asOf: day)
            case .markdown: text = try MatrixMarkdown(matrix: matrix).render(asOf: day)
            }
        } catch {
            throw CLIError(error.description)
        }
        try OutputDestination.emit(text, to: output, inputs: [rules])
    }
}
