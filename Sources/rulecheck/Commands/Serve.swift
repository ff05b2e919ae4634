import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `rulecheck serve`: replaces this process with `rulecheck-server` from the same folder (same
/// process id, so signals reach the server), so that `rulecheck` itself never builds or links
/// the HTTP stack.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API and pages over HTTP (runs rulecheck-server, built beside rulecheck).",
        discussion: """
            Binds 127.0.0.1:8080 by default; there is no authentication, so put it behind a proxy for anything \
            but loopback. Needs `swift build --product rulecheck-server`; exits 2 when that binary is missing. \
            See the section Service of docs/reference.md.
            """
    )

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
    var contact: String?

    /// The server binary beside this executable.
    static var serverPath: String {
        let own =
            Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return own.deletingLastPathComponent().appendingPathComponent("rulecheck-server").path
    }

    func run() throws {
        let server = Self.serverPath
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw CLIError(
                "\(server) is missing: `rulecheck serve` runs rulecheck-server from beside rulecheck; "
                    + "build it with `swift build --product rulecheck-server` (add `-c release` for a release build)")
        }
        var arguments = [
            server, "--rules", rules, "--host", host, "--port", String(port), "--reload-interval",
            String(reloadInterval), "--max-body-bytes", String(maxBodyBytes), "--max-items", String(maxItems),
            "--max-batch-bytes", String(maxBatchBytes),
        ]
        if let decisionLog { arguments += ["--decision-log", decisionLog] }
        if let contact { arguments += ["--contact", contact] }
        fflush(nil)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(server, argv)
        let reason = String(cString: strerror(errno))
        throw CLIError("cannot run \(server): \(reason)")
    }
}
