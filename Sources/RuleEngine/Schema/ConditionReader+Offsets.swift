import YAMLReader

/// Date operands with an offset: `ma.expiry + 30 days`, `nr.expiry - 2 months`,
/// `recommended + 1 month`, `2026-01-31 + 1 month`.
extension ConditionReader {
    /// The operand and its offset. A deadline's or a literal date's offset is applied at once
    /// (the result is a fixed date); a certification's expiry keeps it, since the day depends on
    /// the person. Text that names an operand exactly is never split, so ids with hyphens stay whole.
    func offsetOperand(
        _ text: String, _ node: Node, reader: inout SchemaReader
    ) -> (operand: DateOperand, offset: DateOffset)? {
        guard !isOperand(text), let (base, written) = DateOffset.split(text) else {
            return operand(text, node, reader: &reader).map { ($0, DateOffset()) }
        }
        var cursor = node.range.start
        let offset: DateOffset
        switch DateOffset.parse(written) {
        case .success(let parsed): offset = parsed
        case .failure(let problem):
            let location = reader.location(of: problem.written, in: node, after: &cursor)
            reader.report(
                Diagnostic(.invalidDateOffset(problem.reason, suggestion: problem.suggestion), at: location))
            return nil
        }
        if !isOperand(base), DateOffset.split(base) != nil {
            reader.report(
                Diagnostic(.doubleDateOffset, at: reader.location(of: String(written), in: node, after: &cursor)))
            return nil
        }
        guard let operand = operand(base, node, reader: &reader) else { return nil }
        switch operand {
        case .fixed(let date):
            return (.fixed(date.adding(months: offset.months).adding(days: offset.days)), DateOffset())
        case .expiry:
            return (operand, offset)
        }
    }

    /// Whether the text names a deadline, a certification's expiry or a valid date exactly.
    private func isOperand(_ text: String) -> Bool {
        deadlines.contains { $0.id == text } || certifications.contains { "\($0.id).expiry" == text }
            || LocalDate(iso: text) != nil
    }
}
