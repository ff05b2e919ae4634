import ArgumentParser
import Foundation
import RuleEngine
import YAMLReader

/// `rulecheck validate FILE...`: reads, checks and analyses each table.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check rule tables: YAML, schema, gaps, overlaps, unreachable rules and date order.",
        discussion:
            "Exits 0 when every file is clean, 1 when any has an error (or a warning with --strict), 2 on usage or I/O errors."
    )

    @Argument(help: "Rule table files to check.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Also list the regions of inputs that fall to the `otherwise` rule.")
    var verbose = false

    func run() throws {
        var results: [LoadResult] = []
        for file in files {
            do {
                results.append(try TableLoader.load(path: file))
            } catch {
                throw CLIError(error.description)
            }
        }
        var diagnostics = results.flatMap(\.diagnostics)
        if verbose { diagnostics += results.flatMap { $0.table?.otherwiseNotes() ?? [] } }
        switch format {
        case .json:
            print(JSONValue.array(diagnostics.map(\.json)).pretty())
        case .text:
            let sources = Dictionary(results.map { ($0.file, $0.source) }, uniquingKeysWith: { first, _ in first })
            let renderer = DiagnosticRenderer(colored: Terminal.colorEnabled(for: STDOUT_FILENO), sources: sources)
            print(renderer.render(diagnostics), terminator: "")
            for result in results {
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                let warnings = result.diagnostics.filter { $0.severity == .warning }.count
                if errors == 0, warnings == 0, let table = result.table {
                    print(
                        "\(result.file): ok (\(table.table.rules.count) rules, \(table.leafCount) decision intervals)")
                } else {
                    print(
                        "\(result.file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
                    )
                }
            }
        }
        let failed = diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning })
        if failed { throw ExitCode(ExitStatus.findings) }
    }
}
