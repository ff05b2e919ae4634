import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine
import YAMLReader

/// `rulecheck validate FILE...`: reads, checks and analyses each table (and each
/// `*.expect.yaml` expectations file against the table it names).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check rule tables: YAML, schema, gaps, overlaps, unreachable rules and date order.",
        discussion: """
            Files ending in .expect.yaml are checked as expectations files against the table they name. \
            A folder (default: rules) is one policy history: each table and expectations file in it is checked, \
            then the history (shared inputs and outputs, distinct versions and window starts, no hole between \
            windows, and a hand-over note where a newer table takes over a decision the older one makes \
            differently; --verbose lists each region). Exits 0 when every file is clean, 1 when any has an error (or a warning with --strict), \
            2 on usage or I/O errors.
            """
    )

    @Argument(
        help: "Rule tables, expectations files or folders of them to check (default: rules).",
        completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @Option(help: "Output format: text, json, or sarif (SARIF 2.1.0, for code-scanning tools).")
    var format: ValidateFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(
        name: .shortAndLong,
        help: "Also list the regions of inputs that fall to the `otherwise` rule, and each hand-over region.")
    var verbose = false

    /// What checking one file produced.
    struct Checked {
        let file: String
        let diagnostics: [Diagnostic]
        let source: SourceText
        let summary: String?
        var table: CompiledTable? = nil
    }

    func run() throws {
        if paths.isEmpty, !FileManager.default.fileExists(atPath: "rules") {
            throw CLIError("no file given and no rules/ folder here; name the tables to check")
        }
        let folders = try (paths.isEmpty ? ["rules"] : paths).map(Self.expand)
        let files = folders.flatMap(\.files)
        let checked = try files.map(check)
        let histories = folders.compactMap { folder in historyCheck(folder, checked) }
        let diagnostics = checked.flatMap(\.diagnostics) + histories.flatMap(\.diagnostics)
        switch format {
        case .json:
            Terminal.print(JSONValue.array(diagnostics.map(\.json)).pretty())
        case .sarif:
            let log = SARIFLog(
                toolVersion: RuleCheck.version, workingDirectory: FileManager.default.currentDirectoryPath)
            Terminal.print(log.document(files: files, diagnostics: diagnostics).pretty())
        case .text:
            let sources = Dictionary(checked.map { ($0.file, $0.source) }, uniquingKeysWith: { first, _ in first })
            let renderer = DiagnosticRenderer(colored: Terminal.colorEnabled(for: STDOUT_FILENO), sources: sources)
            renderer.render(diagnostics) { Terminal.print($0, terminator: "") }
            for file in checked {
                let errors = file.diagnostics.filter { $0.severity == .error }.count
                let warnings = file.diagnostics.filter { $0.severity == .warning }.count
                if errors == 0, warnings == 0, let summary = file.summary {
                    Terminal.printText("\(file.file): ok (\(summary))")
                } else {
                    Terminal.printText(
                        "\(file.file): \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))")
                }
            }
            for history in histories {
                let errors = history.diagnostics.filter { $0.severity == .error }.count
                let warnings = history.diagnostics.filter { $0.severity == .warning }.count
                let verdict =
                    errors == 0 && warnings == 0
                    ? "ok" : "\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
                Terminal.print("\(history.file): history of \(history.summary ?? ""): \(verdict)")
            }
            for folder in folders where folder.isFolder && folder.tables.count > 1 {
                guard !histories.contains(where: { $0.file == folder.path }) else { continue }
                Terminal.print("\(folder.path): history not checked until every table loads without errors")
            }
        }
        let failed = diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning })
        if failed { throw ExitCode(ExitStatus.findings) }
    }

    private func check(_ file: String) throws -> Checked {
        do {
            if file.hasSuffix(".expect.yaml") {
                let loaded = try ExpectationsLoader.loadStandalone(path: file)
                let rows = loaded.expectations.expectations?.rows.count
                return Checked(
                    file: file, diagnostics: loaded.expectations.diagnostics, source: loaded.expectations.source,
                    summary: rows.map { "\($0) expectations" })
            }
            let result = try TableLoader.load(path: file)
            var diagnostics = result.diagnostics
            if verbose { diagnostics += result.table?.otherwiseNotes() ?? [] }
            let summary = result.table.map { "\($0.definition.rules.count) rules, \($0.leafCount) decision intervals" }
            return Checked(
                file: file, diagnostics: diagnostics, source: result.source, summary: summary, table: result.table)
        } catch {
            throw CLIError(error.description)
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// A path given on the command line: a file, or a folder's tables and expectations files.
    struct Folder {
        let path: String
        let isFolder: Bool
        let tables: [String]
        let files: [String]
    }

    static func expand(_ path: String) throws -> Folder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Folder(path: path, isFolder: false, tables: [path], files: [path])
        }
        let tables = try TableSelection.tableFiles(at: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let expectations = names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".expect.yaml") }
            .map { (path as NSString).appendingPathComponent($0) }
        return Folder(path: path, isFolder: true, tables: tables, files: (tables + expectations).sorted())
    }

    /// The history checks of a folder with several tables whose every table loaded cleanly.
    private func historyCheck(_ folder: Folder, _ checked: [Checked]) -> Checked? {
        guard folder.isFolder, folder.tables.count > 1 else { return nil }
        let tables = folder.tables.compactMap { file in checked.first { $0.file == file }?.table }
        guard tables.count == folder.tables.count else { return nil }
        return Checked(
            file: folder.path, diagnostics: HistoryCheck.run(tables, verbose: verbose), source: SourceText(""),
            summary: "\(tables.count) tables")
    }
}
