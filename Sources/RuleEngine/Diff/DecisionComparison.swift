/// Compares two tables decision by decision over the union of their domains.
struct DecisionComparison {
    let old: CompiledTable
    let new: CompiledTable
    let shiftYears: Int
    let dates: ClosedRange<LocalDate>
    /// The union of the two domains, in the old table's terms.
    let space: CellSpace

    init(old: CompiledTable, new: CompiledTable, shiftYears: Int, dates: ClosedRange<LocalDate>) {
        self.old = old
        self.new = new
        self.shiftYears = shiftYears
        self.dates = dates
        let union = zip(old.table.yearInputs, new.table.yearInputs).map { oldInput, newInput in
            let lower = min(oldInput.domain.lowerBound, newInput.domain.lowerBound - shiftYears)
            let upper = max(oldInput.domain.upperBound, newInput.domain.upperBound - shiftYears)
            return YearInput(
                name: oldInput.name, label: oldInput.label, domain: lower...upper,
                allowsNone: oldInput.allowsNone || newInput.allowsNone, location: oldInput.location)
        }
        space = CellSpace(union)
    }

    var dayCount: Int { dates.upperBound.dayNumber - dates.lowerBound.dayNumber + 1 }
    var inputCount: Int { space.count * dayCount }

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
        for cell in 0..<space.count {
            let years = space.values(of: cell)
            var shifted = years
            for index in 0..<years.count { shifted[index] = years[index].map { $0 + shiftYears } }
            var day = dates.lowerBound
            while day <= dates.upperBound {
                var before = fields(old, years, day, shift: shiftYears)
                var after = fields(new, shifted, day.adding(years: shiftYears), shift: 0)
                if before["coverage"] != after["coverage"] {
                    before = before.filter { $0.key == "coverage" }
                    after = after.filter { $0.key == "coverage" }
                }
                for name in Set(before.keys).union(after.keys) where before[name]?.key != after[name]?.key {
                    var oldText = before[name]?.display ?? "missing"
                    var newText = after[name]?.display ?? "missing"
                    if oldText == newText {
                        oldText += " (old wording)"
                        newText += " (new wording)"
                    }
                    let key = [name, oldText, newText]
                    if groups[key] == nil {
                        order.append(key)
                        groups[key] = Group(example: HarnessInput(years: years, asOf: day))
                    }
                    groups[key]?.pieces.append((cell, day.dayNumber...day.dayNumber))
                    groups[key]?.count += 1
                }
                day = day.adding(days: 1)
            }
        }
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
            return DecisionChange(
                field: key[0], old: key[1], new: key[2], regions: InputRegion.compact(group.pieces, space: space),
                count: group.count, example: group.example)
        }
    }

    /// Every compared field of a table's decision, keyed by field name. Deadline dates are
    /// moved by `shift` years so that the old table's dates compare with the new one's; the
    /// display keeps the dates as written.
    private func fields(_ table: CompiledTable, _ years: YearValues, _ day: LocalDate, shift: Int) -> [String: Value] {
        let decision: Decision
        do {
            decision = try table.evaluate(years, asOf: day)
        } catch {
            return ["coverage": Value(key: "undecided", display: "not decided (outside the table's domain)")]
        }
        let outcome = decision.outcome
        var result: [String: Value] = [
            "coverage": Value(key: "decided", display: "decided"),
            "cohort": Value(key: outcome.cohort, display: outcome.cohort),
            "status": Value(key: outcome.status, display: outcome.status),
        ]
        let fee = outcome.fee?.money.description ?? "none"
        result["fee"] = Value(key: fee, display: fee)
        let deadlineKey = outcome.deadlines.map { "\($0.date.adding(years: shift)) \($0.kind) \($0.inclusive)" }
        let deadlineText = outcome.deadlines.map { "\($0.date)" + ($0.inclusive ? "" : " (day excluded)") }
        result["deadlines"] = Value(
            key: deadlineKey.joined(separator: ", "), display: "[" + deadlineText.joined(separator: ", ") + "]")
        let actionKey = outcome.actions.map { shiftYears == 0 ? $0.text : $0.template }
        result["actions"] = Value(
            key: actionKey.joined(separator: "\n"),
            display: "[" + outcome.actions.map(\.id).joined(separator: ", ") + "]")
        for (name, value) in decision.derivedValues {
            result[name] = Value(key: "\(value)", display: "\(value)")
        }
        return result
    }
}
