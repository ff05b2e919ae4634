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
    /// A per-person date, such as the day a person was certified: its code is the day number,
    /// and the analysis works over classes of days (``DiscreteInput/classStarts``).
    case date

    /// The type's name as written in `type:`.
    public var typeName: String {
        switch self {
        case .year: return "year"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .enumeration: return "enum"
        case .date: return "date"
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
    /// For a per-person date, the first day (day number) of each class of days on which every
    /// condition of the table is constant, ascending, the first being the domain's first day;
    /// empty for every other kind. Set once the table's conditions are read.
    public package(set) var classStarts: [Int] = []

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

    /// The number of values: every code of the domain, plus one for `none` when allowed; for a
    /// per-person date, the number of its classes of days.
    public var valueCount: Int { isDate ? classStarts.count : domain.count + (allowsNone ? 1 : 0) }

    /// Every value, codes first and `none` (`nil`) last; for a per-person date, the first day of
    /// each class.
    public var values: [Int?] {
        isDate ? classStarts.map { Optional($0) } : domain.map { Optional($0) } + (allowsNone ? [nil] : [])
    }

    /// The value's position in ``values``, or `nil` when it is outside the domain; for a
    /// per-person date, the position of its class.
    public func index(of value: Int?) -> Int? {
        guard let code = value else { return allowsNone ? domain.count : nil }
        guard domain.contains(code) else { return nil }
        return isDate ? Self.classIndex(of: code, in: classStarts) : code - domain.lowerBound
    }

    /// Whether the input is a year input.
    public var isYear: Bool { kind == .year }

    /// Whether the input is a per-person date.
    public var isDate: Bool { kind == .date }

    /// The days of a class of a per-person date: from its first day to the day before the next.
    public func classDays(_ index: Int) -> ClosedRange<Int> {
        let last = index + 1 < classStarts.count ? classStarts[index + 1] - 1 : domain.upperBound
        return classStarts[index]...last
    }

    /// The position of the last start at or before `value` in an ascending, non-empty array
    /// whose first element is at most `value`: a search without data-dependent branches.
    @inline(__always)
    static func classIndex(of value: Int, in starts: [Int]) -> Int {
        var base = 0
        var count = starts.count
        while count > 1 {
            let half = count >> 1
            base = starts[base + half] <= value ? base + half : base
            count -= half
        }
        return base
    }

}

/// A shorter name kept for source compatibility: year inputs are discrete inputs of kind `.year`.
public typealias YearInput = DiscreteInput
