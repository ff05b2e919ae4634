/// The catalogue of messages about date offsets, relative deadlines and expiries chosen by an
/// enum input: codes RC228, RC229 and RC232.
extension DiagnosticMessage {
    /// An offset after a date that cannot be read, such as `+ 30 weeks` or `+ 30`.
    package static func invalidDateOffset(_ reason: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidDateOffset, text: "invalid date offset: \(reason)",
            help: suggestion.map { "did you mean `\($0)`?" }
                ?? "write an offset such as `+ 30 days` or `- 2 months` after the date")
    }

    /// Two offsets after one date, such as `ma.expiry + 1 month + 2 days`.
    package static let doubleDateOffset = DiagnosticMessage(
        code: .invalidDateOffset, text: "invalid date offset: one offset per date",
        help: "write the offset in days, or declare a deadline for the first step")

    /// `expires: {by: cert_expires, ...}` where the input is not an enum.
    package static func expiryByNotEnum(_ input: String, kind: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidExpiryChoice, text: "`by` names `\(input)`, a \(kind) input",
            help: "an expiry day is chosen by the value of an enum input")
    }

    /// `expires: {by: level, ...}` that leaves values of the enum without a day.
    package static func expiryChoiceIncomplete(_ certification: String, missing: [String]) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidExpiryChoice,
            text: "the expiry of `\(certification)` has no day for "
                + missing.map { "`\($0)`" }.joined(separator: ", "),
            help: "give each value a day, or add `otherwise: MM-DD`")
    }

    /// A deadline's date relative to something that is not one day for everyone, or not known yet.
    package static func deadlineDateNotFixed(_ base: String, reason: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .deadlineNotFixed, text: "a deadline's date cannot be relative to `\(base)`: \(reason)",
            help: "write a date, or a deadline declared above plus an offset such as `renewal-closes + 30 days`")
    }
}
