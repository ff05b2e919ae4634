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

    @Argument(
        help: "The rule table, or a folder of tables (its policy history's grid, as text).",
        completion: .file(extensions: ["yaml", "yml"]))
    var rules: String

    @Option(
        name: .customLong("as-of"), help: "The date of the grid, YYYY-MM-DD (default: today in the table's time zone).")
    var asOf: String?

    @Option(help: "Output format: text, html (a self-contained page) or markdown.")
    var format: MatrixFormat = .text

    @Option(help: "Write the output to this file (atomically) instead of printing it.", completion: .file())
    var output: String?

    @Option(help: "The input down the grid's rows (default: the table's first input).")
    var rows: String?

    @Option(help: "The input across the grid's columns (default: the table's second input, if any).")
    var columns: String?

    @Option(
        name: .customLong("input"),
        help: ArgumentHelp(
            "The value of an input the grid does not show, NAME=VALUE; repeat for each.", valueName: "name=value"))
    var inputs: [String] = []

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
        let files = try TableSelection.tableFiles(at: rules)
        if files.count > 1 { return try runHistory(files) }
        let table = try TableSelection.loadClean(files[0])
        let matrix = DecisionMatrix(table: table, axes: try axes(of: table))
        if timeline {
            let text = UntrustedText.terminal(matrix.timelineText(), keepingLineBreaks: true)
            try OutputDestination.emit(text, to: updateGolden ?? output, inputs: [rules])
            return
        }
        let day = try PolicyHistory(single: table).date(
            orToday: asOf.map { try DecisionInputOptions.date($0, flag: "--as-of") })
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

    /// The grid of a folder's policy history on one date, as text or Markdown.
    private func runHistory(_ files: [String]) throws {
        guard !timeline, format != .html else {
            throw CLIError(
                "\(rules) holds \(files.count) tables: a folder's matrix is its history's grid as text or markdown; give one table for --timeline or html"
            )
        }
        let history = try TableSelection.history(of: files)
        let day = try history.date(orToday: asOf.map { try DecisionInputOptions.date($0, flag: "--as-of") })
        let text: String
        do {
            let grid = HistoryGrid(history: history)
            text = try format == .markdown ? grid.markdown(asOf: day) : grid.text(asOf: day)
        } catch {
            throw CLIError(error.description)
        }
        try OutputDestination.emit(text, to: output)
    }

    /// The grid's inputs from `--rows`, `--columns` and `--input`, or `nil` for the defaults.
    private func axes(of table: CompiledTable) throws -> GridAxes? {
        guard rows != nil || columns != nil || !inputs.isEmpty else { return nil }
        let all = table.definition.yearInputs
        func index(_ name: String, flag: String) throws -> Int {
            guard let index = table.definition.yearInputIndex(named: name) else {
                let hint = Suggestion.closest(to: name, in: all.map(\.name)).map { " (did you mean `\($0)`?)" } ?? ""
                throw CLIError(
                    "\(flag): unknown input `\(name)`\(hint); the grid can show \(all.map(\.name).joined(separator: ", "))"
                )
            }
            return index
        }
        let down = try rows.map { try index($0, flag: "--rows") } ?? 0
        let across = try columns.map { try index($0, flag: "--columns") } ?? (rows == nil && all.count > 1 ? 1 : nil)
        if across == down { throw CLIError("--rows and --columns name the same input `\(all[down].name)`") }
        var values = YearValues(all.map { _ in nil })
        var given: Set<Int> = []
        for text in inputs {
            let assignment = try InputAssignment.parse(flag: text)
            let position = try index(assignment.name, flag: "--input")
            guard position != down, position != across else {
                throw CLIError("--input \(assignment.name)=: `\(assignment.name)` is an axis of the grid; drop it")
            }
            guard given.insert(position).inserted else {
                throw CLIError("input `\(assignment.name)` is given twice; give each input once")
            }
            guard case .text(let value) = assignment.value else { continue }
            switch all[position].parse(value) {
            case .success(let code): values[position] = code
            case .failure(let error): throw CLIError(error.description)
            }
        }
        for (position, input) in all.enumerated() where position != down && position != across {
            guard given.contains(position) else {
                throw CLIError(
                    "missing input `\(input.name)`, which takes \(input.allowedValues); fix it with --input \(input.name)=VALUE"
                )
            }
        }
        return GridAxes(rows: down, columns: across, fixed: values)
    }
}
