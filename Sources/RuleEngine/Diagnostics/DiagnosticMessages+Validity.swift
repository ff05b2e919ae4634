/// The catalogue of messages about certifications counted from a per-person date
/// (`valid_for: 2 years`): codes RC238, RC239 and RC240.
extension DiagnosticMessage {
    /// A `valid_for` that cannot be read, such as `2 weeks` or `0 days`.
    package static func invalidValidity(_ reason: String, suggestion: String?) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .invalidValidity, text: "invalid validity period: \(reason)",
            help: suggestion.map { "did you mean `\($0)`?" }
                ?? "write a period such as `2 years`, `18 months` or `730 days`")
    }

    /// `valid_for` on a certification whose input is a year input.
    package static func validityOnYearInput(_ certification: String, input: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .certificationBasis,
            text: "certification `\(certification)` counts from `\(input)`, a year input, which takes `expires`",
            help: "write `expires: MM-DD` for a year input, or name a per-person date with `valid_for`")
    }

    /// `expires` (or no `valid_for`) on a certification whose input is a per-person date.
    package static func expiresOnPersonDate(_ certification: String, input: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .certificationBasis,
            text: "certification `\(certification)` counts from `\(input)`, a per-person date, which takes `valid_for`",
            help: "write how long it stays valid, such as `valid_for: 2 years`")
    }

    /// A certification with neither `expires` nor `valid_for`.
    package static func certificationWithoutExpiry(_ certification: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .certificationBasis,
            text: "certification `\(certification)` has neither `expires` nor `valid_for`",
            help: "write `expires: MM-DD` for a year input, or `valid_for: 2 years` for a per-person date")
    }

    /// A certification on the question's date, which is no one's certification date.
    package static func certificationOnAsOf(_ certification: String, input: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .certificationBasis,
            text: "certification `\(certification)` counts from `\(input)`, the question's date",
            help: "name a year input with `expires`, or a per-person date with `valid_for`")
    }

    /// A per-person date compared with the expiry of a certification that counts months from
    /// another per-person date: not one difference of days.
    package static func expiryComparisonInMonths(_ subject: String, expiry: String, from input: String)
        -> DiagnosticMessage
    {
        DiagnosticMessage(
            code: .expiryComparisonLimit,
            text:
                "`\(subject)` is compared with `\(expiry)`, months after `\(input)`: two per-person dates are compared in days only",
            help:
                "state the certification's period in days (such as `valid_for: 730 days`), or compare `\(input)` with an offset in days"
        )
    }

    /// A condition on an expiry (`cpr.expiry: {...}`) compared with something that depends on the person.
    package static func expirySubjectOperand(_ expiry: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .expiryComparisonLimit,
            text: "`\(expiry)` is compared with a day that depends on the person",
            help:
                "compare `\(expiry)` with a deadline or a date (with an offset if needed), or compare the other date with `\(expiry)`"
        )
    }
}
