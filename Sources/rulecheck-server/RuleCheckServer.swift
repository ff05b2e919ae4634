import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceOptions

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

    /// The options, defined once in `ServiceOptions` (which `rulecheck serve` passes on).
    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let settings = ServerApplication.Settings(options)
        var logger = Logger(label: "rulecheck-server")
        logger.logLevel = .notice
        let host = options.host
        let rules = options.rules
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
