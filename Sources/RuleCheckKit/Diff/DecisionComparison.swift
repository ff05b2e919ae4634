import RuleEngine

/// Compares two tables decision by decision over the union of their domains.
struct DecisionComparison {
    let old: CompiledTable
    let new: CompiledTable
    let shiftYears: Int
    let dates: ClosedRange<LocalDate>
    /// The union of the two domains, in the old table's terms.
    let space: CellSpace
    /// The inputs of that union (per-person dates with the classes of both tables).
    let inputs: [DiscreteInput]

    init(old: CompiledTable, new: CompiledTable, shiftYears: Int, dates: ClosedRange<LocalDate>) {
        self.old = old
        self.new = new
        self.shiftYears = shiftYears
        self.dates = dates
        let union = zip(old.definition.yearInputs, new.definition.yearInputs).map { oldInput, newInput in
            // Only years move with --shift-years; other kinds compare value for value.
            let shift = oldInput.isYear ? shiftYears : 0
            let lower = min(oldInput.domain.lowerBound, newInput.domain.lowerBound - shift)
            let upper = max(oldInput.domain.upperBound, newInput.domain.upperBound - shift)
            var input = DiscreteInput(
                name: oldInput.name, label: oldInput.label, kind: oldInput.kind, domain: lower...upper,
                allowsNone: oldInput.allowsNone || newInput.allowsNone, location: oldInput.location)
            if input.isDate {
                // Per-person dates: the classes of both tables, so that both decide each class.
                // Where each domain starts and ends too, so that each class is in a domain or not.
                let ends = [oldInput.domain.upperBound + 1, newInput.domain.upperBound + 1 - shift]
                input.classStarts = Set([lower] + oldInput.classStarts + newInput.classStarts + ends).filter {
                    $0 >= lower && $0 <= upper
                }.sorted()
            }
            return input
        }
        inputs = union
        space = CellSpace(union, pairs: Self.pairs(old.definition.datePairs + new.definition.datePairs, union))
    }

    /// The compared pairs of per-person dates of both tables, each with the cuts of both, over
    /// the union of the domains; an input compared in different pairs by the two tables keeps
    /// the first pair only.
    static func pairs(_ pairs: [DatePair], _ inputs: [DiscreteInput]) -> [DatePair] {
        var merged: [DatePair] = []
        for pair in pairs where pair.first < inputs.count && pair.second < inputs.count {
            let first = inputs[pair.first].domain
            let second = inputs[pair.second].domain
            let range = (first.lowerBound - second.upperBound)...(first.upperBound - second.lowerBound)
            if let index = merged.firstIndex(where: { $0.first == pair.first && $0.second == pair.second }) {
                let starts = Set(merged[index].differenceStarts + pair.differenceStarts).filter(range.contains).sorted()
                merged[index] = DatePair(
                    first: pair.first, second: pair.second, differenceStarts: starts, maxDifference: range.upperBound)
            } else if !merged.contains(where: {
                [$0.first, $0.second].contains(pair.first) || [$0.first, $0.second].contains(pair.second)
            }) {
                let starts = Set([range.lowerBound] + pair.differenceStarts).filter(range.contains).sorted()
                merged.append(
                    DatePair(
                        first: pair.first, second: pair.second, differenceStarts: starts,
                        maxDifference: range.upperBound))
            }
        }
        return merged
    }

    var dayCount: Int { dates.upperBound.dayNumber - dates.lowerBound.dayNumber + 1 }
    /// The old table with the union's inputs, to put regions into words and count them.
    var union: RuleTable {
        var table = old.definition
        table.yearInputs = inputs
        table.datePairs = space.pairs
        return table
    }

    /// The number of inputs compared: every value of each input (every day of a per-person
    /// date's domain) on every day compared.
    var inputCount: Int {
        guard inputs.contains(where: \.isDate) else { return space.count * dayCount }
        return inputs.reduce(dayCount) { $0 * ($1.isDate ? $1.domain.count : $1.valueCount) }
    }

    /// One field's value on one side: what is compared, and what is shown.
    struct Value: Hashable {
        let key: String
        let display: String
    }

    func run() -> [DecisionChange] {
        struct Group {
            var pieces: [(cell: Int, days: ClosedRange<Int>)] = []
            var count = 0
            var example: HarnessInput
        }
        var groups: [[String]: Group] = [:]
        var order: [[String]] = []
        var memo: [OutcomePair: [[String]]] = [:]
        for cell in 0..<space.count where space.isRealisable(cell) {
            let years = space.values(of: cell)
            let shifted = old.definition.shifted(years, by: shiftYears)
            var day = dates.lowerBound
            // From one interval to the next: each decision holds through its `validThrough`
            // day, so the pair of outcomes stays the same up to the earlier of the two last days.
            while day <= dates.upperBound {
                let oldSide = side(old, years, day)
                let newSide = side(new, shifted, day.adding(years: shiftYears))
                let pair = OutcomePair(old: oldSide.outcome, new: newSide.outcome)
                let through = lastDay(from: day, old: oldSide.through, new: newSide.through)
                let differences = memo[pair] ?? differencesOf(pair)
                memo[pair] = differences
                for key in differences {
                    if groups[key] == nil {
                        order.append(key)
                        groups[key] = Group(example: HarnessInput(years: years, asOf: day))
                    }
                    groups[key]?.pieces.append((cell, day.dayNumber...through.dayNumber))
                    groups[key]?.count += through.dayNumber - day.dayNumber + 1
                }
                day = through.adding(days: 1)
            }
        }
        let table = union
        let rank = ["coverage", "cohort", "status", "fee", "deadlines"]
        let sorted = order.enumerated().sorted { lhs, rhs in
            let left =
                rank.firstIndex(of: lhs.element[0]) ?? (lhs.element[0] == "actions" ? rank.count + 1 : rank.count)
            let right =
                rank.firstIndex(of: rhs.element[0]) ?? (rhs.element[0] == "actions" ? rank.count + 1 : rank.count)
            return (left, lhs.offset) < (right, rhs.offset)
        }.map(\.element)
        return sorted.compactMap { key in
            guard let group = groups[key] else { return nil }
            let regions = InputRegion.compact(group.pieces, space: space)
            let dates = inputs.contains(where: \.isDate)
            return DecisionChange(
                field: key[0], old: key[1], new: key[2], regions: regions,
                count: dates ? regions.reduce(0) { $0 + table.count(of: $1) } : group.count, example: group.example,
                descriptions: regions.map { table.describe(region: $0) })
        }
    }

    /// A decision reduced to what its fields depend on: the rule and the derived outputs'
    /// bits, or `nil` when the input is outside the table's domain.
    struct ComparedOutcome: Hashable {
        let rule: Int
        let flags: UInt32

        init(_ decision: Decision) {
            rule = decision.ruleIndex
            flags = decision.flags
        }
    }

    /// The outcomes of the old and new table for one input.
    struct OutcomePair: Hashable {
        let old: ComparedOutcome?
        let new: ComparedOutcome?
    }

    /// Whether the comparison steps from one decision's interval to the next (the default) or
    /// goes day by day, which tests compare it with.
    var stepsByInterval = true

    /// One table's outcome for an input on a day, and the last day (in that table's days) it
    /// stays so: the decision's `validThrough`; `nil` (every day) when the input is outside
    /// the table's domain, which no day changes; the day itself for any other refusal.
    private func side(_ table: CompiledTable, _ years: YearValues, _ day: LocalDate) -> (
        outcome: ComparedOutcome?, through: LocalDate?
    ) {
        do {
            let decision = try table.evaluate(years, asOf: day)
            return (ComparedOutcome(decision), stepsByInterval ? decision.validThrough : day)
        } catch {
            switch error {
            case .valueOutsideDomain, .wrongInputCount: return (nil, stepsByInterval ? nil : day)
            default: return (nil, day)
            }
        }
    }

    /// The last day compared, from `day` on, on which both outcomes stay those of `day`: the
    /// earlier of the old side's last day and the last old day whose shifted day is on or
    /// before the new side's (adding years never moves a later day before an earlier one).
    private func lastDay(from day: LocalDate, old: LocalDate?, new: LocalDate?) -> LocalDate {
        var through = min(old ?? dates.upperBound, dates.upperBound)
        guard let new, through.adding(years: shiftYears) > new else { return through }
        // The last old day whose shifted day is on or before the new side's last day.
        var last = max(new.adding(years: -shiftYears), day)
        while last > day, last.adding(years: shiftYears) > new { last = last.adding(days: -1) }
        while last < through, last.adding(days: 1).adding(years: shiftYears) <= new { last = last.adding(days: 1) }
        through = min(through, last)
        return through
    }

    /// The fields that differ between two outcomes, each as [field, old text, new text].
    private func differencesOf(_ pair: OutcomePair) -> [[String]] {
        var before = fields(old, pair.old, shift: shiftYears)
        var after = fields(new, pair.new, shift: 0)
        if before["coverage"] != after["coverage"] {
            before = before.filter { $0.key == "coverage" }
            after = after.filter { $0.key == "coverage" }
        }
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            guard before[name]?.key != after[name]?.key else { return nil }
            var oldText = before[name]?.display ?? "missing"
            var newText = after[name]?.display ?? "missing"
            if oldText == newText {
                oldText += " (old wording)"
                newText += " (new wording)"
            }
            return [name, oldText, newText]
        }
    }

    /// Every compared field of an outcome, keyed by field name. Deadline dates are moved by
    /// `shift` years so that the old table's dates compare with the new one's; the display
    /// keeps the dates as written.
    private func fields(_ table: CompiledTable, _ outcome: ComparedOutcome?, shift: Int) -> [String: Value] {
        guard let outcome else {
            return ["coverage": Value(key: "undecided", display: "not decided (outside the table's domain)")]
        }
        let decided = table.definition.rules[outcome.rule].outcome
        var result: [String: Value] = [
            "coverage": Value(key: "decided", display: "decided"),
            "cohort": Value(key: decided.cohort, display: decided.cohort),
            "status": Value(key: decided.status, display: decided.status),
        ]
        let fee = decided.feeText ?? "none"
        result["fee"] = Value(key: fee, display: fee)
        for (output, value) in zip(table.definition.outputs, decided.outputs) {
            result[output.name] = Value(key: "\(value)", display: "\(value)")
        }
        let deadlineKey = decided.deadlines.map { "\($0.date.adding(years: shift)) \($0.kind) \($0.inclusive)" }
        let deadlineText = decided.deadlines.map { "\($0.date)" + ($0.inclusive ? "" : " (day excluded)") }
        result["deadlines"] = Value(
            key: deadlineKey.joined(separator: ", "), display: "[" + deadlineText.joined(separator: ", ") + "]")
        let actionKey = decided.actions.map { shiftYears == 0 ? $0.text : $0.template }
        result["actions"] = Value(
            key: actionKey.joined(separator: "\n"),
            display: "[" + decided.actions.map(\.id).joined(separator: ", ") + "]")
        for (name, value) in table.definition.derivedValues(flags: outcome.flags) {
            result[name] = Value(key: "\(value)", display: "\(value)")
        }
        return result
    }
}
