import ArgumentParser

/// The service's command-line options, defined once: `rulecheck-server` reads them, and
/// `rulecheck serve` reads the same ones and passes them on (``arguments``), so that the two
/// `--help` texts cannot drift apart. Depends on ArgumentParser only, so that `rulecheck` does
/// not build the HTTP stack.
public struct ServiceOptions: ParsableArguments {
    /// Who the EMT page names for an official decision unless `--contact` says otherwise.
    public static let defaultContact = "the Massachusetts Office of Emergency Medical Services (OEMS)"

    /// The options with their defaults.
    public init() {}

    /// A rule table, or a folder of them.
    @Option(help: "A rule table, or a folder of them.")
    public var rules: String = "rules"

    /// The address to listen on.
    @Option(help: "The address to listen on (loopback by default).")
    public var host: String = "127.0.0.1"

    /// The port to listen on; 0 picks a free port.
    @Option(help: "The port to listen on (0 picks a free port).")
    public var port: Int = 8080

    /// Where to append one JSON line per decision.
    @Option(help: "Append one JSON line per decision to FILE (reopened on SIGHUP).")
    public var decisionLog: String?

    /// Seconds between checks of the rules; 0 turns polling off.
    @Option(help: "Seconds between checks of the rules for changes; 0 turns polling off (SIGHUP still reloads).")
    public var reloadInterval: Int = 2

    /// The largest request body in bytes.
    @Option(help: "The largest request body in bytes; larger ones are answered 413.")
    public var maxBodyBytes: Int = 1 << 20

    /// The most items in one JSON array request.
    @Option(help: "The most items in one JSON array request; more are answered 413.")
    public var maxItems: Int = 10_000

    /// The largest roster in bytes for `POST /v1/batch`.
    @Option(help: "The largest roster in bytes for POST /v1/batch (streamed, so not bound by --max-body-bytes).")
    public var maxBatchBytes: Int = 64 << 20

    /// The most rosters classified at once; `nil` means twice the number of cores.
    @Option(
        help:
            "The most POST /v1/batch rosters classified at once; more are answered 503 with Retry-After (default: twice the number of cores)."
    )
    public var maxBatchStreams: Int?

    /// Who the EMT page names for an official decision.
    @Option(help: "Who the EMT page names for an official decision (the office and how to reach it).")
    public var contact: String = ServiceOptions.defaultContact

    /// Checks the numbers.
    public func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard reloadInterval >= 0 else { throw ValidationError("--reload-interval must be 0 or more seconds") }
        guard maxBodyBytes > 0, maxItems > 0, maxBatchBytes > 0 else {
            throw ValidationError("--max-body-bytes, --max-items and --max-batch-bytes must be positive")
        }
        if let maxBatchStreams, maxBatchStreams <= 0 {
            throw ValidationError("--max-batch-streams must be positive")
        }
    }

    /// The options as command-line arguments that parse back to these options, to pass on
    /// (`--name=value`, so that a value starting with `-` stays a value).
    public var arguments: [String] {
        var arguments = [
            "--rules=\(rules)", "--host=\(host)", "--port=\(port)", "--reload-interval=\(reloadInterval)",
            "--max-body-bytes=\(maxBodyBytes)", "--max-items=\(maxItems)", "--max-batch-bytes=\(maxBatchBytes)",
            "--contact=\(contact)",
        ]
        if let decisionLog { arguments.append("--decision-log=\(decisionLog)") }
        if let maxBatchStreams { arguments.append("--max-batch-streams=\(maxBatchStreams)") }
        return arguments
    }
}
