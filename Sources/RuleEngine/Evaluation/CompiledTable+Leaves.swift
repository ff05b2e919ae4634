/// The steps of evaluation that a policy history runs table by table: find the leaf of an
/// input without throwing, and turn a leaf into a decision.
extension CompiledTable {
    /// The leaf that decides the year values on a day and the last day of its interval, or `nil`
    /// when a value is outside its domain or the day outside the window.
    @inline(__always)
    package func hit(_ years: YearValues, asOf: LocalDate) -> DecisionIndex.Hit? {
        decisionIndex.hit(years, dayNumber: asOf.dayNumber)
    }

    /// The decision a leaf holds for an input, valid through the end of the leaf's interval
    /// or `through`, whichever comes first.
    @inline(__always)
    package func decision(_ hit: DecisionIndex.Hit, years: YearValues, asOf: LocalDate, through: Int = .max)
        -> Decision
    {
        Decision(
            table: self, ruleIndex: Int(hit.rule), flags: hit.flags, years: years, asOf: asOf,
            validThrough: LocalDate(dayNumber: min(Int(hit.lastDay), through)))
    }
}
