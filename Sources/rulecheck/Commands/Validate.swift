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
            Exits 0 when every file is clean, 1 when any has an error (or a warning with --strict), \
            2 on usage or I/O errors.
            """
    )

    @Argument(help: "Rule tables or expectations files to check.", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    @Option(help: "Output format: text, json, or sarif (SARIF 2.1.0, for code-scanning tools).")
    var format: ValidateFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Also list the regions of inputs that fall to the `otherwise` rule.")
    var verbose = false

    /// What checking one file produced.
    struct Checked {
        let file: String
        let diagnostics: [Diagnostic]
        let source: SourceText
        let summary: String?
    }

    func run() throws {
        let checked = try files.map(check)
        let diagnostics = checked.flatMap(\.diagnostics)
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
            return Checked(file: file, diagnostics: diagnostics, source: result.source, summary: summary)
        } catch {
            throw CLIError(error.description)
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
