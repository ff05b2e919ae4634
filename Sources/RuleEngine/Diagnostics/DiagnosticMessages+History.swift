/// The catalogue of policy-history messages (a folder of tables): codes RC5xx.
extension DiagnosticMessage {
    package static func historyInputsDiffer(_ file: String, _ other: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .historyInputsDiffer, text: "`\(file)` has other inputs or derived outputs than `\(other)`",
            help: "the tables of one folder answer the same question: give them the same inputs and derived outputs")
    }

    package static func duplicateVersion(_ version: String, _ other: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .historyDuplicateVersion, text: "policy version `\(version)` is also the version of `\(other)`",
            help: "each table of a folder is another version of the policy")
    }

    package static func windowTie(_ date: LocalDate, _ other: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .historyWindowTie, text: "the window starts on \(date), as the window of `\(other)` does",
            help: "the newer version is the one whose window starts later; give the tables different starts")
    }

    package static func historyHole(_ first: LocalDate, _ last: LocalDate, count: Int, older: String)
        -> DiagnosticMessage
    {
        let dates = first == last ? "\(first)" : "\(first) to \(last)"
        return DiagnosticMessage(
            code: .historyHole,
            text:
                "no table answers for \(dates) (\(count) day\(count == 1 ? "" : "s")): this window opens after `\(older)`'s closes",
            help: "start this window on or before the day after the older window ends")
    }

    package static func handOverSummary(
        _ newer: String, _ older: String, count: Int, regions: Int, first: LocalDate, last: LocalDate
    ) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .handOver,
            text:
                "from \(first) to \(last), `\(newer)` takes over \(count) decisions that `\(older)` makes differently, in \(regions) region\(regions == 1 ? "" : "s")",
            help: "`rulecheck validate --verbose` lists each region with an example")
    }

    package static func handOver(
        _ region: String, count: Int, from old: String, to new: String, example: String
    ) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .handOver,
            text: "hand-over on \(count) inputs: \(region): \(old) → \(new)", help: "for example \(example)")
    }

    package static func olderRule(_ rule: String, _ file: String) -> String {
        "the older decision, by rule `\(rule)` of `\(file)`"
    }
}
