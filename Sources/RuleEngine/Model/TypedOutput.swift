import YAMLReader

/// The kinds of typed output (`type:` under `outputs:`).
public enum OutputType: String, Sendable, Hashable, CaseIterable {
    /// A whole number, such as continuing-education hours.
    case integer
    /// One of a fixed list of words (`values:`).
    case `enum`
    /// A day, `YYYY-MM-DD`.
    case date
    /// `true` or `false`.
    case boolean
}

/// An output that each rule sets in its `then:`, declared once under `outputs:`.
public struct TypedOutput: Sendable, Hashable {
    /// The output's name, such as `ce_hours`.
    public let name: String
    /// Its type.
    public let type: OutputType
    /// The words an `enum` output may take, in declaration order; empty for other types.
    public let values: [String]
    /// A human label, if any.
    public let label: String?
    /// The value of rules that do not set it, if the declaration gives one.
    public let defaultValue: OutputValue?
    /// Where it is declared.
    public let location: SourceLocation
}

/// The value of a typed output in one outcome.
public enum OutputValue: Sendable, Hashable, CustomStringConvertible {
    /// A whole number.
    case integer(Int)
    /// One of the output's words.
    case word(String)
    /// A day.
    case date(LocalDate)
    /// `true` or `false`.
    case boolean(Bool)

    /// The value as written in a table, a CSV cell and text output: `24`, `paramedic`, `2026-06-30`, `true`.
    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .word(let word): return word
        case .date(let date): return date.description
        case .boolean(let value): return value ? "true" : "false"
        }
    }

    /// The value in a decision's JSON: a number, a string or a boolean.
    public var json: JSONValue {
        switch self {
        case .integer(let value): return .int(value)
        case .word(let word): return .string(word)
        case .date(let date): return .string(date.description)
        case .boolean(let value): return .bool(value)
        }
    }
}
