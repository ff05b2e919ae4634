import YAMLReader

/// Orderings on a year input: `nr_expires: {after: ma_expires}`, `{on_or_before: ma_expires + 1}`,
/// or the same with a year (`{before: 2030}`, a range of years); and the operand reader they
/// share with `equals`.
extension ConditionReader {
    /// `after: other_input + N` (and `before`, `on_or_before`, `on_or_after`) as a bound on the
    /// other input's value, or `after: YEAR` as the years of the domain that satisfy it.
    func ordering(_ key: YearConditionKey, _ node: Node, input: Int, reader: inout SchemaReader) -> YearTest? {
        // In half-open form: `value >= x + shift` for `after` (shift 1) and `on_or_after` (0);
        // `value < x + shift` for `before` (0) and `on_or_before` (1).
        let isLower = key == .after || key == .onOrAfter
        let shift = key == .after || key == .onOrBefore ? 1 : 0
        switch yearOperand(node, input: input, reader: &reader) {
        case .input(let other, let offset):
            return .bound(input: other, offset: offset + shift, isLower: isLower)
        case .year(let year):
            let domain = yearInputs[input].domain
            let first = isLower ? year + shift : domain.lowerBound
            let last = isLower ? domain.upperBound : year + shift - 1
            return .member(YearSet(ranges: first <= last ? [first...last] : [], includesNone: false))
        case nil:
            return nil
        }
    }

    /// What `equals` and the orderings compare a year input with.
    enum YearOperand {
        /// Another year input (by index) plus an offset in years.
        case input(Int, offset: Int)
        /// A year of the input's domain.
        case year(Int)
    }

    /// The operand of `equals` or an ordering: another year input plus an offset
    /// (`ma_expires + 1`), or a year of the input's domain (`2030`, `cycle + 1`); `nil` after
    /// reporting an undefined input or a bad year at the node.
    func yearOperand(_ node: Node, input: Int, reader: inout SchemaReader) -> YearOperand? {
        guard let text = reader.text(node, what: "an input name or a year") else { return nil }
        if case .some(.relative(let base, let offset)) = YearExpression.parse(text), base != "cycle" {
            guard let other = yearInputs.firstIndex(where: { $0.name == base && $0.isYear }), other != input else {
                let names = yearInputs.map(\.name).filter { $0 != yearInputs[input].name }
                reader.reportUndefined("year input", base, candidates: names, at: node)
                return nil
            }
            return .input(other, offset: offset)
        }
        guard let year = reader.year(node, in: yearInputs[input]) else { return nil }
        return .year(year)
    }
}
