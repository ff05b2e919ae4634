import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

/// `rulecheck eval`: decides one person's case, or one per line with `--jsonl`.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Decide one person's case: cohort, status, fee, deadlines, actions, and whether they may staff an ambulance.",
        discussion:
            "Exits 0 when decided, 1 when the table has errors (or, with --jsonl, when any line could not be decided), 2 on usage errors (including inputs outside the table's domain or window)."
    )

    @OptionGroup var request: DecisionRequest

    @Flag(
        help:
            "Read one JSON object of input values per line of standard input and write one decision per line (an error object for a bad line); --as-of is the default date."
    )
    var jsonl = false

    func validate() throws {
        let input = request.input
        if jsonl, !input.inputs.isEmpty || input.inputJSON != nil || input.ma != nil || input.nr != nil {
            throw ValidationError("--jsonl reads the inputs from standard input; give only --as-of beside it")
        }
    }

    func run() throws {
        if jsonl {
            try runLines()
            return
        }
        let (history, years, asOf) = try request.resolve()
        let decision: Decision
        do {
            decision = try history.evaluate(years, asOf: asOf)
        } catch {
            throw CLIError(error.description)
        }
        switch request.format {
        case .json: Terminal.print(decision.json.pretty())
        case .text: Terminal.printText(DecisionText.render(decision), terminator: "")
        }
    }

    /// `--jsonl`: one decision or error object per line of standard input, flushed line by line.
    private func runLines() throws {
        let history = try request.selection.history()
        let resolver = InputResolver(history: history, rules: request.selection.rules)
        let defaults = try request.input.assignments(for: history)
        var line = 0
        var failed = false
        while let text = readLine(strippingNewline: true) {
            line += 1
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            let output: JSONValue
            do {
                var given = try InputAssignment.parse(jsonObject: Data(text.utf8), source: "line \(line)")
                for fallback in defaults where !given.contains(where: { $0.name == fallback.name }) {
                    given.append(fallback)
                }
                let (_, years, asOf) = try resolver.resolve(given)
                do {
                    output = try history.evaluate(years, asOf: asOf).json
                } catch {
                    throw CLIError(error.description)
                }
            } catch let error as CLIError {
                failed = true
                output = .object([("line", .int(line)), ("error", .string(error.message))])
            }
            Terminal.print(output.rendered())
            if Terminal.standardOutputFailure.withLock({ $0 }) != nil { break }
        }
        if failed { throw ExitCode(ExitStatus.findings) }
    }
}
