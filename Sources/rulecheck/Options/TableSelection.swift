import ArgumentParser
import Foundation
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

    /// The table to use for an as-of date (`nil` means today in each table's time zone),
    /// and the as-of date it resolves to. With a folder, the table whose window contains the
    /// date wins; when several do, the one whose window starts last.
    func select(asOf: LocalDate?) throws -> (table: CompiledTable, asOf: LocalDate) {
        let tables = try Self.tableFiles(at: rules).map(Self.loadClean)
        for table in CompiledTable.latestFirst(tables) {
            guard let date = asOf ?? LocalDate.today(inTimeZone: table.policy.timeZone) else {
                throw CLIError("cannot tell today's date in \(table.policy.timeZone)")
            }
            if tables.count == 1 || table.isInForce(on: date) { return (table, date) }
        }
        let windows = tables.map { "\($0.table.file): \($0.policy.windowStart) to \($0.policy.windowEnd)" }
        let date = asOf.map { "\($0)" } ?? "today"
        throw CLIError("no table in \(rules) is in force on \(date); windows: \(windows.joined(separator: "; "))")
    }
}
