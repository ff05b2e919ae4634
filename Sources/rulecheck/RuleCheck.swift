import ArgumentParser
import Foundation
import RuleCheckKit

/// The `rulecheck` command line: validates, evaluates and tests rule tables.
@main
struct RuleCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rulecheck",
        abstract: "Validate, test and evaluate versioned YAML rule tables for certification-alignment policy.",
        discussion: """
            Exit codes: 0 success; 1 findings (errors in a table, failed tests, a difference found by diff, \
            bad rows); \
            2 usage or I/O error (bad flag value, missing or unreadable file, input outside a table's domain).
            """,
        version: version,
        subcommands: [
            Validate.self, Eval.self, Explain.self, Test.self, Matrix.self, Diff.self, Batch.self, GenerateRoster.self,
            Schema.self, Serve.self, Replay.self,
        ]
    )

    /// The version printed by `--version` and written into SARIF logs.
    static let version = "0.2.0"

    /// Runs the command and maps every error to a documented exit code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            Terminal.exit(ExitStatus.success)
        } catch let error as CLIError {
            Terminal.printError("rulecheck: error: \(UntrustedText.terminal(error.message))")
            Terminal.exit(ExitStatus.usage)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                Terminal.print(message)
                Terminal.exit(0)
            }
            if code.rawValue == ExitStatus.findings || code.rawValue == 0 {
                Terminal.exit(code.rawValue)
            }
            if !message.isEmpty { Terminal.printError(message) }
            // Usage errors (ArgumentParser's 64) and every other failure map to 2.
            Terminal.exit(code.rawValue == ExitCode.validationFailure.rawValue ? ExitStatus.usage : code.rawValue)
        }
    }
}
