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
                let decision = try entry.decide(with: history)
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
    let input: [String: Any]
    let cohort: String
    let status: String
    let rule: String
    let version: String

    init(line: String) throws(CLIError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CLIError("not a JSON object")
        }
        guard let input = object["input"] as? [String: Any], let cohort = object["cohort"] as? String,
            let status = object["status"] as? String, let rule = (object["rule"] as? [String: Any])?["id"] as? String
        else { throw CLIError("a decision-log line needs `input`, `cohort`, `status` and `rule.id`") }
        self.input = input
        self.cohort = cohort
        self.status = status
        self.rule = rule
        version = ((object["policy"] as? [String: Any])?["version"] as? String) ?? "?"
    }

    /// Decides the logged input through the policy history, as the server decided it.
    func decide(with history: PolicyHistory) throws(CLIError) -> Decision {
        let dateName = history.tables[0].definition.dateInputName
        guard let text = input[dateName] as? String, let date = LocalDate(iso: text) else {
            throw CLIError("the input has no date `\(dateName)`")
        }
        guard history.table(for: date) != nil else { throw CLIError("no table is in force on \(date)") }
        var values: [Int?] = []
        for year in history.tables[0].definition.yearInputs {
            switch input[year.name] {
            case is NSNull: values.append(nil)
            case let value as Int: values.append(value)
            default: throw CLIError("the input has no year `\(year.name)`")
            }
        }
        do { return try history.evaluate(YearValues(values), asOf: date) } catch {
            throw CLIError(error.description)
        }
    }
}
