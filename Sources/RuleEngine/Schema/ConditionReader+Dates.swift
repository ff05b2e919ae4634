import YAMLReader

/// Reading the operands of date comparisons that per-person dates bring: another date input
/// (`ma_certified_on`), and an offset in days (`certified_on + 30 days`).
extension ConditionReader {
    /// A comparison's operand with its offset in days: a deadline, an expiry, a literal date or
    /// a per-person date input, optionally followed by `+ N days` or `- N days`. `subject` is
    /// the per-person date the condition is on, or `nil` for the question's date.
    func offsetOperand(_ text: String, _ node: Node, subject: Int?, reader: inout SchemaReader) -> (
        operand: DateOperand, days: Int
    )? {
        var base = text
        var days = 0
        if let parsed = Self.dayOffset(text) {
            guard let offset = parsed.days else {
                reader.report(
                    .invalidCondition("`\(text)`: an offset is a whole number of days, at most 36,500"), at: node)
                return nil
            }
            (base, days) = (parsed.base, offset)
        }
        let persons = yearInputs.indices.filter { yearInputs[$0].isDate }
        if let index = persons.first(where: { yearInputs[$0].name == base }) {
            guard index != subject else {
                reader.report(.invalidCondition("`\(base)` is compared with itself"), at: node)
                return nil
            }
            return (.input(index), days)
        }
        // An input declared but not read (a per-person date without its domain): already reported.
        if reader.declared["year input"]?.contains(base) ?? false, base != dateInput,
            !yearInputs.contains(where: { $0.name == base })
        {
            return nil
        }
        if subject != nil, let date = LocalDate(iso: base) {
            // A per-person date's bound is any day, not one of the window's: neither checked
            // against the window nor moved by roll-forward.
            return (.fixed(date), days)
        }
        let known =
            deadlines.contains { $0.id == base } || certifications.contains { "\($0.id).expiry" == base }
            || base.first?.isNumber == true || reader.declared["deadline"]?.contains(base) ?? false
            || reader.declared["certification"]?.contains(String(base.dropLast(".expiry".count))) ?? false
        guard known || !persons.isEmpty else { return operand(base, node, reader: &reader).map { ($0, days) } }
        guard known else {
            let candidates =
                deadlines.map(\.id) + certifications.map { "\($0.id).expiry" }
                + persons.filter { $0 != subject }.map { yearInputs[$0].name }
            reader.reportUndefined("deadline, expiry or date input", base, candidates: candidates, at: node)
            return nil
        }
        return operand(base, node, reader: &reader).map { ($0, days) }
    }

    /// `X + 30 days` as `X` and 30 (`- 30 days` as -30); `days` is `nil` when the number is
    /// not a whole number of days within 100 years. `nil` when the text has no such suffix.
    static func dayOffset(_ text: String) -> (base: String, days: Int?)? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 4, words[3] == "days" || words[3] == "day", words[1] == "+" || words[1] == "-" else {
            return nil
        }
        guard let number = Int(words[2]), words[2].allSatisfy(\.isNumber), number <= 36_500 else {
            return (String(words[0]), nil)
        }
        return (String(words[0]), words[1] == "+" ? number : -number)
    }
}
