/// The step of evaluation that a policy history runs table by table: find the leaf of an input
/// without throwing.
extension CompiledTable {
    /// The leaf that decides the year values on a day and the last day of its interval, or `nil`
    /// when a value is outside its domain or the day outside the window.
    @inline(__always)
    package func hit(_ years: YearValues, asOf: LocalDate) -> DecisionIndex.Hit? {
        decisionIndex.hit(years, dayNumber: asOf.dayNumber)
    }

    /// ``hit(_:asOf:)`` as one call, which the inlinable ``evaluate(_:asOf:)`` makes.
    @usableFromInline @inline(never)
    func leaf(_ years: YearValues, asOf: LocalDate) -> DecisionIndex.Hit? {
        decisionIndex.hit(years, dayNumber: asOf.dayNumber)
    }
}
