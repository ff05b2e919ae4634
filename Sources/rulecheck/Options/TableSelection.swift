import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `--rules PATH`: a table file, or a folder whose table in force on the as-of date is chosen.
struct TableSelection: ParsableArguments {
    @Option(name: .long, help: "A rule table, or a folder of them.")
    var rules: String = "rules"

    /// The rule-table files a path names: itself, or each `*.yaml` in the folder that is not an
    /// expectations file (`*.expect.yaml`), sorted by name.
    static func tableFiles(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let tables = names.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expect.yaml") }.sorted()
        guard !tables.isEmpty else { throw CLIError("\(path): the folder holds no rule table (*.yaml)") }
        return tables.map { (path as NSString).appendingPathComponent($0) }
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
        let tables = try Self.tableFiles(at: rules).map(Self.loadClean)
        do { return try PolicyHistory(tables) } catch { throw CLIError(error.description) }
    }

    /// The table to use for an as-of date (`nil` means today in the time zone of the table in
    /// force today), and the as-of date it resolves to, as the policy history chooses.
    func select(asOf: LocalDate?) throws -> (table: CompiledTable, asOf: LocalDate) {
        try Self.select(asOf: asOf, in: try history(), rules: rules)
    }

    /// The table of `history` for an as-of date (`nil` means today), as ``select(asOf:)``.
    static func select(asOf: LocalDate?, in history: PolicyHistory, rules: String) throws(CLIError) -> (
        table: CompiledTable, asOf: LocalDate
    ) {
        guard let date = asOf ?? history.today() else {
            throw CLIError("cannot tell today's date in \(history.tables[0].policy.timeZone)")
        }
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
