/// Compiles a typed table: partitions the cells into regions on which every year test and
/// resolved date bound is constant, cuts each region's date axis at every date that matters
/// for it, and records which rules match on each interval.
enum TableCompiler {
    /// The coverage of a table.
    static func coverage(of table: RuleTable) -> Coverage {
        let space = CellSpace(table.yearInputs, pairs: table.datePairs)
        let windowStart = table.policy.windowStart.dayNumber
        let windowEnd = table.policy.windowEnd.dayNumber
        let partition = AxisPartition(table: table, space: space)
        let byFirstClass = rulesByFirstClass(table, partition: partition, space: space)
        var matchSetIndex: [[Int32]: Int32] = [:]
        var matchSets: [[Int32]] = []
        var regions: [Coverage.Region] = []
        for cells in CellRegion.regions(partition, space: space) {
            // Combinations of classes that no values realise (two dates of those classes never
            // have a difference of the pair's class) decide nothing and are left out of analysis.
            guard let values = space.representative(cells.representative) else {
                let matchSet = matchSetIndex[[]] ?? Int32(matchSets.count)
                if matchSetIndex[[]] == nil {
                    matchSetIndex[[]] = matchSet
                    matchSets.append([])
                }
                regions.append(
                    Coverage.Region(
                        cells: cells, starts: [Int32(windowStart)], matchSets: [matchSet], flags: [0],
                        isRealisable: false))
                continue
            }
            // Rules and outputs whose year conditions hold here, with their date bounds resolved.
            var candidates: [(rule: Int32, bounds: [(lower: Bool, day: Int)])] = []
            var cuts: [Int] = []
            for index in byFirstClass[cells.firstClass] {
                if let bounds = resolve(table.rules[index].conditions, values: values, table: table) {
                    candidates.append((Int32(index), bounds))
                    cuts += bounds.map(\.day)
                }
            }
            let outputs = table.derived.map { resolve($0.conditions, values: values, table: table) }
            cuts += outputs.flatMap { $0?.map(\.day) ?? [] }
            let starts = [windowStart] + Set(cuts.filter { $0 > windowStart && $0 <= windowEnd }).sorted()
            var region = Coverage.Region(
                cells: cells, starts: starts.map { Int32($0) }, matchSets: [], flags: [], isRealisable: true)
            region.matchSets.reserveCapacity(starts.count)
            for day in starts {
                let matches = candidates.filter { holds($0.bounds, on: day) }.map(\.rule)
                if let index = matchSetIndex[matches] {
                    region.matchSets.append(index)
                } else {
                    let index = Int32(matchSets.count)
                    matchSetIndex[matches] = index
                    matchSets.append(matches)
                    region.matchSets.append(index)
                }
                var flags: UInt32 = 0
                for (bit, output) in outputs.enumerated() where output.map({ holds($0, on: day) }) ?? false {
                    flags |= 1 << UInt32(bit)
                }
                region.flags.append(flags)
            }
            regions.append(region)
        }
        return Coverage(
            space: space, regions: regions, matchSets: matchSets,
            regionOfCell: regionOfCell(regions, space: space), windowEnd: Int32(windowEnd))
    }

    /// For each cell, the index of the region that holds it.
    private static func regionOfCell(_ regions: [Coverage.Region], space: CellSpace) -> [Int32] {
        var result = Array(repeating: Int32(-1), count: space.count)
        let counts = space.valueCounts
        for (index, region) in regions.enumerated() {
            for box in region.cells.boxes {
                var indices = box.map(\.lowerBound)
                while true {
                    result[indices.enumerated().reduce(0) { $0 * counts[$1.offset] + $1.element }] = Int32(index)
                    // The next cell of the box, the last input fastest.
                    var axis = counts.count - 1
                    while axis >= 0, indices[axis] == box[axis].upperBound {
                        indices[axis] = box[axis].lowerBound
                        axis -= 1
                    }
                    guard axis >= 0 else { break }
                    indices[axis] += 1
                }
            }
        }
        return result
    }

    /// For each class of the first year input, the non-`otherwise` rules (in file order) whose
    /// set tests on that input admit it: an index that spares each region a scan of every rule.
    /// Tests that depend on other inputs (`equals`) are left to the full check.
    private static func rulesByFirstClass(_ table: RuleTable, partition: AxisPartition, space: CellSpace) -> [[Int]] {
        let values = partition.classes[0].map { space.value(input: 0, index: $0.lowerBound) }
        var index = Array(repeating: [Int](), count: values.count)
        for (position, rule) in table.rules.enumerated() where !rule.isOtherwise {
            let tests: [YearTest] = rule.conditions.compactMap { condition in
                guard case .year(0, let test) = condition.test, !test.dependsOnOtherInputs else { return nil }
                return test
            }
            for (classIndex, value) in values.enumerated()
            where tests.allSatisfy({ $0.holds(value, values: YearValues([value])) }) {
                index[classIndex].append(position)
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
            case .personDate(let input, let bound):
                guard bound.holds(values[input], years: values, certifications: table.certifications) else {
                    return nil
                }
            }
        }
        return bounds
    }

    private static func holds(_ bounds: [(lower: Bool, day: Int)], on day: Int) -> Bool {
        bounds.allSatisfy { $0.lower ? day >= $0.day : day < $0.day }
    }
}
