import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `--rules PATH`: a table file, or a folder of tables that forms one policy history.
struct TableSelection: ParsableArguments {
    @Option(name: .long, help: "A rule table, or a folder of them.")
    var rules: String = "rules"

    /// The rule-table files a path names: itself, or each `*.yaml` in the folder that is not
    /// hidden or an expectations file (`*.expect.yaml`), sorted by name.
    static func tableFiles(at path: String) throws -> [String] {
        let tables: [String]
        do { tables = try PolicyHistory.tableFiles(at: path) } catch {
            if case .notFound = error { throw CLIError("\(path): no such file or folder") }
            throw CLIError(error.description)
        }
        guard !tables.isEmpty else { throw CLIError("\(path): the folder holds no rule table (*.yaml)") }
        return tables
    }

    /// Loads one table, printing its diagnostics and failing when it has errors.
    static func loadClean(_ file: String) throws -> CompiledTable {
        let result: LoadResult
        do { result = try TableLoader.load(path: file) } catch { throw CLIError(error.description) }
        guard let table = result.table else {
            let renderer = DiagnosticRenderer(
                colored: Terminal.colorEnabled(for: STDERR_FILENO), sources: [file: result.source])
            Terminal.printError(renderer.render(result.diagnostics.filter { $0.severity == .error }))
            Terminal.printError("rulecheck: \(file) has errors; run `rulecheck validate \(file)`")
            throw ExitCode(ExitStatus.findings)
        }
        return table
    }

    /// The policy history of the table or folder, failing when its tables cannot form one.
    func history() throws -> PolicyHistory {
        try Self.history(of: Self.tableFiles(at: rules))
    }

    /// The policy history of table files, each loaded clean, failing when they cannot form one.
    static func history(of files: [String]) throws -> PolicyHistory {
        let tables = try files.map(loadClean)
        do { return try PolicyHistory(tables) } catch { throw CLIError(error.description) }
    }

    /// The newest table of `history` in force on an as-of date (`nil` means today), whose inputs
    /// a request is read against, and the date it resolves to.
    static func select(asOf: LocalDate?, in history: PolicyHistory, rules: String) throws(CLIError) -> (
        table: CompiledTable, asOf: LocalDate
    ) {
        let date = try history.date(orToday: asOf)
        guard let table = history.table(for: date) else {
            if asOf == nil { throw CLIError(Self.todayOutside(date, windows: history.windows)) }
            throw CLIError("no table in \(rules) is in force on \(date); windows: \(history.windows)")
        }
        if asOf == nil, !table.isInForce(on: date) {
            throw CLIError(
                Self.todayOutside(date, windows: "\(table.policy.windowStart) to \(table.policy.windowEnd)"))
        }
        return (table, date)
    }

    /// The message for a default as-of date (today) that no window holds.
    static func todayOutside(_ today: LocalDate, windows: String) -> String {
        "today, \(today) (the default as-of date), is outside the window \(windows); "
            + "pass --as-of YYYY-MM-DD with a date inside it"
    }
}

extension PolicyHistory {
    /// The as-of date given, or else today as the history tells it (``today()``), failing when
    /// no table's time zone can tell it.
    func date(orToday date: LocalDate?) throws(CLIError) -> LocalDate {
        guard let day = date ?? today() else {
            throw CLIError("cannot tell today's date in \(tables[0].policy.timeZone)")
        }
        return day
    }
}
