import YAMLReader

/// A deadline's `date:`: a date, or a deadline declared above plus an offset
/// (`renewal-closes + 30 days`), resolved to one day when the table is loaded.
extension RuleTableLoader {
    /// The day, or `nil` after reporting why not. `earlier` are the valid deadlines declared
    /// above this one, `above` the names of every deadline declared above it, valid or not.
    mutating func deadlineDate(
        _ node: Node, earlier: [Deadline], above: Set<String>
    ) -> LocalDate? {
        guard let text = reader.text(node, what: "a date") else { return nil }
        guard LocalDate(iso: text) == nil, let (base, written) = DateOffset.split(text) else {
            return reader.date(node)
        }
        var cursor = node.range.start
        let offset: DateOffset
        switch DateOffset.parse(written) {
        case .success(let parsed): offset = parsed
        case .failure(let problem):
            reader.report(
                Diagnostic(
                    .invalidDateOffset(problem.reason, suggestion: problem.suggestion),
                    at: reader.location(of: problem.written, in: node, after: &cursor)))
            return nil
        }
        let date: LocalDate
        if let literal = LocalDate(iso: base) {
            reader.noteTemporal(.date(literal), at: node)
            date = literal
        } else if let deadline = earlier.first(where: { $0.id == base }) {
            date = deadline.date
        } else if above.contains(base) {
            return nil
        } else if base.hasSuffix(".expiry"),
            reader.declared["certification"]?.contains(String(base.dropLast(".expiry".count))) ?? false
        {
            reader.report(
                .deadlineDateNotFixed(
                    base, reason: "a deadline is one day for everyone, and the expiry depends on the person"),
                at: node)
            return nil
        } else if reader.declared["deadline"]?.contains(base) ?? false {
            reader.report(.deadlineDateNotFixed(base, reason: "it is declared below this deadline"), at: node)
            return nil
        } else if base.first?.isNumber == true {
            reader.report(.invalidDate(base, reason: LocalDate.problem(with: base)), at: node)
            return nil
        } else {
            reader.reportUndefined("deadline", base, candidates: earlier.map(\.id), at: node)
            return nil
        }
        let resolved = date.adding(months: offset.months).adding(days: offset.days)
        relativeDates.append((resolved, node))
        return resolved
    }
}
