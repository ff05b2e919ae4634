import Testing

@testable import RuleEngine

/// What the linear scan (``ReferenceEvaluator``) finds on every input of a table, for the suites
/// that compare it with the decision tree and the analysis on generated tables.
enum ScanComparison {
    /// Every combination of the inputs' values: each value of a discrete input (`none` included
    /// where allowed), each day of a per-person date's domain.
    static func allValues(_ table: RuleTable) -> [YearValues] {
        var combinations: [[Int?]] = [[]]
        for input in table.yearInputs {
            let values = input.isDate ? input.domain.map { Optional($0) } : input.values
            combinations = combinations.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return combinations.map { YearValues($0) }
    }

    /// Every input of the window: the values, the day, and a key of the values (`none` as -1)
    /// followed by the day number.
    static func everyInput(_ table: RuleTable) -> [(values: YearValues, day: LocalDate, key: [Int])] {
        var inputs: [(values: YearValues, day: LocalDate, key: [Int])] = []
        for values in allValues(table) {
            let key = (0..<values.count).map { values[$0] ?? -1 }
            var day = table.policy.windowStart
            while day <= table.policy.windowEnd {
                inputs.append((values, day, key + [day.dayNumber]))
                day = day.adding(days: 1)
            }
        }
        return inputs
    }

    /// The typed table of a text and the context the analysis passes read, whatever they would
    /// report (a table with gaps or overlaps has no compiled table to load).
    static func analysed(_ text: String, file: String) throws -> (table: RuleTable, context: AnalysisContext) {
        var loader = RuleTableLoader(file: file)
        let root = try #require(YAMLReaderAccess.root(text))
        let loaded = loader.load(root)
        let typed = try #require(loaded, "\(loader.reader.diagnostics.map(\.message))")
        return (typed, AnalysisContext(table: typed, coverage: TableCompiler.coverage(of: typed)))
    }

    /// The inputs no rule matches, and for each pair of rules (in file order) the inputs both match.
    static func scan(_ table: RuleTable) -> (gaps: Set<[Int]>, overlaps: [[Int32]: Set<[Int]>]) {
        let reference = ReferenceEvaluator(table: table)
        var gaps: Set<[Int]> = []
        var overlaps: [[Int32]: Set<[Int]>] = [:]
        for (values, day, key) in everyInput(table) {
            let matching = reference.matchingRules(values, on: day)
            if matching.isEmpty { gaps.insert(key) }
            for (position, first) in matching.enumerated() {
                for second in matching[(position + 1)...] {
                    overlaps[[Int32(first), Int32(second)], default: []].insert(key)
                }
            }
        }
        return (gaps, overlaps)
    }

    /// The overlapping pairs the analysis finds, each with the inputs of its regions.
    static func foundOverlaps(
        _ context: AnalysisContext, expand: ([InputRegion]) -> Set<[Int]> = AnalysisTests.expand
    ) -> [[Int32]: Set<[Int]>] {
        var found: [[Int32]: Set<[Int]>] = [:]
        for (pair, regions) in OverlapCheck.pairs(context) {
            found[[pair.first, pair.second]] = expand(regions)
        }
        return found
    }

    /// The number of inputs of the window on which the tree's decision differs from the scan's:
    /// the rule, the flags, or the last day of the decision's interval, which must be the last
    /// day before the scan's answer changes (or the window's end).
    static func mismatches(_ table: CompiledTable) throws -> Int {
        let reference = ReferenceEvaluator(table: table.definition)
        let window = table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber
        var mismatches = 0
        for values in allValues(table.definition) {
            let expected = window.map { reference.decide(values, on: LocalDate(dayNumber: $0)) }
            // The last day of each day's run of equal answers, from the end backwards.
            var runEnd = Array(window)
            for offset in expected.indices.dropLast().reversed()
            where expected[offset]?.rule == expected[offset + 1]?.rule
                && expected[offset]?.flags == expected[offset + 1]?.flags
            {
                runEnd[offset] = runEnd[offset + 1]
            }
            for (offset, day) in window.enumerated() {
                let decision = try table.evaluate(values, asOf: LocalDate(dayNumber: day))
                if decision.ruleIndex != expected[offset]?.rule || decision.flags != expected[offset]?.flags
                    || decision.validThrough.dayNumber != runEnd[offset]
                {
                    mismatches += 1
                }
            }
        }
        return mismatches
    }

    /// How many of the tables have gap and overlap errors.
    static func gapsAndOverlaps(_ texts: [String]) -> (gaps: Int, overlaps: Int) {
        let codes = texts.map { Set(TableLoader.load(yaml: $0, file: "random.yaml").diagnostics.map(\.code)) }
        return (codes.count { $0.contains(.gap) }, codes.count { $0.contains(.overlap) })
    }
}
