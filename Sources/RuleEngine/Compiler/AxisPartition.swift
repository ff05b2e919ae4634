/// The predicates of a table's conditions, gathered per year input, from which the input
/// space is partitioned: the value indices where some membership test or some resolved
/// expiry bound changes (on the year input, and on the enum input that chooses the expiry
/// day, if any), and the differences between two inputs that `equals` tests compare.
struct AxisPartition {
    /// For each year input, its classes: ranges of value indices on which every membership
    /// test and every expiry bound (clamped to the window) is constant. `none` is its own class.
    let classes: [[ClosedRange<Int>]]
    /// For each pair of inputs `(p, q)` with `p < q` that an `equals` test relates, the value
    /// index differences `index(p) - index(q)` at which some test holds.
    let differences: [InputPair: [Int]]

    /// Two year inputs, the lower index first.
    struct InputPair: Hashable {
        let first: Int
        let second: Int
    }

    /// Gathers the predicates of every rule and derived output of the table. Inputs linked by
    /// `equals` tests into a group of three or more are cut into single values.
    init(table: RuleTable, space: CellSpace) {
        let axes = space.valueCounts.count
        var cuts = (0..<axes).map { Set([0, space.yearCounts[$0]]) }
        var differences: [InputPair: Set<Int>] = [:]
        var bounds: Set<DateBound> = []
        let conditions = table.rules.flatMap(\.conditions) + table.derived.flatMap(\.conditions)
        // Axes of classes (per-person dates, compared pairs) were cut where their conditions
        // change when the table was read: each class is a class of its own. A year input whose
        // expiry a per-person date is compared with is cut into single years.
        var single = Set((0..<axes).filter { !space.classStarts[$0].isEmpty })
        for condition in conditions {
            switch condition.test {
            case .year(let input, let test):
                guard space.classStarts[input].isEmpty else { continue }
                Self.gather(test, input: input, space: space, cuts: &cuts, differences: &differences)
            case .date(let bound):
                // An expiry counted from a per-person date cut that date when the table was read.
                if case .expiry(let index) = bound.operand, !table.certifications[index].countsFromDate {
                    bounds.insert(bound)
                }
            case .personDate(_, let bound):
                guard case .expiry(let index) = bound.operand, !table.certifications[index].countsFromDate else {
                    continue
                }
                single.insert(table.certifications[index].inputIndex)
                // An expiry chosen by an enum input: that input into single values too.
                if let choice = table.certifications[index].expiresBy { single.insert(choice.input) }
            }
        }
        for axis in single { cuts[axis] = Set(0...space.yearCounts[axis]) }
        let window = table.policy.windowStart.dayNumber...(table.policy.windowEnd.dayNumber + 1)
        for bound in bounds {
            guard case .expiry(let index) = bound.operand else { continue }
            let certification = table.certifications[index]
            let axis = certification.inputIndex
            // The year axis is cut where the bound, for any of the days the certification may
            // expire on, resolves to a different day once clamped to the window.
            for expires in certification.possibleDays {
                var previous: Int?
                for offset in 0..<space.yearCounts[axis] {
                    let year = space.lowerBounds[axis] + offset
                    let day = window.clamped(bound.limit(from: expires.date(in: year)))
                    if let previous, previous != day { cuts[axis].insert(offset) }
                    previous = day
                }
            }
            // An expiry chosen by an enum input also cuts that input between neighbouring
            // values with different days, so that each region has one expiry day.
            if let choice = certification.expiresBy {
                let lower = space.lowerBounds[choice.input]
                for code in choice.days.indices.dropFirst() where choice.days[code] != choice.days[code - 1] {
                    cuts[choice.input].insert(code - lower)
                }
            }
        }
        // Groups of three or more related inputs are cut into single values, so that every
        // cell of the group is its own region; a pair is handled by its differences.
        var group = Array(0..<axes)
        func root(_ axis: Int) -> Int { group[axis] == axis ? axis : root(group[axis]) }
        for pair in differences.keys { group[root(pair.second)] = root(pair.first) }
        for axis in 0..<axes where (0..<axes).filter({ root($0) == root(axis) }).count > 2 {
            cuts[axis] = Set(0...space.yearCounts[axis])
            for pair in differences.keys where pair.first == axis || pair.second == axis {
                differences[pair] = nil
            }
        }
        classes = (0..<axes).map { axis in
            let sorted = cuts[axis].sorted()
            var ranges = zip(sorted, sorted.dropFirst()).map { $0...($1 - 1) }
            if space.valueCounts[axis] > space.yearCounts[axis] {
                ranges.append(space.yearCounts[axis]...space.yearCounts[axis])
            }
            return ranges
        }
        self.differences = differences.mapValues { $0.sorted() }
    }

    /// Adds a year test's cut points, or the difference an `equals` test compares.
    private static func gather(
        _ test: YearTest, input: Int, space: CellSpace, cuts: inout [Set<Int>],
        differences: inout [InputPair: Set<Int>]
    ) {
        switch test {
        case .member(let set):
            let lower = space.lowerBounds[input]
            let count = space.yearCounts[input]
            for range in set.ranges {
                cuts[input].insert(min(max(range.lowerBound - lower, 0), count))
                cuts[input].insert(min(max(range.upperBound + 1 - lower, 0), count))
            }
        case .equals(let other, let offset):
            // value(input) == value(other) + offset, in value indices of the pair (p, q).
            let difference = space.lowerBounds[other] + offset - space.lowerBounds[input]
            if input < other {
                differences[InputPair(first: input, second: other), default: []].insert(difference)
            } else if input > other {
                differences[InputPair(first: other, second: input), default: []].insert(-difference)
            } else {
                // An input compared with itself: the test is constant, no cut needed.
            }
        case .bound(let other, _, _):
            // An ordering is constant on no diagonal: both inputs are cut into single values, so
            // the cost grows with the product of the two domains (each at most a few hundred years).
            for axis in [input, other] { cuts[axis] = Set(0...space.yearCounts[axis]) }
        case .not(let inner):
            gather(inner, input: input, space: space, cuts: &cuts, differences: &differences)
        }
    }
}

extension ClosedRange where Bound == Int {
    /// The value moved into the range.
    fileprivate func clamped(_ value: Int) -> Int { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
