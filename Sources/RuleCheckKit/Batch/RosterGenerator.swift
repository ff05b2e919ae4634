import RuleEngine

/// Writes a synthetic roster over a table's domain and window, the same for the same seed:
/// columns `id`, `name`, each year input (`ma_expires`, `nr_expires`) and the date input
/// (`as_of`). Years spread over the whole domain with extra weight on the cycle's cohorts,
/// about a tenth of `none` where allowed, dates over the whole window, about 3% of rows
/// without a date, and some names that need CSV quoting (`"Doe, Jane"`, `"Pat ""PJ"" Lee"`).
public struct RosterGenerator: Sendable {
    private let yearInputs: [YearInput]
    private let cycle: Int
    private let windowStart: Int
    private let windowDays: Int
    private let dateInputName: String
    private let seed: UInt64

    private static let givenNames = [
        "Alex", "Blair", "Casey", "Dana", "Eli", "Frankie", "Gray", "Harper", "Jordan", "Kai", "Logan", "Morgan",
        "Noor", "Parker", "Quinn", "Riley", "Sam", "Taylor",
    ]
    private static let familyNames = [
        "Abbott", "Barros", "Chen", "Doherty", "Evans", "Fitzgerald", "Garcia", "Hughes", "Iyer", "Kelly", "Lopez",
        "Murphy", "Nguyen", "O'Brien", "Patel", "Rossi", "Sullivan", "Walsh",
    ]

    /// A generator for `table`'s inputs, starting from `seed`.
    public init(table: CompiledTable, seed: UInt64) {
        yearInputs = table.definition.yearInputs
        cycle = table.definition.cycle
        windowStart = table.policy.windowStart.dayNumber
        windowDays = table.policy.windowEnd.dayNumber - table.policy.windowStart.dayNumber + 1
        dateInputName = table.definition.dateInputName
        self.seed = seed
    }

    /// Writes the header and `rows` rows to `writer`, then flushes it.
    public func write(rows: Int, to writer: BufferedWriter) throws(BufferedWriter.WriteError) {
        var random = SplitMix64(seed: seed)
        try writer.write((["id", "name"] + yearInputs.map(\.name) + [dateInputName]).joined(separator: ",") + "\n")
        var line: [UInt8] = []
        line.reserveCapacity(128)
        for row in stride(from: 1, through: rows, by: 1) {
            line.removeAll(keepingCapacity: true)
            line += Array("P\(String(row).leftPadded(to: 7))".utf8)
            line.append(0x2C)
            CSVField.append(name(&random), to: &line)
            var previous: Int?
            for input in yearInputs {
                line.append(0x2C)
                guard input.isYear else {
                    CSVField.append(input.text(input.domain.lowerBound + random.next(input.domain.count)), to: &line)
                    continue
                }
                let value = year(for: input, previous: previous, &random)
                line += Array((value.map { String($0) } ?? "none").utf8)
                previous = value ?? previous
            }
            line.append(0x2C)
            if random.next(100) >= 3 {
                line += Array(LocalDate(dayNumber: windowStart + random.next(windowDays)).description.utf8)
            }
            line.append(0x0A)
            try writer.write(line)
        }
        try writer.flush()
    }

    private func name(_ random: inout SplitMix64) -> String {
        let given = Self.givenNames[random.next(Self.givenNames.count)]
        let family = Self.familyNames[random.next(Self.familyNames.count)]
        switch random.next(50) {
        case 0..<3: return "\(family), \(given)"
        case 3: return "\(given) \"\(given.prefix(1))J\" \(family)"
        default: return "\(given) \(family)"
        }
    }

    /// A year of the input's domain: often the cycle's cohorts, next to the previous input's
    /// year, or `none` when allowed.
    private func year(for input: YearInput, previous: Int?, _ random: inout SplitMix64) -> Int? {
        let roll = random.next(100)
        if input.allowsNone, roll < 10 { return nil }
        var value: Int
        if roll < 35 {
            value = cycle + random.next(2)
        } else if let previous, roll < 70 {
            value = previous - 1 + random.next(4)
        } else {
            value = input.domain.lowerBound + random.next(input.domain.count)
        }
        value = min(max(value, input.domain.lowerBound), input.domain.upperBound)
        return value
    }
}

/// Sebastiano Vigna's SplitMix64: a small, fast generator whose sequence is fixed by its seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0 ..< bound` (bound at least 1).
    mutating func next(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
