import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck generate-roster`: writes a deterministic synthetic roster for tests and benchmarks.
struct GenerateRoster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-roster",
        abstract: "Write a synthetic roster CSV over a table's domain and window, the same for the same seed.",
        discussion: """
            Columns: id, name, the table's year inputs (ma_expires, nr_expires) and its date input (as_of). \
            With a folder of tables, the one whose window starts last is used.
            """
    )

    @Option(help: "The number of rows.")
    var rows: Int

    @Option(help: "The seed; the same seed gives the same roster.")
    var seed: UInt64 = 1

    @Option(help: "Write to this file, put in place when complete (default: standard output).")
    var output: String?

    @OptionGroup var selection: TableSelection

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be zero or more") }
    }

    func run() throws {
        let table = try selection.history().tables[0]
        let destination = try StreamedOutput(path: output, inputs: try TableSelection.tableFiles(at: selection.rules))
        do throws(BufferedWriter.WriteError) {
            try RosterGenerator(table: table, seed: seed).write(rows: rows, to: destination.writer)
        } catch {
            destination.discard()
            throw CLIError("\(destination.name): cannot write: \(error.description)")
        }
        try destination.commit()
    }
}
