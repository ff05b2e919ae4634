import YAMLReader

/// A set of values of one year input: years in ranges, and possibly `none`.
public struct YearSet: Sendable, Hashable {
    /// Closed ranges of years, possibly overlapping.
    public let ranges: [ClosedRange<Int>]
    /// Whether `none` belongs to the set.
    public let includesNone: Bool

    /// Creates a set.
    public init(ranges: [ClosedRange<Int>], includesNone: Bool) {
        self.ranges = ranges
        self.includesNone = includesNone
    }

    /// Whether the value belongs to the set.
    @inlinable
    public func contains(_ value: Int?) -> Bool {
        guard let year = value else { return includesNone }
        return ranges.contains { $0.contains(year) }
    }
}

/// A test on one year input.
public indirect enum YearTest: Sendable, Hashable {
    /// The value is in the set.
    case member(YearSet)
    /// The value equals another year input's value plus an offset; `none` never equals anything.
    case equals(input: Int, offset: Int)
    /// The value is at least (`isLower`) or below another year input's value plus an offset:
    /// `value >= other + offset` or `value < other + offset`; `none` on either side never
    /// matches. Every ordering the YAML offers (`after`, `on_or_before`, ...) becomes one of these.
    case bound(input: Int, offset: Int, isLower: Bool)
    /// The inner test fails.
    case not(YearTest)

    /// Whether the test compares with another input's value.
    public var dependsOnOtherInputs: Bool {
        switch self {
        case .member: return false
        case .equals, .bound: return true
        case .not(let inner): return inner.dependsOnOtherInputs
        }
    }

    /// Whether the test holds for the value, given every year input's value.
    public func holds(_ value: Int?, values: YearValues) -> Bool {
        switch self {
        case .member(let set): return set.contains(value)
        case .equals(let input, let offset):
            guard let year = value, let other = values[input] else { return false }
            return year == other + offset
        case .bound(let input, let offset, let isLower):
            guard let year = value, let other = values[input] else { return false }
            return isLower ? year >= other + offset : year < other + offset
        case .not(let inner): return !inner.holds(value, values: values)
        }
    }
}

/// What a date is compared with.
public enum DateOperand: Sendable, Hashable {
    /// A fixed date.
    case fixed(LocalDate)
    /// The expiry date of a certification (by index), which depends on its year input.
    case expiry(certification: Int)
    /// A per-person date input's value (by input index), such as `certified_on`.
    case input(Int)
}

/// A bound on the date input, normalized to half-open form: `date >= operand + months + shift`
/// or `date < operand + months + shift`. Every comparison the YAML offers (`before`, `after`,
/// `by`, `past`, ...) and every offset (`ma.expiry + 30 days`, `- 2 months`) becomes one of
/// these at load time.
public struct DateBound: Sendable, Hashable {
    /// Whether this is a lower bound (`>=`) rather than an upper one (`<`).
    public let isLower: Bool
    /// The date compared with.
    public let operand: DateOperand
    /// Days added to the operand (after ``months``).
    public let shift: Int
    /// Calendar months added to the operand before ``shift``, clamped to the target month's
    /// last day (January 31 + 1 month is February 28, or 29 in a leap year).
    public let months: Int

    /// Creates a bound.
    public init(isLower: Bool, operand: DateOperand, shift: Int, months: Int = 0) {
        self.isLower = isLower
        self.operand = operand
        self.shift = shift
        self.months = months
    }
}

/// One condition of a rule, typed at load time and never parsed again.
public struct Condition: Sendable, Hashable {
    /// What the condition tests.
    public enum Test: Sendable, Hashable {
        /// A test of one year input (by index).
        case year(input: Int, YearTest)
        /// A bound on the date input.
        case date(DateBound)
        /// A bound on a per-person date input (by index): its value compared with a date, an
        /// expiry or another per-person date, such as `certified_on: {before: 2013-07-01}`.
        case personDate(input: Int, DateBound)
    }

    /// The test.
    public let test: Test
    /// The condition as written, for explanations, such as `nr_expires: cycle + 1`.
    public let text: String
    /// Where it is written.
    public let location: SourceLocation
}

/// The general name of ``YearValues``: the codes of every discrete input's value.
public typealias InputValues = YearValues

/// The values of a table's discrete inputs (years, integers, booleans, enum values as codes)
/// for one decision, stored inline in 32 bits each so that building and passing them allocates
/// nothing and stays small. At most ``RuleTable/maxYearInputs`` values. A value beyond
/// ±2,147,483,646 (outside every domain a table may declare) reads back as 2,147,483,647.
public struct YearValues: Sendable, Hashable {
    /// The stored code of `none`.
    package static let noneCode = Int32.min
    private static let outsideCode = Int32.max
    private var storage: (Int32, Int32, Int32, Int32, Int32, Int32) = (
        noneCode, noneCode, noneCode, noneCode, noneCode, noneCode
    )
    /// The number of values.
    public private(set) var count: Int

    /// Creates values from a list; values past the sixth are ignored.
    public init(_ values: [Int?]) {
        count = min(values.count, RuleTable.maxYearInputs)
        for (index, value) in values.prefix(RuleTable.maxYearInputs).enumerated() { self[index] = value }
    }

    /// Creates two values, the common case.
    public init(_ first: Int?, _ second: Int?) {
        count = 2
        self[0] = first
        self[1] = second
    }

    @inline(__always)
    private static func encode(_ value: Int?) -> Int32 {
        guard let value else { return noneCode }
        return value > Int(noneCode) && value < Int(outsideCode) ? Int32(truncatingIfNeeded: value) : outsideCode
    }

    @inline(__always)
    private static func decode(_ code: Int32) -> Int? {
        code == noneCode ? nil : Int(code)
    }

    /// Calls `body` with the stored codes: six of them, the first ``count`` in use, ``noneCode``
    /// for `none`, every value beyond 32 bits as `Int32.max`. For the decision index's hot path.
    @inline(__always)
    package func withCodes<Result>(_ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        // A homogeneous tuple is laid out as consecutive elements.
        withUnsafeBytes(of: storage) { body($0.assumingMemoryBound(to: Int32.self)) }
    }

    /// The value at an index; `nil` means `none`.
    public subscript(index: Int) -> Int? {
        get {
            switch index {
            case 0: return Self.decode(storage.0)
            case 1: return Self.decode(storage.1)
            case 2: return Self.decode(storage.2)
            case 3: return Self.decode(storage.3)
            case 4: return Self.decode(storage.4)
            case 5: return Self.decode(storage.5)
            default: return nil
            }
        }
        set {
            let code = Self.encode(newValue)
            switch index {
            case 0: storage.0 = code
            case 1: storage.1 = code
            case 2: storage.2 = code
            case 3: storage.3 = code
            case 4: storage.4 = code
            case 5: storage.5 = code
            default: break
            }
        }
    }

    /// The same values `years` later; `none` stays `none`.
    public func shifted(by years: Int) -> YearValues {
        var result = self
        for index in 0..<count { result[index] = self[index].map { $0 + years } }
        return result
    }

    /// Compares the values.
    public static func == (lhs: YearValues, rhs: YearValues) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }

    /// Hashes the values.
    public func hash(into hasher: inout Hasher) {
        for index in 0..<count { hasher.combine(self[index]) }
    }
}
