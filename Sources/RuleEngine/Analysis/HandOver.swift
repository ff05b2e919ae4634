/// Where a newer table takes over, in the overlap of two windows, a decision that the older
/// table makes differently: grouped by the two deciding rules (and derived outputs), as compact
/// regions of the newer table's inputs.
struct HandOver {
    /// One kind of change: old rule and outputs → new rule and outputs, and where.
    struct Change {
        let oldRule: Int
        let oldFlags: UInt32
        let newRule: Int
        let newFlags: UInt32
        let regions: [InputRegion]
    }

    let newer: CompiledTable
    let older: CompiledTable

    /// The overlap of the two windows, as day numbers, or `nil` when they do not overlap.
    var overlap: ClosedRange<Int>? {
        let first = max(newer.policy.windowStart.dayNumber, older.policy.windowStart.dayNumber)
        let last = min(newer.policy.windowEnd.dayNumber, older.policy.windowEnd.dayNumber)
        return first <= last ? first...last : nil
    }

    /// The newer table's inputs, with per-person dates cut where either table's conditions
    /// change (so that both decide each class one way), in the newer table's terms: the table
    /// to put the regions of ``changes()`` into words and count them.
    var compared: RuleTable {
        var table = newer.definition
        guard table.yearInputs.contains(where: \.isDate) else { return table }
        let window =
            min(
                newer.policy.windowStart.dayNumber, older.policy.windowStart.dayNumber)...max(
                newer.policy.windowEnd.dayNumber, older.policy.windowEnd.dayNumber)
        var cuts = DateCuts(inputs: table.yearInputs, window: window)
        for definition in [newer.definition, older.definition] {
            cuts.add(
                definition.rules.flatMap(\.conditions) + definition.derived.flatMap(\.conditions),
                certifications: definition.certifications)
        }
        for index in table.yearInputs.indices where table.yearInputs[index].isDate {
            // Where the older table's domain starts and ends, so that a class is in it or not.
            if index < older.definition.yearInputs.count {
                let domain = older.definition.yearInputs[index].domain
                cuts.cut(index, at: domain.lowerBound)
                cuts.cut(index, at: domain.upperBound + 1)
            }
            table.yearInputs[index].classStarts = cuts.classStarts(of: index)
        }
        table.datePairs = cuts.pairs().kept
        return table
    }

    /// Every change, in the order of its first region, over the cells of ``compared``.
    func changes() -> [Change] {
        guard let overlap else { return [] }
        let definition = compared
        let space =
            definition.yearInputs.contains(where: \.isDate)
            ? CellSpace(definition.yearInputs, pairs: definition.datePairs) : newer.decisionIndex.space
        var pieces: [[Int]: [(cell: Int, days: ClosedRange<Int>)]] = [:]
        var order: [[Int]] = []
        for cell in 0..<space.count where space.isRealisable(cell) {
            let values = space.values(of: cell)
            guard case .success(let newCell) = newer.decisionIndex.space.cell(of: values),
                case .success(let oldCell) = older.decisionIndex.space.cell(of: values)
            else {
                continue
            }
            let oldIntervals = older.decisionIndex.intervals(of: oldCell)
            for new in newer.decisionIndex.intervals(of: newCell)
            where new.rule >= 0 && new.rule != newer.otherwiseRule && new.last >= overlap.lowerBound
                && new.first <= overlap.upperBound
            {
                for old in oldIntervals where old.rule >= 0 {
                    let first = max(new.first, old.first, overlap.lowerBound)
                    let last = min(new.last, old.last, overlap.upperBound)
                    guard first <= last, differs(Int(old.rule), old.flags, Int(new.rule), new.flags) else { continue }
                    let key = [Int(old.rule), Int(old.flags), Int(new.rule), Int(new.flags)]
                    if pieces[key] == nil { order.append(key) }
                    pieces[key, default: []].append((cell, first...last))
                }
            }
        }
        return order.map { key in
            Change(
                oldRule: key[0], oldFlags: UInt32(truncatingIfNeeded: key[1]), newRule: key[2],
                newFlags: UInt32(truncatingIfNeeded: key[3]),
                regions: InputRegion.compact(pieces[key] ?? [], space: space))
        }
    }

    /// Whether two decisions differ in what a person is told: cohort, status, fee, deadlines
    /// typed outputs or a derived output (action texts are wording and follow the cycle).
    private func differs(_ oldRule: Int, _ oldFlags: UInt32, _ newRule: Int, _ newFlags: UInt32) -> Bool {
        let old = older.definition.rules[oldRule].outcome
        let new = newer.definition.rules[newRule].outcome
        return old.cohort != new.cohort || old.status != new.status || old.fees.map(\.money) != new.fees.map(\.money)
            || old.outputs != new.outputs
            || old.deadlines.map { [$0.date.dayNumber, $0.inclusive ? 1 : 0] }
                != new.deadlines.map { [$0.date.dayNumber, $0.inclusive ? 1 : 0] }
            || oldFlags != newFlags
    }

    /// An outcome in words: `cohort / status, fee 65.00 USD, can_staff_ambulance no [rule]`.
    static func describe(_ table: CompiledTable, rule: Int, flags: UInt32) -> String {
        let definition = table.definition
        let outcome = definition.rules[rule].outcome
        var parts = ["\(outcome.cohort) / \(outcome.status)"]
        if let fee = outcome.feeText { parts.append("fee \(fee)") }
        if !outcome.deadlines.isEmpty {
            parts.append("deadlines " + outcome.deadlines.map(\.date.description).joined(separator: " "))
        }
        parts += definition.derivedValues(flags: flags).map { "\($0.name) \($0.value ? "yes" : "no")" }
        return parts.joined(separator: ", ") + " [`\(definition.rules[rule].id)`]"
    }
}
