import YAMLReader

/// What a rule table says about itself: its identity, source and the window of dates it is in force.
public struct PolicyInfo: Sendable, Hashable {
    /// A stable identifier such as `ma-oems-nremt-alignment`.
    public let id: String
    /// The version, such as `2026`.
    public let version: String
    /// A human title.
    public let title: String
    /// Where the policy was published.
    public let source: String
    /// The published page's address (`http` or `https`), when the table gives it.
    public let sourceURL: String?
    /// The IANA time zone of its dates, such as `America/New_York`.
    public let timeZone: String
    /// The first day the table answers for.
    public let windowStart: LocalDate
    /// The last day the table answers for.
    public let windowEnd: LocalDate
}

/// A certification whose expiry date is computed from a year input (and, with
/// ``expiresBy``, the value of an enum input), or from a per-person date plus a period
/// (``validFor``).
public struct Certification: Sendable, Hashable {
    /// The identifier used in conditions, such as `ma` in `ma.expiry`.
    public let id: String
    /// The index of the input it is computed from: the year input that holds its expiry year,
    /// or, with ``validFor``, the per-person date it counts from.
    public let inputIndex: Int
    /// The day of the year it expires; it is valid through the end of that day. With
    /// ``expiresBy``, the `otherwise` day (or the first value's): ask ``monthDay(for:)``.
    /// `nil` for a certification counted from a per-person date.
    public let expires: MonthDay?
    /// When the day depends on the value of an enum input (`expires: {by: level, ...}`): the
    /// day for each value.
    public let expiresBy: ExpiryChoice?
    /// When it counts from a per-person date (`valid_for: 2 years`): how long it stays valid.
    public let validFor: ValidityPeriod?
    /// Where it is declared.
    public let location: SourceLocation
}

/// A named fee.
public struct Fee: Sendable, Hashable {
    /// The fee's identifier.
    public let id: String
    /// The exact amount.
    public let money: Money
    /// A human label, if any.
    public let label: String?
    /// Where it is declared.
    public let location: SourceLocation
}

/// A named deadline.
public struct Deadline: Sendable, Hashable {
    /// The deadline's identifier.
    public let id: String
    /// The day.
    public let date: LocalDate
    /// What kind of deadline it is: `recommended`, `expiry`, `closes`, or another word the table uses.
    public let kind: String
    /// Whether the day itself still counts as in time.
    public let inclusive: Bool
    /// A human label, if any.
    public let label: String?
    /// The deadline that must come after this one, if the table says so.
    public let precedes: String?
    /// Where it is declared.
    public let location: SourceLocation
    /// Where its `precedes:` value is, if it has one.
    public let precedesLocation: SourceLocation?

    /// The last day that is still in time.
    public var lastDayInTime: LocalDate { inclusive ? date : date.adding(days: -1) }
}

/// A named step a person must take.
public struct Action: Sendable, Hashable {
    /// The action's identifier.
    public let id: String
    /// The text, with `{cycle}`, `{fee.ID}` and `{deadline.ID}` filled in; input placeholders
    /// such as `{ma_expires}` stay as written (``Decision/text(of:)`` fills them per decision).
    public let text: String
    /// The text as written, with its placeholders.
    public let template: String
    /// The text in pieces: literal text and input values filled per decision.
    public let pieces: [TextPiece]
    /// Where it is declared.
    public let location: SourceLocation

    /// Whether the text depends on the input (it has an input placeholder).
    public var dependsOnInput: Bool {
        pieces.contains { if case .input = $0 { return true } else { return false } }
    }
}

/// What a rule decides.
public struct Outcome: Sendable, Hashable {
    /// The cohort, such as `one-year-alignment`.
    public let cohort: String
    /// The status, such as `action-required`.
    public let status: String
    /// The fees, in the order the rule lists them; empty when the policy states none.
    public let fees: [Fee]
    /// The deadlines, in the order the rule lists them.
    public let deadlines: [Deadline]
    /// The actions, in order.
    public let actions: [Action]
    /// The value of each of the table's typed outputs (``RuleTable/outputs``), in declaration order.
    public let outputs: [OutputValue]
}

/// One row of the decision table.
public struct Rule: Sendable, Hashable {
    /// The rule's identifier.
    public let id: String
    /// The conditions, all of which must hold.
    public let conditions: [Condition]
    /// What it decides.
    public let outcome: Outcome
    /// Whether this is the table's `otherwise` rule, which applies when no other does.
    public let isOtherwise: Bool
    /// Where the rule starts (its `id`).
    public let location: SourceLocation
}

/// A boolean output computed from conditions for every decision, such as `can_staff_ambulance`.
public struct DerivedOutput: Sendable, Hashable {
    /// The output's name.
    public let name: String
    /// The conditions, all of which must hold for it to be true.
    public let conditions: [Condition]
    /// Where it is declared.
    public let location: SourceLocation
}

/// How rules that match the same input are resolved.
public enum HitPolicy: String, Sendable, Hashable, CaseIterable {
    /// At most one rule may match any input; overlaps are errors.
    case unique
    /// The first matching rule in file order wins; later ones are shadowed.
    case first
}

/// A typed, validated rule table, as the schema layer reads it from YAML.
public struct RuleTable: Sendable {
    /// Identity and window.
    public let policy: PolicyInfo
    /// The file it was read from.
    public let file: String
    /// The cycle year that relative years (`cycle + 1`) are counted from.
    public let cycle: Int
    /// How overlapping rules are resolved.
    public let hitPolicy: HitPolicy
    /// The inputs other than the question's date (years, integers, booleans, enums, per-person
    /// dates), in declaration order (at most ``RuleTable/maxYearInputs``); each is an axis of
    /// the input space.
    public package(set) var yearInputs: [DiscreteInput]
    /// The name of the question's date input (the as-of date).
    public let dateInputName: String
    /// The certifications.
    public let certifications: [Certification]
    /// Fees by declaration order.
    public let fees: [Fee]
    /// Deadlines by declaration order.
    public let deadlines: [Deadline]
    /// Actions by declaration order.
    public let actions: [Action]
    /// Derived boolean outputs (at most 32).
    public let derived: [DerivedOutput]
    /// Typed outputs that each rule sets (at most 32).
    public let outputs: [TypedOutput]
    /// The rules in file order; the `otherwise` rule, if any, is last.
    public let rules: [Rule]
    /// Where the `rules:` key is, for findings about the rules as a whole (such as a gap).
    public let rulesLocation: SourceLocation?
    /// The pairs of per-person dates that some condition compares, each a hidden axis of the
    /// input space (see ``CellSpace``).
    public package(set) var datePairs: [DatePair] = []
    /// Where `policy.window` is written, for findings about the window.
    package var windowLocation: SourceLocation?
    /// Where `policy.version` is written.
    package var versionLocation: SourceLocation?
    /// Plain words for the cohorts and statuses (`labels:`); empty when the table gives none.
    public internal(set) var labels = OutcomeLabels()

    /// The most inputs other than the question's date (year, integer, boolean, enum and
    /// per-person date) a table may declare.
    public static let maxYearInputs = 6
    /// The most derived outputs a table may declare.
    public static let maxDerivedOutputs = 32

    /// The discrete inputs, in declaration order: the same as ``yearInputs``, by its general name.
    public var discreteInputs: [DiscreteInput] { yearInputs }

    /// The discrete input with this name.
    public func yearInputIndex(named name: String) -> Int? {
        yearInputs.firstIndex { $0.name == name }
    }
}
