import RuleEngine

/// Per-person dates in the golden test: the inputs checked are cut where the table's
/// conditions or the expectations' change, and the as-of dates follow the per-person dates
/// that the question's date is compared with.
extension Harness {
    /// The expectations' conditions: each row's, and those of derived outputs given as `when:`.
    static func conditions(of expectations: ExpectationsFile) -> [Condition] {
        expectations.rows.flatMap { row in
            row.conditions
                + row.expected.derived.values.flatMap { value -> [Condition] in
                    if case .when(let list) = value { return list }
                    return []
                }
        }
    }

    /// The space of inputs checked when the table has per-person dates: its classes of days,
    /// cut also where the expectations' conditions change; `nil` for other tables, whose own
    /// space is checked.
    static func checkedSpace(table: RuleTable, expectations: ExpectationsFile) -> CellSpace? {
        guard table.yearInputs.contains(where: \.isDate) else { return nil }
        var cuts = DateCuts(
            inputs: table.yearInputs, window: table.policy.windowStart.dayNumber...table.policy.windowEnd.dayNumber)
        cuts.add(
            table.rules.flatMap(\.conditions) + table.derived.flatMap(\.conditions),
            certifications: table.certifications)
        cuts.add(conditions(of: expectations), certifications: expectations.certifications)
        var inputs = table.yearInputs
        for index in inputs.indices where inputs[index].isDate {
            inputs[index].classStarts = cuts.classStarts(of: index)
        }
        return CellSpace(inputs, pairs: cuts.pairs().kept)
    }

    /// The bounds on the question's date that compare it with a per-person date or with the
    /// expiry of a certification counted from one, in the table and the expectations, each with
    /// the certifications its expiry is taken from; and, for each such certification, a bound
    /// on its expiry itself.
    static func relativeBounds(table: RuleTable, expectations: ExpectationsFile) -> [RelativeBound] {
        let sources: [([Condition], [Certification])] = [
            (table.rules.flatMap(\.conditions) + table.derived.flatMap(\.conditions), table.certifications),
            (conditions(of: expectations), expectations.certifications),
        ]
        var result: [RelativeBound] = []
        for (conditions, certifications) in sources {
            for (index, certification) in certifications.enumerated() where certification.countsFromDate {
                let bound = DateBound(isLower: true, operand: .expiry(certification: index), shift: 0)
                result.append(RelativeBound(bound: bound, certifications: certifications))
            }
            for condition in conditions {
                guard case .date(let bound) = condition.test else { continue }
                switch bound.operand {
                case .input: result.append(RelativeBound(bound: bound, certifications: certifications))
                case .expiry(let index) where certifications[index].countsFromDate:
                    result.append(RelativeBound(bound: bound, certifications: certifications))
                case .expiry, .fixed: continue
                }
            }
        }
        return result
    }

    /// The table with the classes of days of the space checked, to put its regions into words.
    static func checkedTable(_ table: RuleTable, space: CellSpace) -> RuleTable {
        guard table.yearInputs.contains(where: \.isDate) else { return table }
        var checked = table
        for index in checked.yearInputs.indices where checked.yearInputs[index].isDate {
            checked.yearInputs[index].classStarts = space.classStarts(of: index)
        }
        checked.datePairs = space.pairs
        return checked
    }
}

/// A bound on the question's date whose day depends on the person, with the certifications its
/// operand is read with (the table's or the expectations').
struct RelativeBound {
    let bound: DateBound
    let certifications: [Certification]
}
