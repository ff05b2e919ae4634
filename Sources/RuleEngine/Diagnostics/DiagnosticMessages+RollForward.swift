/// The catalogue of `roll-forward` messages: codes RC6xx.
extension DiagnosticMessage {
    package static func rollForwardDate(_ date: LocalDate, years: Int, target: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .rollForwardDate,
            text:
                "date \(date) cannot be moved \(years) year\(abs(years) == 1 ? "" : "s"): \(target) has no \(date.description.dropFirst(5))",
            help:
                "choose the date the new policy names and write it here by hand, then roll again or edit the new table")
    }

    package static func rollForwardYear(_ year: Int, years: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            code: .rollForwardDate,
            text: "year \(year) cannot be moved \(years) years: the result is not a four-digit year")
    }
}
