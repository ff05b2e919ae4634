/// The days at which conditions cut per-person dates, and the differences at which they cut
/// compared pairs of them: gathered from any conditions (a table's, or an expectations
/// file's as well), they give each per-person date its classes of days (see ``CellSpace``).
package struct DateCuts {
    /// For each input, the days at which some condition's truth can change.
    private(set) var days: [Set<Int>]
    /// For each compared pair (`[first, second]`, the lower index first), the differences
    /// `first - second` at which some condition's truth can change.
    private(set) var differences: [[Int]: Set<Int>] = [:]
    /// Where each pair is first compared.
    private(set) var locations: [[Int]: SourceLocation] = [:]
    private let inputs: [DiscreteInput]
    private let window: ClosedRange<Int>

    /// No cuts yet, for a table's inputs and window.
    package init(inputs: [DiscreteInput], window: ClosedRange<Int>) {
        self.inputs = inputs
        self.window = window
        days = inputs.map { _ in [] }
    }

    /// Adds the cuts of conditions, with expiries taken from `certifications`.
    package mutating func add(_ conditions: [Condition], certifications: [Certification]) {
        for condition in conditions {
            switch condition.test {
            case .year:
                continue
            case .date(let bound):
                if case .expiry(let index) = bound.operand, let period = certifications[index].validFor {
                    // The question's date against an expiry counted from a per-person date.
                    cutWhereInWindow(certifications[index].inputIndex) {
                        bound.limit(from: period.expiry(from: LocalDate(dayNumber: $0)))
                    }
                    continue
                }
                // The question's date against a per-person date: every day whose shifted
                // value falls in the window is a class of its own.
                guard case .input(let input) = bound.operand else { continue }
                guard bound.months != 0 else {
                    days[input].formUnion((window.lowerBound - bound.shift)...(window.upperBound + 1 - bound.shift))
                    continue
                }
                // With months the shift is not one number of days: every day whose value, moved
                // by the months, can fall in the window (a few days' margin for the clamping).
                let first = LocalDate(dayNumber: window.lowerBound - bound.shift).adding(months: -bound.months)
                let last = LocalDate(dayNumber: window.upperBound + 1 - bound.shift).adding(months: -bound.months)
                days[input].formUnion((first.dayNumber - 3)...(last.dayNumber + 3))
            case .personDate(let input, let bound):
                switch bound.operand {
                case .fixed(let date):
                    days[input].insert(bound.limit(from: date))
                case .expiry(let index) where certifications[index].countsFromDate:
                    addExpiryFromDate(input, bound, certifications[index], at: condition.location)
                case .expiry(let index):
                    let certification = certifications[index]
                    for year in inputs[certification.inputIndex].domain {
                        for expires in certification.possibleDays {
                            days[input].insert(bound.limit(from: expires.date(in: year)))
                        }
                    }
                case .input(let other):
                    compare(input, with: other, shift: bound.shift, at: condition.location)
                }
            }
        }
    }

    /// A comparison `value(input) - value(other) >= shift` (or its negation): the pair's
    /// difference is cut there, in the pair's own order.
    private mutating func compare(_ input: Int, with other: Int, shift: Int, at location: SourceLocation) {
        let key = [min(input, other), max(input, other)]
        differences[key, default: []].insert(input < other ? shift : 1 - shift)
        locations[key] = locations[key] ?? location
    }

    /// A per-person date compared with the expiry of a certification counted from a per-person
    /// date. From another date, in days only (the reader refuses months, RC240), it is a
    /// comparison of the two dates shifted by the period. From the same date (`certified_on:
    /// {before: cert.expiry - 24 months}`), its truth can change only where the clamping of
    /// months does: each day of the domain is tried, and the date cut where the truth changes.
    private mutating func addExpiryFromDate(
        _ input: Int, _ bound: DateBound, _ certification: Certification, at location: SourceLocation
    ) {
        guard let period = certification.validFor else { return }
        guard certification.inputIndex == input else {
            guard period.months == 0, bound.months == 0 else { return }
            compare(input, with: certification.inputIndex, shift: bound.shift + period.days, at: location)
            return
        }
        var previous: Bool?
        for day in inputs[input].domain {
            let limit = bound.limit(from: period.expiry(from: LocalDate(dayNumber: day)))
            let holds = bound.isLower ? day >= limit : day < limit
            if let previous, previous != holds { days[input].insert(day) }
            previous = holds
        }
    }

    /// Cuts a per-person date into single days wherever `limit`, a day that grows with the
    /// date (never shrinks), falls in the window or on the day after it; before and after those
    /// days the comparison with the question's date is constant. Found by bisection of the domain.
    private mutating func cutWhereInWindow(_ input: Int, limit: (Int) -> Int) {
        let domain = inputs[input].domain
        func firstDay(where predicate: (Int) -> Bool) -> Int {
            var low = domain.lowerBound
            var high = domain.upperBound + 1
            while low < high {
                let middle = low + (high - low) / 2
                if predicate(middle) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let first = firstDay { limit($0) >= window.lowerBound }
        let last = firstDay { limit($0) > window.upperBound + 1 }
        days[input].formUnion(first...max(first, last))
    }

    /// Cuts a per-person date at a day, such as where another table's domain starts or ends.
    package mutating func cut(_ input: Int, at day: Int) {
        days[input].insert(day)
    }

    /// The first day of each class of a per-person date: its domain's first day, then every
    /// cut inside the domain.
    package func classStarts(of input: Int) -> [Int] {
        let domain = inputs[input].domain
        return [domain.lowerBound] + days[input].filter { domain.contains($0) && $0 > domain.lowerBound }.sorted()
    }

    /// A compared pair with the classes of its difference over the two domains.
    package func pair(_ key: [Int]) -> DatePair {
        let first = inputs[key[0]].domain
        let second = inputs[key[1]].domain
        let range = (first.lowerBound - second.upperBound)...(first.upperBound - second.lowerBound)
        let starts =
            [range.lowerBound]
            + (differences[key] ?? []).filter { range.contains($0) && $0 > range.lowerBound }.sorted()
        return DatePair(first: key[0], second: key[1], differenceStarts: starts, maxDifference: range.upperBound)
    }

    /// The compared pairs in order, each input in one pair at most: the pairs kept, and for
    /// each pair left out, where it is compared and the inputs of the pairs it shares one with.
    package func pairs() -> (kept: [DatePair], refused: [(location: SourceLocation?, inputs: [Int])]) {
        var paired: [Int: [Int]] = [:]
        var kept: [DatePair] = []
        var refused: [(location: SourceLocation?, inputs: [Int])] = []
        for key in differences.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if let other = paired[key[0]] ?? paired[key[1]] {
                refused.append((locations[key], Set(other + key).sorted()))
                continue
            }
            paired[key[0]] = key
            paired[key[1]] = key
            kept.append(pair(key))
        }
        return (kept, refused)
    }
}
