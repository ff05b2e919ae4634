/// Compiles a typed table: enumerates every cell, cuts the date axis at every date that
/// matters for that cell, and records which rules match on each interval.
enum TableCompiler {
    /// The coverage of a table.
    static func coverage(of table: RuleTable) -> Coverage {
        let space = CellSpace(table.yearInputs)
        let windowStart = table.policy.windowStart.dayNumber
        let windowEnd = table.policy.windowEnd.dayNumber
        let byFirstValue = rulesByFirstValue(table, space: space)
        var cells: [Coverage.Cell] = []
        cells.reserveCapacity(space.count)
        for cell in 0..<space.count {
            let values = space.values(of: cell)
            // Rules and outputs whose year conditions hold here, with their date bounds resolved.
            var candidates: [(rule: Int32, bounds: [(lower: Bool, day: Int)])] = []
            var cuts: [Int] = []
            for index in byFirstValue[space.valueIndices(of: cell)[0]] {
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

    /// For each value of the first year input, the non-`otherwise` rules (in file order) whose
    /// set tests on that input admit it: an index that spares each cell a scan of every rule.
    /// Tests that depend on other inputs (`equals`) are left to the full check.
    private static func rulesByFirstValue(_ table: RuleTable, space: CellSpace) -> [[Int]] {
        let values = table.yearInputs[0].values
        var index = Array(repeating: [Int](), count: values.count)
        for (position, rule) in table.rules.enumerated() where !rule.isOtherwise {
            let tests: [YearTest] = rule.conditions.compactMap { condition in
                guard case .year(0, let test) = condition.test, !test.dependsOnOtherInputs else { return nil }
                return test
            }
            for (valueIndex, value) in values.enumerated()
            where tests.allSatisfy({ $0.holds(value, values: YearValues([value])) }) {
                index[valueIndex].append(position)
            }
        }
        return index
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
