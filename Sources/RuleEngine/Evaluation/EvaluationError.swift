/// Why an input cannot be decided.
public enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A year input's value is outside its domain (or is `none` where that is not allowed).
    case valueOutsideDomain(input: String, value: Int?, domain: ClosedRange<Int>, allowsNone: Bool)
    /// The date is outside the table's window.
    case dateOutsideWindow(date: LocalDate, start: LocalDate, end: LocalDate)
    /// The wrong number of year values was given.
    case wrongInputCount(expected: Int, given: Int)
    /// No rule decides this input (only possible in a table with gap errors).
    case noRule
    /// No table of a policy history is in force on the date; `windows` lists theirs.
    case noTableInForce(date: LocalDate, windows: String)
    /// An input the table does not have was given.
    case unknownInput(String, inputs: [String])
    /// An input of the table was not given.
    case missingInput(String, allowed: String)
    /// A value its input does not take.
    case invalidValue(InputValueError)

    /// One line for the user.
    public var description: String {
        switch self {
        case .valueOutsideDomain(let input, let value, let domain, let allowsNone):
            let range = "\(domain.lowerBound)–\(domain.upperBound)" + (allowsNone ? " or none" : "")
            return "\(input) \(value.map(String.init) ?? "none") is outside the table's domain (\(range))"
        case .dateOutsideWindow(let date, let start, let end):
            return "as-of date \(date) is outside the table's window \(start) to \(end)"
        case .wrongInputCount(let expected, let given):
            return "the table has \(expected) year inputs, \(given) values were given"
        case .noRule:
            return "no rule decides this input"
        case .noTableInForce(let date, let windows):
            return "no table is in force on \(date); windows: \(windows)"
        case .unknownInput(let name, let inputs):
            return "unknown input `\(name)`; the table's inputs are \(inputs.joined(separator: ", "))"
        case .missingInput(let name, let allowed):
            return "missing input `\(name)`, which takes \(allowed)"
        case .invalidValue(let error):
            return error.description
        }
    }
}
