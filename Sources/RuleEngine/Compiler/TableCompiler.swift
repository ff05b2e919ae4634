/// Compiles a typed table: enumerates every cell, cuts the date axis at every date that
/// matters for that cell, and records which rules match on each interval.
enum TableCompiler {
    /// The coverage of a table.
    static func coverage(of table: RuleTable) -> Coverage {
        let space = CellSpace(table.yearInputs)
        let windowStart = table.policy.windowStart.dayNumber
        let windowEnd = table.policy.windowEnd.dayNumber
        let ordinary = table.rules.indices.filter { !table.rules[$0].isOtherwise }
        var cells: [Coverage.Cell] = []
        cells.reserveCapacity(space.count)
        for cell in 0..<space.count {
            let values = space.values(of: cell)
            // Rules and outputs whose year conditions hold here, with their date bounds resolved.
            var candidates: [(rule: Int32, bounds: [(lower: Bool, day: Int)])] = []
            var cuts: [Int] = []
            for index in ordinary {
                if let bounds = resolve(table.rules[index].conditions, values: values, table: table) {
                    candidates.append((Int32(index), bounds))
                    cuts += bounds.map(\.day)
                }
            }
            let outputs = table.derived.map { resolve($0.conditions, values: values, table: table) }
            cuts += outputs.flatMap { $0?.map(\.day) ?? [] }
            let starts = [windowStart] + Set(cuts.filter { $0 > windowStart && $0 <= windowEnd }).sorted()
            var data = Coverage.Cell(starts: starts.map { Int32($0) }, matches: [], flags: [])
            data.matches.reserveCapacity(starts.count)
            for day in starts {
                data.matches.append(candidates.filter { holds($0.bounds, on: day) }.map(\.rule))
                var flags: UInt32 = 0
                for (bit, output) in outputs.enumerated() where output.map({ holds($0, on: day) }) ?? false {
                    flags |= 1 << UInt32(bit)
                }
                data.flags.append(flags)
            }
            cells.append(data)
        }
        return Coverage(space: space, cells: cells, windowEnd: Int32(windowEnd))
    }

    /// The date bounds of conditions whose year tests all hold, as day numbers; `nil` when a
    /// year test fails or a bound compares with the expiry of a certification held by no one.
    private static func resolve(
        _ conditions: [Condition], values: YearValues, table: RuleTable
    ) -> [(lower: Bool, day: Int)]? {
        var bounds: [(lower: Bool, day: Int)] = []
        for condition in conditions {
            switch condition.test {
            case .year(let input, let test):
                guard test.holds(values[input], values: values) else { return nil }
            case .date(let bound):
                guard let day = bound.day(years: values, certifications: table.certifications) else { return nil }
                bounds.append((bound.isLower, day))
            }
        }
        return bounds
    }

    private static func holds(_ bounds: [(lower: Bool, day: Int)], on day: Int) -> Bool {
        bounds.allSatisfy { $0.lower ? day >= $0.day : day < $0.day }
    }
}
