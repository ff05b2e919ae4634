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
            Schema.self, Serve.self, Replay.self, RollForwardCommand.self,
        ]
    )

    /// The version printed by `--version` and written into SARIF logs (see `RuleCheckVersion`).
    static let version = RuleCheckVersion.current

    /// Runs the command and maps every error to a documented exit code.
    static func main() {
        var subcommand: ParsableCommand.Type?
        do {
            var command = try parseAsRoot()
            subcommand = type(of: command)
            try command.run()
            Terminal.exit(ExitStatus.success)
        } catch let error as CLIError {
            Terminal.printError("rulecheck: error: \(UntrustedText.terminal(error.message))")
            Terminal.exit(ExitStatus.usage)
        } catch {
            let code = exitCode(for: error)
            let message = message(for: error, in: subcommand)
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

    /// The message for an error. A flag found wrong or missing only once a subcommand runs
    /// (`--nr` for a table with two year inputs) shows that subcommand's usage, not the root's.
    static func message(for error: Error, in subcommand: ParsableCommand.Type?) -> String {
        guard let error = error as? ValidationError, let subcommand, subcommand != RuleCheck.self else {
            return fullMessage(for: error)
        }
        let name = "rulecheck \(subcommand._commandName)"
        return """
            Error: \(error.message)
            Usage: \(usageString(for: subcommand))
              See '\(name) --help' for more information.
            """
    }
}
