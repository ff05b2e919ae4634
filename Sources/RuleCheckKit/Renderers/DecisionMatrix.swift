import RuleEngine

/// One stretch of dates over which a pair of year values gets the same outcome.
public struct TimelineSegment: Sendable, Hashable {
    /// The first day.
    public let first: LocalDate
    /// The last day.
    public let last: LocalDate
    /// The deciding rule's index.
    public let rule: Int
    /// The derived outputs' bits.
    public let flags: UInt32
}

/// Views of a compiled table for review: the grid of outcomes on one date, and each year
/// combination's outcomes over the window.
public struct DecisionMatrix: Sendable {
    /// The table.
    public let table: CompiledTable

    /// The inputs the grid shows, or `nil` for the first down and the second across.
    public let axes: GridAxes?

    /// Creates the views of a table; `axes` chooses the grid's inputs.
    public init(table: CompiledTable, axes: GridAxes? = nil) {
        self.table = table
        self.axes = axes
    }

    /// The segments of one cell's timeline, merging neighbouring intervals with the same
    /// rule and derived outputs.
    public func timeline(years: YearValues) -> [TimelineSegment] {
        guard case .success(let cell) = table.decisionIndex.space.cell(of: years) else { return [] }
        return timeline(cell: cell)
    }

    func timeline(cell: Int) -> [TimelineSegment] {
        var segments: [TimelineSegment] = []
        // A cell no input reaches (two per-person dates whose difference cannot fall in its
        // class) holds gaps; a table the analysis accepts has none elsewhere.
        for interval in table.decisionIndex.intervals(of: cell) where interval.rule >= 0 {
            let rule = Int(interval.rule)
            if let last = segments.last, last.rule == rule, last.flags == interval.flags {
                segments[segments.count - 1] = TimelineSegment(
                    first: last.first, last: LocalDate(dayNumber: interval.last), rule: rule, flags: interval.flags)
            } else {
                segments.append(
                    TimelineSegment(
                        first: LocalDate(dayNumber: interval.first), last: LocalDate(dayNumber: interval.last),
                        rule: rule,
                        flags: interval.flags))
            }
        }
        return segments
    }

    /// The year combinations grouped by identical timelines, as compact regions, in order. A
    /// table that compares two per-person dates has a region's values for each compared pair
    /// too, after the inputs' (the classes of their difference; see ``regionParts(_:)``); the
    /// combinations no input reaches are left out.
    public func timelineGroups() -> [(regions: [InputRegion], segments: [TimelineSegment])] {
        let space = table.decisionIndex.space
        var cellsBySignature: [[TimelineSegment]: [Int]] = [:]
        for cell in 0..<space.count where space.isRealisable(cell) {
            let segments = timeline(cell: cell)
            if !segments.isEmpty { cellsBySignature[segments, default: []].append(cell) }
        }
        let groups = cellsBySignature.map { segments, cells in
            let window = table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber
            let regions = InputRegion.compact(cells.map { ($0, window) }, space: space)
            return (regions: regions, segments: segments, first: cells.min() ?? 0)
        }
        return groups.sorted { $0.first < $1.first }.map { ($0.regions, $0.segments) }
    }

    /// A short description of an outcome: `cohort / status`, fee, and derived outputs.
    public func describe(rule: Int, flags: UInt32) -> String {
        let outcome = table.definition.rules[rule].outcome
        var parts = ["\(outcome.cohort) / \(outcome.status)"]
        if let fee = outcome.feeText { parts.append("fee \(fee)") }
        for (name, value) in table.definition.derivedValues(flags: flags) {
            parts.append("\(name)=\(value ? "yes" : "no")")
        }
        parts += outputPairs(rule: rule)
        return parts.joined(separator: "  ")
    }

    /// The timeline of every year combination, grouped, as reviewable text.
    public func timelineText() -> String {
        let policy = table.policy
        var lines = [
            "# Timeline of \(policy.id) version \(policy.version): \(policy.title)",
            "# Window \(policy.windowStart) to \(policy.windowEnd), dates in \(policy.timeZone).",
            "# Each block lists the year combinations it applies to, then each date interval with its",
            "# cohort / status, fee, derived outputs and [deciding rule].",
        ]
        for group in timelineGroups() {
            lines.append("")
            for region in group.regions {
                var parts = regionParts(region).map { "\($0.name) \($0.values)" }
                if parts.isEmpty { parts = ["every input"] }
                lines.append(parts.joined(separator: ", "))
            }
            for segment in group.segments {
                let dates = InputRegion.describe(segment.first...segment.last)
                let padded = dates + String(repeating: " ", count: max(0, 26 - dates.count))
                lines.append(
                    "  \(padded)\(describe(rule: segment.rule, flags: segment.flags))  [\(table.definition.rules[segment.rule].id)]"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
