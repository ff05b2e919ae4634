import YAMLReader

/// The kind of values a discrete input takes. Every value is stored as an `Int` (its code):
/// a year is itself, an integer is itself, `false`/`true` are 0 and 1, and an enum value is
/// its position in the declared list. `nil` is `none`, which only year inputs may allow.
public enum DiscreteKind: Sendable, Hashable {
    /// Years, such as the year a certification expires.
    case year
    /// Whole numbers in a declared range.
    case integer
    /// `false` or `true`.
    case boolean
    /// One of a declared list of words, such as `emt`, `aemt`, `paramedic`.
    case enumeration([String])

    /// The type's name as written in `type:`.
    public var typeName: String {
        switch self {
        case .year: return "year"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .enumeration: return "enum"
        }
    }
}

/// A discrete input, such as `ma_expires` (a year) or `level` (an enum), with the finite domain
/// that analysis works over: one axis of the input space.
public struct DiscreteInput: Sendable, Hashable {
    /// The input's name, as used in conditions, CLI flags and roster columns.
    public let name: String
    /// A human label.
    public let label: String
    /// The kind of values.
    public let kind: DiscreteKind
    /// The codes of the values the table answers for (for an enum, `0..<values.count`).
    public let domain: ClosedRange<Int>
    /// Whether `none` (never held) is a value of the input.
    public let allowsNone: Bool
    /// Where the input is declared.
    public let location: SourceLocation

    /// Creates a year input.
    package init(name: String, label: String, domain: ClosedRange<Int>, allowsNone: Bool, location: SourceLocation) {
        self.init(name: name, label: label, kind: .year, domain: domain, allowsNone: allowsNone, location: location)
    }

    /// Creates an input of any kind.
    package init(
        name: String, label: String, kind: DiscreteKind, domain: ClosedRange<Int>, allowsNone: Bool,
        location: SourceLocation
    ) {
        self.name = name
        self.label = label
        self.kind = kind
        self.domain = domain
        self.allowsNone = allowsNone
        self.location = location
    }

    /// The number of values: every code of the domain, plus one for `none` when allowed.
    public var valueCount: Int { domain.count + (allowsNone ? 1 : 0) }

    /// Every value, codes first and `none` (`nil`) last.
    public var values: [Int?] { domain.map { Optional($0) } + (allowsNone ? [nil] : []) }

    /// The value's position in ``values``, or `nil` when it is outside the domain.
    public func index(of value: Int?) -> Int? {
        guard let code = value else { return allowsNone ? domain.count : nil }
        return domain.contains(code) ? code - domain.lowerBound : nil
    }

    /// Whether the input is a year input.
    public var isYear: Bool { kind == .year }
}

/// A shorter name kept for source compatibility: year inputs are discrete inputs of kind `.year`.
public typealias YearInput = DiscreteInput
