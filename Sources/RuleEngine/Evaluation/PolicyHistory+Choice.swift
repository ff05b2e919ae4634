/// How a policy history chooses the table and leaf that decide an input.
extension PolicyHistory {
    /// The table that decides an input (its position in ``tables``) and its leaf, whose last day
    /// is the last day the decision holds.
    @usableFromInline
    package struct Choice: Sendable {
        /// The position of the deciding table in ``PolicyHistory/tables``.
        @usableFromInline package let table: Int
        /// Its leaf, valid through `hit.lastDay`.
        @usableFromInline package let hit: DecisionIndex.Hit
    }

    /// The table and leaf that decide an input, or why none can: the work of ``evaluate(_:asOf:)``
    /// but for building the decision. For callers that need the rule and the table but not a
    /// ``Decision`` (which retains its table).
    @usableFromInline
    package func choose(_ years: YearValues, asOf: LocalDate) throws(EvaluationError) -> Choice {
        if tables.count == 1 {
            guard let hit = tables[0].hit(years, asOf: asOf) else { throw tables[0].refusal(years, asOf: asOf) }
            guard hit.rule >= 0 else { throw .noRule }
            return Choice(table: 0, hit: hit)
        }
        let day = Int32(truncatingIfNeeded: asOf.dayNumber)
        // The decision holds at most until a newer table starts deciding: the day before a newer
        // window opens, or the end of the interval in which a newer table fell to `otherwise`.
        var through = Int32.max
        var fallback = -1
        var fallbackHit = DecisionIndex.Hit(rule: DecisionIndex.gap, flags: 0, lastDay: 0)
        for index in tables.indices {
            let table = tables[index]
            if day < table.decisionIndex.windowStart {
                through = min(through, table.decisionIndex.windowStart &- 1)
                continue
            }
            guard let hit = table.hit(years, asOf: asOf) else { continue }
            if hit.rule >= 0, hit.rule != table.otherwiseRule {
                return Choice(table: index, hit: hit.through(through))
            }
            through = min(through, hit.lastDay)
            if fallback < 0 {
                fallback = index
                fallbackHit = hit
            }
        }
        if fallback >= 0 {
            guard fallbackHit.rule >= 0 else { throw .noRule }
            return Choice(table: fallback, hit: fallbackHit.through(through))
        }
        throw refusal(years, asOf: asOf)
    }

    /// Why no table can decide an input, as the newest table in force (or the only one) sees it.
    @inline(never)
    private func refusal(_ years: YearValues, asOf: LocalDate) -> EvaluationError {
        guard let table = tables.first(where: { $0.isInForce(on: asOf) }) else {
            return .noTableInForce(date: asOf, windows: windows)
        }
        do {
            _ = try table.evaluate(years, asOf: asOf)
            return .noRule
        } catch {
            return outsideDomains(error, asOf: asOf)
        }
    }
}

extension DecisionIndex.Hit {
    /// The same leaf, its interval cut short after `day`.
    func through(_ day: Int32) -> DecisionIndex.Hit {
        DecisionIndex.Hit(rule: rule, flags: flags, lastDay: min(lastDay, day))
    }
}
