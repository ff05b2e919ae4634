/// The catalogue of analysis messages: codes RC3xx.
extension DiagnosticMessage {
    package static func gap(_ region: String, count: Int, example: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .gap, text: "no rule decides \(count) inputs: \(region)",
            help: "for example \(example); add a rule for them, or an `otherwise` rule")
    }

    package static func moreRegions(_ count: Int) -> DiagnosticMessage {
        DiagnosticMessage(code: .gap, text: "and \(count) more regions that no rule decides")
    }

    package static func overlap(
        _ rule: String, _ other: String, regions: [String], more: Int, count: Int, example: String
    ) -> DiagnosticMessage {
        let list = regions.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : "")
        return DiagnosticMessage(
            code: .overlap, text: "rule `\(rule)` overlaps rule `\(other)` on \(count) inputs: \(list)",
            help: "for example \(example); under hit policy `unique` at most one rule may match an input")
    }

    package static func overlappingRule(_ rule: String) -> String { "rule `\(rule)` is here" }

    package static func unreachable(_ rule: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .unreachableRule, text: "rule `\(rule)` decides no input",
            help:
                "its conditions never hold together inside the domains and window, or earlier rules take every input it matches"
        )
    }

    package static func otherwiseUnreachable(_ rule: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .unreachableRule,
            text: "`otherwise` rule `\(rule)` decides no input: the rules cover everything")
    }

    package static func deadlineOrder(_ id: String, _ date: LocalDate, _ later: String, _ laterDate: LocalDate)
        -> DiagnosticMessage
    {
        DiagnosticMessage(
            code: .dateOrder,
            text: "deadline `\(id)` is said to precede `\(later)`, but its date \(date) is after \(laterDate)",
            help: "move `\(id)` to a date before \(laterDate), or correct `precedes`")
    }

    package static func laterDeadline(_ id: String) -> String { "`\(id)` is declared here" }

    package static func otherwiseRegion(_ rule: String, _ region: String, count: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .otherwiseRegion, text: "`otherwise` (`\(rule)`) decides \(count) inputs: \(region)")
    }
}
