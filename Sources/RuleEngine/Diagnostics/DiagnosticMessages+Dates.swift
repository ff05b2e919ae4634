/// The catalogue of messages about date inputs: several date inputs, per-person dates.
extension DiagnosticMessage {
    /// Several date inputs and none marked `role: as_of`.
    package static func asOfRoleMissing(_ names: [String]) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .asOfRole,
            text:
                "the table has several date inputs (\(names.map { "`\($0)`" }.joined(separator: ", "))) and none is marked `role: as_of`",
            help: "mark the question's date with `role: as_of`; the others are per-person dates")
    }

    /// Several date inputs marked `role: as_of`.
    package static func asOfRoleRepeated(_ name: String, first: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .asOfRole, text: "`\(name)` is marked `role: as_of`, and so is `\(first)`",
            help: "exactly one date input is the question's date")
    }

    /// A `domain` on the question's date.
    package static func asOfDomain(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .asOfDomain, text: "`\(name)` is the question's date, whose domain is the policy's window",
            help: "remove `domain`, or mark another date input `role: as_of` to make this one a per-person date")
    }

    /// A per-person date's domain past its limit.
    package static func dateDomainTooLarge(_ input: String, days: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .dateDomainTooLarge,
            text: "the domain of `\(input)` spans \(days) days; a per-person date's domain spans at most \(limit)")
    }

    /// A per-person date cut into too many classes.
    package static func dateClassLimit(_ input: String, classes: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .dateClassLimit,
            text: "the conditions cut `\(input)` into \(classes) classes of days, more than \(limit)",
            help:
                "each comparison of the question's date with `\(input)` cuts it at every day of the window; use fewer offsets"
        )
    }

    /// A comparison between per-person dates the analysis does not keep exact.
    package static func dateComparisonLimit(_ what: String) -> DiagnosticMessage {
        DiagnosticMessage(code: .dateComparisonLimit, text: what)
    }
}
