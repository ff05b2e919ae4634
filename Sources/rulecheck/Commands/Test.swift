import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck test`: checks tables against their expectations files over every input.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check rule tables against their expectations over every input combination.",
        discussion: """
            For each table X.yaml, the expectations come from X.expect.yaml beside it (or --expectations). \
            Every year combination is checked on every date that matters; the last line is `N passed, N failed`. \
            Exits 0 only when every input passes and every rule and expectation is exercised, 1 otherwise, \
            2 on usage or I/O errors.
            """
    )

    @Argument(help: "Rule tables to test (default: every rules/*.yaml that has an expectations file).")
    var tables: [String] = []

    @Option(help: "The expectations file, when testing a single table.")
    var expectations: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if expectations != nil, tables.count != 1 {
            throw ValidationError("--expectations needs exactly one table")
        }
    }

    func run() throws {
        let pairs = try selectPairs()
        var reports: [HarnessReport] = []
        for (tableFile, expectationsFile) in pairs {
            let table = try TableSelection.loadClean(tableFile)
            let loaded: ExpectationsLoadResult
            do {
                loaded = try ExpectationsLoader.load(path: expectationsFile, for: table.definition)
            } catch {
                throw CLIError(error.description)
            }
            guard let file = loaded.expectations else {
                let renderer = DiagnosticRenderer(
                    colored: Terminal.colorEnabled(for: STDERR_FILENO), sources: [expectationsFile: loaded.source])
                Terminal.printError(renderer.render(loaded.diagnostics))
                Terminal.printError("rulecheck: \(expectationsFile) has errors")
                throw ExitCode(ExitStatus.findings)
            }
            reports.append(Harness.run(table: table, expectations: file))
        }
        let passed = reports.reduce(0) { $0 + $1.passed }
        let failed = reports.reduce(0) { $0 + $1.failed }
        switch format {
        case .json:
            let summary: [(String, JSONValue)] = [
                ("tables", .array(reports.map(\.json))), ("passed", .int(passed)), ("failed", .int(failed)),
                ("success", .bool(reports.allSatisfy(\.isSuccess))),
            ]
            Terminal.print(JSONValue.object(summary).pretty())
        case .text:
            for report in reports { Terminal.printText(report.text(), terminator: "") }
            if reports.contains(where: { !$0.unexercisedRules.isEmpty || !$0.unusedRows.isEmpty }) {
                Terminal.print("coverage: incomplete")
            }
            Terminal.print("\(passed) passed, \(failed) failed")
        }
        if !reports.allSatisfy(\.isSuccess) { throw ExitCode(ExitStatus.findings) }
    }

    /// (table, expectations) pairs to run.
    private func selectPairs() throws -> [(String, String)] {
        if let expectations, let table = tables.first {
            try Self.checkNamedTable(expectations, is: table)
            return [(table, expectations)]
        }
        if tables.isEmpty {
            let pairs = try TableSelection.tableFiles(at: "rules").map {
                ($0, ExpectationsLoader.defaultPath(forTable: $0))
            }
            .filter { FileManager.default.fileExists(atPath: $0.1) }
            guard !pairs.isEmpty else { throw CLIError("no table in rules/ has an expectations file (X.expect.yaml)") }
            return pairs
        }
        return try tables.flatMap { path in
            try TableSelection.tableFiles(at: path).map { table in
                let expectations = ExpectationsLoader.defaultPath(forTable: table)
                guard FileManager.default.fileExists(atPath: expectations) else {
                    throw CLIError("\(table): no expectations file \(expectations)")
                }
                return (table, expectations)
            }
        }
    }

    /// Refuses `--expectations E` when E's `table:` key names another file than the table given.
    static func checkNamedTable(_ expectations: String, is table: String) throws {
        guard let named = ExpectationsLoader.namedTable(inFileAt: expectations) else { return }
        var given = stat()
        var other = stat()
        guard stat(table, &given) == 0, stat(named, &other) == 0 else {
            throw CLIError("\(expectations) is for the table \(named) (its `table:` key), which cannot be read")
        }
        guard given.st_dev == other.st_dev, given.st_ino == other.st_ino else {
            throw CLIError(
                "\(expectations) is for the table \(named) (its `table:` key), not \(table); "
                    + "test the table it names, or change its `table:`")
        }
    }
}
