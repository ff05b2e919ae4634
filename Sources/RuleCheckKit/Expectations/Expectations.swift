import RuleEngine
import YAMLReader

/// An expected boolean output: a constant, or true exactly where conditions hold.
public enum ExpectedBool: Sendable, Hashable {
    /// Always this value.
    case constant(Bool)
    /// True exactly where all the conditions hold.
    case when([Condition])
}

/// An expected deadline: the date, and the inclusive flag and kind when given.
public struct ExpectedDeadline: Sendable, Hashable {
    /// The date.
    public let date: LocalDate
    /// Whether the day itself is included, when the row says.
    public let inclusive: Bool?
    /// The kind, when the row says.
    public let kind: String?
}

/// What one expectation row expects; a field left `nil` is not compared.
public struct ExpectedFields: Sendable, Hashable {
    /// The cohort.
    public var cohort: String?
    /// The status.
    public var status: String?
    /// The fee: `.some(nil)` expects no fee.
    public var fee: Money??
    /// The deadlines, in order.
    public var deadlines: [ExpectedDeadline]?
    /// Derived outputs by name.
    public var derived: [String: ExpectedBool] = [:]

    /// These fields, with any field this row leaves out taken from `defaults`.
    func merged(over defaults: ExpectedFields) -> ExpectedFields {
        var result = self
        result.cohort = cohort ?? defaults.cohort
        result.status = status ?? defaults.status
        result.fee = fee ?? defaults.fee
        result.deadlines = deadlines ?? defaults.deadlines
        result.derived = defaults.derived.merging(derived) { $1 }
        return result
    }
}

/// One row of an expectations file: a pattern over the inputs and what it expects.
public struct ExpectationRow: Sendable, Hashable {
    /// The row's identifier.
    public let id: String
    /// The pattern; all must hold.
    public let conditions: [Condition]
    /// What it expects, with the file's defaults filled in.
    public let expected: ExpectedFields
    /// Where the row starts.
    public let location: SourceLocation
}

/// An expectations file: independently written expected outcomes for one rule table.
public struct ExpectationsFile: Sendable {
    /// The file's path.
    public let file: String
    /// The certifications the file's conditions refer to, with its own expiry days.
    public let certifications: [Certification]
    /// The rows, in order; the first that matches an input applies.
    public let rows: [ExpectationRow]
}
