import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `rulecheck-server`: the rules engine as an HTTP service (also started by `rulecheck serve`).
@main
struct RuleCheckServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rulecheck-server",
        abstract: "Serve decisions, explanations, the tables in force and their matrices over HTTP.",
        discussion: """
            Binds 127.0.0.1 unless --host says otherwise; there is no authentication, so put it behind a \
            proxy for anything but loopback. Reloads the rules when they change (every --reload-interval \
            seconds) and on SIGHUP; stops gracefully on SIGTERM or SIGINT. Exits 2 when the rules have \
            errors or the address cannot be bound.
            """)

    @Option(help: "A rule table, or a folder of them.")
    var rules: String = "rules"

    @Option(help: "The address to listen on (loopback by default).")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free port).")
    var port: Int = 8080

    @Option(help: "Append one JSON line per decision to FILE (reopened on SIGHUP).")
    var decisionLog: String?

    @Option(help: "Seconds between checks of the rules for changes; 0 turns polling off (SIGHUP still reloads).")
    var reloadInterval: Int = 2

    @Option(help: "The largest request body in bytes; larger ones are answered 413.")
    var maxBodyBytes: Int = 1 << 20

    @Option(help: "The most items in one JSON array request; more are answered 413.")
    var maxItems: Int = 10_000

    @Option(help: "The largest roster in bytes for POST /v1/batch (streamed, so not bound by --max-body-bytes).")
    var maxBatchBytes: Int = 64 << 20

    @Option(help: "Who the EMT page names for an official decision (the office and how to reach it).")
    var contact: String = ServerApplication.Settings().contact

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard reloadInterval >= 0 else { throw ValidationError("--reload-interval must be 0 or more seconds") }
        guard maxBodyBytes > 0, maxItems > 0, maxBatchBytes > 0 else {
            throw ValidationError("--max-body-bytes, --max-items and --max-batch-bytes must be positive")
        }
    }

    func run() async throws {
        var settings = ServerApplication.Settings()
        settings.rules = rules
        settings.host = host
        settings.port = port
        settings.decisionLog = decisionLog
        settings.contact = contact
        settings.reloadInterval = reloadInterval == 0 ? nil : .seconds(reloadInterval)
        settings.limits = RequestLimits(maxBodyBytes: maxBodyBytes, maxItems: maxItems, maxBatchBytes: maxBatchBytes)
        var logger = Logger(label: "rulecheck-server")
        logger.logLevel = .notice
        let host = self.host
        let rules = self.rules
        do {
            let app = try ServerApplication.build(settings, logger: logger) { port in
                FileHandle.standardOutput.write(
                    Data("rulecheck-server: listening on http://\(host):\(port) (rules: \(rules))\n".utf8))
            }
            try await app.runService()
        } catch let error as ServerApplication.StartError {
            FileHandle.standardError.write(Data("rulecheck-server: error: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }
}
