/// Reports deadlines that come after the deadline they are declared to precede, at the
/// `precedes:` entry that states the order.
struct DateOrderCheck: AnalysisPass {
    func run(_ context: AnalysisContext) -> [Diagnostic] {
        let deadlines = context.table.deadlines
        return deadlines.compactMap { deadline in
            guard let target = deadline.precedes, let later = deadlines.first(where: { $0.id == target }),
                deadline.date > later.date
            else { return nil }
            return Diagnostic(
                .deadlineOrder(deadline.id, deadline.date, later.id, later.date),
                at: deadline.precedesLocation ?? deadline.location,
                notes: [DiagnosticNote(DiagnosticMessage.laterDeadline(later.id), at: later.location)])
        }
    }
}
