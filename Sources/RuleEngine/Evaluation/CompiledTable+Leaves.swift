/// The steps of evaluation that a policy history runs table by table: find the leaf of an
/// input without throwing, and turn a leaf into a decision.
extension CompiledTable {
    /// The cell of the year values and the leaf that holds `day`, or `nil` when a value is
    /// outside its domain or the day outside the window.
    @inline(__always)
    package func locate(_ years: YearValues, day: Int32) -> (cell: Int, leaf: Int)? {
        guard day >= decisionIndex.windowStart, day <= decisionIndex.windowEnd,
            years.count == definition.yearInputs.count,
            case .success(let cell) = decisionIndex.space.cell(of: years)
        else { return nil }
        return (cell, decisionIndex.leaf(cell: cell, day: day))
    }

    /// The rule a leaf decides with (-1 for a gap).
    @inline(__always)
    package func rule(atLeaf leaf: Int) -> Int32 { decisionIndex.leafRule[leaf] }

    /// The last day of a leaf's interval.
    @inline(__always)
    package func lastDay(leaf: Int, cell: Int) -> Int {
        leaf + 1 < Int(decisionIndex.cellStart[cell + 1])
            ? Int(decisionIndex.dayStart[leaf + 1]) - 1 : Int(decisionIndex.windowEnd)
    }

    /// The decision a leaf holds for an input, valid through the end of the leaf's interval
    /// or `through`, whichever comes first.
    @inline(__always)
    package func decision(leaf: Int, cell: Int, years: YearValues, asOf: LocalDate, through: Int = .max)
        -> Decision
    {
        Decision(
            table: self, ruleIndex: Int(decisionIndex.leafRule[leaf]), flags: decisionIndex.leafFlags[leaf],
            years: years, asOf: asOf, validThrough: LocalDate(dayNumber: min(lastDay(leaf: leaf, cell: cell), through)))
    }
}
