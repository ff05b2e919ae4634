import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck replay LOG --rules PATH`: re-decides every line of a decision log with the given
/// tables and reports each decision that now differs, the check to run before publishing.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-decide every decision in a decision log (rulecheck serve --decision-log) and report changes.",
        discussion: """
            Compares cohort, status and deciding rule. Prints one line per decision that differs, then a summary. \
            Exits 0 when none differ, 1 when some do, 2 on usage or I/O errors or unreadable log lines.
            """
    )

    @Argument(help: "The decision log (JSON lines).")
    var log: String

    @OptionGroup var selection: TableSelection

    func run() throws {
        let history = try selection.history()
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: log)) } catch {
            throw CLIError("\(log): cannot read: \(error.localizedDescription)")
        }
        var replayed = 0
        var differing = 0
        var unreadable = 0
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            let place = "\(log):\(index + 1)"
            do {
                let entry = try LoggedDecision(line: String(line))
                let decision = try entry.decide(with: history, rules: selection.rules)
                replayed += 1
                let now = "\(decision.outcome.cohort)/\(decision.outcome.status) (rule `\(decision.rule.id)`)"
                let then = "\(entry.cohort)/\(entry.status) (rule `\(entry.rule)`)"
                if now != then {
                    differing += 1
                    Terminal.print(
                        "\(place): \(UntrustedText.terminal(then)) under \(UntrustedText.terminal(entry.version)), now \(now) "
                            + "under \(decision.table.policy.version)")
                }
            } catch {
                unreadable += 1
                Terminal.printError("\(place): error: \(UntrustedText.terminal(error.message))")
            }
        }
        Terminal.print(
            "replayed \(replayed) decisions: \(differing) differ" + (unreadable > 0 ? ", \(unreadable) unreadable" : "")
        )
        if unreadable > 0 { throw ExitCode(ExitStatus.usage) }
        if differing > 0 { throw ExitCode(ExitStatus.findings) }
    }
}

/// One line of a decision log: the input and what was decided.
private struct LoggedDecision {
    /// The line as JSON; the input's members are typed as the log writes them (`null`,
    /// booleans, integers, strings for enum values and dates).
    private struct Line: Decodable {
        struct Rule: Decodable { let id: String }
        struct Policy: Decodable { let version: String? }
        let input: [String: InputJSON]
        let cohort: String
        let status: String
        let rule: Rule
        let policy: Policy?
    }

    let input: [String: InputJSON]
    let cohort: String
    let status: String
    let rule: String
    let version: String

    init(line: String) throws(CLIError) {
        let data = Data(line.utf8)
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw CLIError("not a JSON object")
        }
        guard let entry = try? JSONDecoder().decode(Line.self, from: data) else {
            throw CLIError(
                "a decision-log line needs `input` (an object of input values), `cohort`, `status` and `rule.id`")
        }
        input = entry.input
        cohort = entry.cohort
        status = entry.status
        rule = entry.rule.id
        version = entry.policy?.version ?? "?"
    }

    /// Decides the logged input through the policy history, as the server decided it: every
    /// input read by its type, as `eval --input-json` reads it.
    func decide(with history: PolicyHistory, rules: String) throws(CLIError) -> Decision {
        let dateName = history.tables[0].definition.dateInputName
        guard case .string(let text) = input[dateName]?.value, let date = LocalDate(iso: text) else {
            throw CLIError("the input has no date `\(dateName)`")
        }
        guard history.table(for: date) != nil else { throw CLIError("no table is in force on \(date)") }
        let assignments = input.keys.sorted().compactMap { name in
            input[name].map { InputAssignment(name: name, value: .json($0.value), source: "`input`") }
        }
        let resolved = try InputResolver(history: history, rules: rules).resolve(assignments)
        do { return try history.evaluate(resolved.years, asOf: resolved.asOf) } catch {
            throw CLIError(error.description)
        }
    }
}
