/// Gaps along a diagonal: a comparison between two year inputs (`b: {after: a}`, `{equals: a +
/// 1}`) that no rule decides on its boundary leaves one single-cell region per pair of years
/// (`a 2022, b 2022`; `a 2023, b 2023`; ...). They are reported once per diagonal instead:
/// `a 2022–2030, b = a, as_of ...`.
extension GapCheck {
    /// What one gap diagnostic reports: a region, or single cells on one diagonal.
    enum Report {
        /// One region.
        case region(InputRegion)
        /// Regions that each hold one year of `first` and of `second`, with `second - first`
        /// equal to `offset` in all of them, and the same other values and dates.
        case diagonal(regions: [InputRegion], first: Int, second: Int, offset: Int)
    }

    /// Regions with the same values on every input but two, and the same dates.
    private struct PlaneKey: Hashable {
        let rest: [[Int?]]
        let dates: [ClosedRange<LocalDate>]
    }

    /// The regions as reports, in the regions' order. For some pair of year inputs, the cells
    /// of regions that differ only on that pair, each one row or column of the pair, are regrouped: each difference `second - first`
    /// held by two or more of them becomes one diagonal report, and the cells left are boxes
    /// again; this is kept for the pair that gives the fewest reports, when it gives fewer than
    /// the regions. Tables with compared per-person dates keep one report per region.
    static func reports(_ regions: [InputRegion], table: RuleTable) -> [Report] {
        var best = regions.map(Report.region)
        let years = table.yearInputs.indices.filter { table.yearInputs[$0].isYear }
        guard table.datePairs.isEmpty, regions.count > 1 else { return best }
        for (position, first) in years.enumerated() {
            for second in years[(position + 1)...] {
                let candidate = reports(regions, first: first, second: second)
                if candidate.count < best.count { best = candidate }
            }
        }
        return best
    }

    /// The reports with diagonals of `second - first`, plane by plane.
    private static func reports(_ regions: [InputRegion], first: Int, second: Int) -> [Report] {
        var planes: [PlaneKey: [Int]] = [:]
        // Only rows and columns of the pair's plane (what a staircase is made of), so that the
        // cells regrouped stay few: at most one domain's values per region.
        for (index, region) in regions.enumerated()
        where !region.values[first].contains(nil) && !region.values[second].contains(nil)
            && min(region.values[first].count, region.values[second].count) == 1
        {
            var rest = region.values
            rest[first] = []
            rest[second] = []
            planes[PlaneKey(rest: rest, dates: region.dates), default: []].append(index)
        }
        var replaced: [Int: [Report]] = [:]
        var skipped: Set<Int> = []
        for (key, indices) in planes where indices.count > 1 {
            var cells: Set<[Int]> = []
            for region in indices.map({ regions[$0] }) {
                for low in region.values[first].compactMap({ $0 }) {
                    for high in region.values[second].compactMap({ $0 }) { cells.insert([low, high]) }
                }
            }
            var byDifference: [Int: [Int]] = [:]
            for cell in cells { byDifference[cell[1] - cell[0], default: []].append(cell[0]) }
            var reports: [Report] = []
            func region(_ lows: [Int], _ highs: [Int]) -> InputRegion {
                var values = key.rest
                values[first] = lows.map { $0 }
                values[second] = highs.map { $0 }
                return InputRegion(values: values, dates: key.dates)
            }
            for (offset, lows) in byDifference.sorted(by: { $0.key < $1.key }) where lows.count > 1 {
                let sorted = lows.sorted()
                reports.append(
                    .diagonal(
                        regions: sorted.map { region([$0], [$0 + offset]) }, first: first, second: second,
                        offset: offset))
                for low in sorted { cells.remove([low, low + offset]) }
            }
            // The cells left, as boxes: the values of `first` with the same values of `second`.
            var rows: [Int: [Int]] = [:]
            for cell in cells { rows[cell[0], default: []].append(cell[1]) }
            var boxes: [[Int]: [Int]] = [:]
            for (low, highs) in rows { boxes[highs.sorted(), default: []].append(low) }
            let left = boxes.map { region($0.value.sorted(), $0.key) }.sorted {
                $0.sortKey.lexicographicallyPrecedes($1.sortKey)
            }
            reports += left.map(Report.region)
            guard reports.count < indices.count else { continue }
            replaced[indices[0]] = reports
            skipped.formUnion(indices.dropFirst())
        }
        var result: [Report] = []
        for (index, region) in regions.enumerated() where !skipped.contains(index) {
            result += replaced[index] ?? [.region(region)]
        }
        return result
    }

    /// A diagonal in words: `a 2022–2030, b = a + 1, as_of 2026-01-01 to 2026-12-31`.
    static func describe(
        _ regions: [InputRegion], first: Int, second: Int, offset: Int, table: RuleTable
    ) -> String {
        let inputs = table.yearInputs
        let sign = offset == 0 ? "" : offset > 0 ? " + \(offset)" : " - \(-offset)"
        var parts: [String] = []
        for (index, input) in inputs.enumerated() {
            switch index {
            case first: parts.append("\(input.name) \(input.describe(regions.map { $0.values[first][0] }))")
            case second: parts.append("\(input.name) = \(inputs[first].name)\(sign)")
            default: parts.append("\(input.name) \(input.describe(regions[0].values[index]))")
            }
        }
        parts.append(
            "\(table.dateInputName) " + (regions.first?.dates ?? []).map(InputRegion.describe).joined(separator: ", "))
        return parts.joined(separator: ", ")
    }
}
