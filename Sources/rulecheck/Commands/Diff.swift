import ArgumentParser
import RuleCheckKit
import RuleEngine

/// `rulecheck diff OLD NEW`: whom an edit affects, and how.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a table: every input whose decision changes, and every changed item.",
        discussion: """
            Compares the decisions over the union of the two tables' year domains, on the dates both windows \
            cover. With --shift-years N, each old input is compared with the input N years later (years and \
            dates), which is how next year's table relates to this year's. Exits 0 when the tables are \
            equivalent, 1 when they differ, 2 on usage or I/O errors.
            """
    )

    @Argument(help: "The old table.")
    var old: String

    @Argument(help: "The new table.")
    var new: String

    @Option(name: .customLong("shift-years"), help: "Compare each old input with the new input this many years later.")
    var shiftYears: Int = 0

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (-50...50).contains(shiftYears) else { throw ValidationError("--shift-years must be between -50 and 50") }
    }

    func run() throws {
        let before = try TableSelection.loadClean(old)
        let after = try TableSelection.loadClean(new)
        let difference: TableDiff
        do {
            difference = try TableDiffer.diff(old: before, new: after, shiftYears: shiftYears)
        } catch {
            throw CLIError(error.description)
        }
        switch format {
        case .text: Terminal.printText(difference.text(), terminator: "")
        case .json: Terminal.print(difference.json.pretty())
        }
        if !difference.isEquivalent { throw ExitCode(ExitStatus.findings) }
    }
}
