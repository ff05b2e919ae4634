/// A discrete input as several tables of a policy history take it together: a value is
/// accepted when the domain of some table holds it, since the history tries each table in
/// force (newest first) and one whose domain does not hold a value defers to the next.
public struct HistoryInput: Sendable, Hashable {
    /// The input as the newest of the tables declares it (name, label, kind, `none`), with the
    /// span of ``domains`` as its domain.
    public let input: DiscreteInput
    /// The codes some table accepts: disjoint, non-adjacent ranges in ascending order.
    public let domains: [ClosedRange<Int>]

    /// The same input of the newest table and of the older ones (newest first), which can
    /// take a value none of the newest table's domain holds.
    package init(newest: DiscreteInput, older: [DiscreteInput] = []) {
        let merged = ([newest] + older).map(\.domain).mergedRanges()
        domains = merged.isEmpty ? [newest.domain] : merged
        let hull = (merged.first ?? newest.domain).lowerBound...(merged.last ?? newest.domain).upperBound
        // The tables' inputs are the same but for their domains; with one domain, the newest is
        // the input itself (a per-person date's classes of days included).
        input =
            hull == newest.domain
            ? newest
            : DiscreteInput(
                name: newest.name, label: newest.label, kind: newest.kind, domain: hull, allowsNone: newest.allowsNone,
                location: newest.location)
    }

    /// The input's name.
    public var name: String { input.name }

    /// Whether some table takes `value` (`nil`: `none`).
    public func contains(_ value: Int?) -> Bool {
        guard let code = value else { return input.allowsNone }
        return domains.contains { $0.contains(code) }
    }

    /// The domains in compact form: `2022–2033`, or `2020–2025, 2027–2030` (days as dates for a
    /// per-person date).
    public var rangeText: String {
        domains.map { "\(input.text($0.lowerBound))–\(input.text($0.upperBound))" }.joined(separator: ", ")
    }

    /// What the tables accept, for error messages, in ``DiscreteInput/allowedValues``' words:
    /// `a year from 2022 to 2033 or none`, `a year from 2020 to 2025 or 2027 to 2030`.
    public var allowedValues: String {
        guard domains.count > 1 else { return input.allowedValues }
        let ranges = domains.map { "\(input.text($0.lowerBound)) to \(input.text($0.upperBound))" }
            .joined(separator: " or ")
        let none = input.allowsNone ? " or none" : ""
        switch input.kind {
        case .year: return "a year from \(ranges)\(none)"
        case .date: return "a date from \(ranges) (YYYY-MM-DD)"
        case .integer, .boolean, .enumeration: return "an integer from \(ranges)\(none)"
        }
    }

    /// The value written as text, or why no table takes it.
    public func parse(_ text: String) -> Result<Int?, InputValueError> {
        checked(input.parse(text), text: text)
    }

    /// The value given as JSON, or why no table takes it.
    public func parse(json value: JSONValue) -> Result<Int?, InputValueError> {
        checked(input.parse(json: value), text: value.rendered())
    }

    /// A value parsed against the hull of the domains, refused when it falls between two of them,
    /// with the refusal naming every domain.
    private func checked(_ result: Result<Int?, InputValueError>, text: String) -> Result<Int?, InputValueError> {
        guard domains.count > 1 else { return result }
        switch result {
        case .success(let code) where contains(code): return result
        case .success:
            return .failure(InputValueError(input: name, text: text, allowed: allowedValues, suggestion: nil))
        case .failure(let error):
            return .failure(
                InputValueError(input: name, text: error.text, allowed: allowedValues, suggestion: error.suggestion))
        }
    }
}
