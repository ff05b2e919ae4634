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
                case .expiry(let index):
                    let certification = certifications[index]
                    for year in inputs[certification.inputIndex].domain {
                        for expires in certification.possibleDays {
                            days[input].insert(bound.limit(from: expires.date(in: year)))
                        }
                    }
                case .input(let other):
                    // value(input) - value(other) >= shift, cut in the pair's own order.
                    let key = [min(input, other), max(input, other)]
                    differences[key, default: []].insert(input < other ? bound.shift : 1 - bound.shift)
                    locations[key] = locations[key] ?? condition.location
                }
            }
        }
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
