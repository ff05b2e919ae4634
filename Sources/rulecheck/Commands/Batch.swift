import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck batch`: classifies every row of a roster CSV.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify a roster: decide every row of a CSV file and write one result per row.",
        discussion: """
            The roster needs a header row with a column per year input of the table (ma_expires, nr_expires; \
            empty or `none` means never held) and may have an as_of column; other columns pass through. \
            Bad rows are reported as ROSTER:LINE: error: reason and marked in the output's error column. \
            For spreadsheets: --delimiter ';' or '\\t', --column INPUT=HEADER when a column is named otherwise, \
            --date-format M/D/YYYY; CSV output keeps the roster's delimiter unless --output-delimiter says otherwise; \
            a UTF-16 file is refused (save it as CSV UTF-8). \
            Exits 0 when every row was decided, 1 when any row was bad or the CSV is malformed, \
            2 on usage or I/O errors (including a required column missing from the header).
            """
    )

    /// The output formats, as flags spell them.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case jsonl

        var roster: RosterFormat { self == .csv ? .csv : .jsonl }
    }

    @Argument(help: "The roster, a CSV file with a header row; `-` reads standard input.")
    var roster: String

    @OptionGroup var selection: TableSelection

    @OptionGroup var csv: RosterCSVOptions

    @Option(
        name: .customLong("as-of"),
        help: "The date for rows without one, YYYY-MM-DD (default: today in the table's time zone).")
    var asOf: String?

    @Option(help: "Output format: csv or jsonl.")
    var format: Format = .csv

    @Option(help: "Write the results to this file, put in place only when the run ends (default: standard output).")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Decide rows on up to this many threads (default: the number of cores).",
            discussion:
                "A roster file is cut into parts at record boundaries and the parts are written in order, so the "
                + "output is the same for any number; standard input is read on one thread. A run uses no more "
                + "threads than cores, and its threads and parts in flight fit a memory budget of 32 MiB."))
    var jobs: Int?

    @Flag(help: "End with the number of rows per cohort and status, and of bad rows.")
    var summary = false

    @Flag(
        name: .customLong("excel-safe"),
        help:
            "Put a ' before CSV cells starting with =, +, -, @, TAB or CR, so spreadsheets do not run them as formulas."
    )
    var excelSafe = false

    func validate() throws {
        if let asOf { _ = try DecisionInputOptions.date(asOf, flag: "--as-of") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    func run() throws {
        let tableFiles = try TableSelection.tableFiles(at: selection.rules)
        let tables = try loadTables(tableFiles)
        let date = try defaultDate(tables)
        let input = try RosterInput(path: roster)
        defer { input.close() }
        let destination = try StreamedOutput(path: output, inputs: tableFiles + [roster])
        let writer = destination.writer
        let progress = ProgressBar(enabled: isatty(STDERR_FILENO) == 1, totalBytes: input.size)
        let options = try csv.rosterOptions()
        let readerOptions = CSVReader.Options(delimiter: options.inputDelimiter)
        var processor = RosterProcessor(tables: tables, defaultAsOf: date, format: format.roster, options: options)
        processor.excelSafe = excelSafe
        // Bad-row messages are buffered too (a roster of bad dates would otherwise cost a system
        // call per row) and flushed at every progress report and at the end.
        let messages = BufferedWriter(fileDescriptor: STDERR_FILENO)
        func onBadRow(_ bad: RosterBadRow) {
            progress.clear()
            Terminal.recordingFailure {
                try messages.write("\(input.name):\(bad.line): error: \(UntrustedText.terminal(bad.message))\n")
            }
        }
        func onProgress(rows: Int, bytesRead: Int) {
            Terminal.recordingFailure { try messages.flush() }
            progress.update(rows: rows, bytesRead: bytesRead)
        }
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let result: RosterSummary
        do throws(RosterError) {
            if jobs > 1, roster != "-", let size = input.size {
                result = try processor.run(
                    fileDescriptor: input.fileDescriptor, size: size, readerOptions: readerOptions, jobs: jobs,
                    writer: writer, onBadRow: onBadRow, onProgress: onProgress)
            } else {
                let reader = CSVReader(
                    source: FileDescriptorSource(fileDescriptor: input.fileDescriptor), options: readerOptions)
                result = try processor.run(reader: reader, writer: writer, onBadRow: onBadRow, onProgress: onProgress)
            }
        } catch {
            Terminal.recordingFailure { try messages.flush() }
            progress.clear()
            destination.discard()
            throw failure(error, input: input.name, replacing: destination.file?.mode == .replace)
        }
        Terminal.recordingFailure { try messages.flush() }
        progress.clear()
        try destination.commit()
        if summary {
            let text = result.rendered()
            if destination.isStandardOutput { Terminal.printError(text) } else { Terminal.print(text, terminator: "") }
        }
        if result.badRows > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// The tables `--rules` names, loaded once, checked to agree.
    private func loadTables(_ files: [String]) throws -> RosterTables {
        let tables = try files.map(TableSelection.loadClean)
        do { return try RosterTables(tables) } catch { throw CLIError(error.description) }
    }

    /// `--as-of`, or today in the time zone of the table in force.
    private func defaultDate(_ tables: RosterTables) throws -> LocalDate {
        try tables.history.date(orToday: asOf.map { try DecisionInputOptions.date($0, flag: "--as-of") })
    }

    /// The error to end with: usage and I/O problems exit 2, a malformed roster exits 1.
    private func failure(_ error: RosterError, input: String, replacing: Bool) -> Error {
        switch error {
        case .header(let message): return CLIError("\(input): \(message)")
        case .tables(let message): return CLIError(message)
        case .write(let message): return CLIError("\(output ?? "standard output"): \(message)")
        case .malformed(let problem):
            switch problem.kind {
            case .readFailed, .utf16: return CLIError("\(input): \(problem.description)")
            default: break
            }
            Terminal.printError("\(input):\(problem.line): error: \(UntrustedText.terminal(problem.description))")
            if let output, replacing { Terminal.printError("rulecheck: \(output) was not written") }
            return ExitCode(ExitStatus.findings)
        }
    }
}
