import YAMLReader

/// The operands of date comparisons, with an optional offset in days or months: a deadline, a
/// certification's expiry, a literal date or a per-person date input (`ma.expiry + 30 days`,
/// `nr.expiry - 2 months`, `recommended + 1 month`, `certified_on + 30 days`).
extension ConditionReader {
    /// The operand and its offset. `subject` is the per-person date the condition is on, or
    /// `nil` for the question's date. A deadline's or a literal date's offset is applied at
    /// once (the result is a fixed date); an expiry or a date input keeps it, since the day
    /// depends on the person. Text that names an operand exactly is never split, so ids with
    /// hyphens stay whole.
    func offsetOperand(
        _ text: String, _ node: Node, subject: Int?, reader: inout SchemaReader
    ) -> (operand: DateOperand, offset: DateOffset)? {
        var base = text
        var offset = DateOffset()
        var offsetText: Substring = ""
        if !isOperand(text), let (head, written) = DateOffset.split(text) {
            offsetText = written
            var cursor = node.range.start
            switch DateOffset.parse(written) {
            case .success(let parsed): offset = parsed
            case .failure(let problem):
                let location = reader.location(of: problem.written, in: node, after: &cursor)
                reader.report(
                    Diagnostic(.invalidDateOffset(problem.reason, suggestion: problem.suggestion), at: location))
                return nil
            }
            if !isOperand(head), DateOffset.split(head) != nil {
                let location = reader.location(of: String(written), in: node, after: &cursor)
                reader.report(Diagnostic(.doubleDateOffset, at: location))
                return nil
            }
            base = head
        }
        guard let operand = baseOperand(base, node, subject: subject, reader: &reader) else { return nil }
        switch operand {
        case .fixed(let date):
            return (.fixed(date.adding(months: offset.months).adding(days: offset.days)), DateOffset())
        case .input where subject != nil && offset.months != 0:
            // Two per-person dates are compared by the difference of their days, which a month
            // (28 to 31 days) does not keep.
            var cursor = node.range.start
            reader.report(
                Diagnostic(
                    .invalidDateOffset("two per-person dates are compared in days, not months", suggestion: nil),
                    at: reader.location(of: String(offsetText), in: node, after: &cursor)))
            return nil
        case .expiry(let index) where comparesAcrossMonths(index, subject: subject, offset: offset):
            let subjectName = subject.map { yearInputs[$0].name } ?? dateInput
            let from = yearInputs[certifications[index].inputIndex].name
            reader.report(.expiryComparisonInMonths(subjectName, expiry: text, from: from), at: node)
            return nil
        case .expiry, .input:
            return (operand, offset)
        }
    }

    /// Whether a per-person date (`subject`) is compared with the expiry of a certification
    /// counted from another per-person date with months in between (`valid_for: 2 years`, or
    /// `+ 1 month`): such a comparison is not one difference of days, so the analysis could not
    /// keep it exact (RC240).
    private func comparesAcrossMonths(_ index: Int, subject: Int?, offset: DateOffset) -> Bool {
        let certification = certifications[index]
        guard let subject, let period = certification.validFor, certification.inputIndex != subject else {
            return false
        }
        return period.months != 0 || offset.months != 0
    }

    /// The operand without its offset: another per-person date input, a literal date (any day
    /// for a per-person date's bound), or a deadline, an expiry or a date of the window.
    private func baseOperand(_ base: String, _ node: Node, subject: Int?, reader: inout SchemaReader)
        -> DateOperand?
    {
        let persons = yearInputs.indices.filter { yearInputs[$0].isDate }
        if let index = persons.first(where: { yearInputs[$0].name == base }) {
            guard index != subject else {
                reader.report(.invalidCondition("`\(base)` is compared with itself"), at: node)
                return nil
            }
            return .input(index)
        }
        // A declared input that is not valid has its own error.
        if reader.declared["year input"]?.contains(base) ?? false, !yearInputs.contains(where: { $0.name == base }) {
            return nil
        }
        if subject != nil, let date = LocalDate(iso: base) {
            // A per-person date's bound is any day, not one of the window's: neither checked
            // against the window nor moved by roll-forward.
            return .fixed(date)
        }
        let known =
            deadlines.contains { $0.id == base } || certifications.contains { "\($0.id).expiry" == base }
            || base.first?.isNumber == true || reader.declared["deadline"]?.contains(base) ?? false
            || base.hasSuffix(".expiry")
                && reader.declared["certification"]?.contains(String(base.dropLast(".expiry".count))) ?? false
        guard known || !persons.isEmpty else { return operand(base, node, reader: &reader) }
        guard known else {
            let candidates =
                deadlines.map(\.id) + certifications.map { "\($0.id).expiry" }
                + persons.filter { $0 != subject }.map { yearInputs[$0].name }
            reader.reportUndefined("deadline, expiry or date input", base, candidates: candidates, at: node)
            return nil
        }
        return operand(base, node, reader: &reader)
    }

    /// Whether the text names a deadline, a certification's expiry, a date input or a valid
    /// date exactly.
    private func isOperand(_ text: String) -> Bool {
        deadlines.contains { $0.id == text } || certifications.contains { "\($0.id).expiry" == text }
            || yearInputs.contains { $0.isDate && $0.name == text } || LocalDate(iso: text) != nil
    }
}
