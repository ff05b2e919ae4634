import RuleEngine

/// The formatted result columns of each distinct outcome, built once and reused: rows that
/// share a table, a deciding rule, derived outputs and next deadline share the same text.
/// A roster of a million rows has a few dozen distinct outcomes.
struct RosterOutcomeCache {
    /// What makes two rows' result columns equal.
    struct Key: Hashable {
        let table: Int32
        let rule: Int32
        let flags: UInt32
        let deadline: Int32
    }

    /// The CSV output's delimiter.
    let delimiter: UInt8
    private var entries: [Key: Int] = [:]
    /// A small open-addressing table over keys packed into 64 bits, in front of `entries`:
    /// a row's lookup costs a multiply and a compare instead of a SipHash of four fields.
    private var packedKeys = [UInt64](repeating: 0, count: 1024)
    private var packedEntries = [Int32](repeating: 0, count: 1024)
    /// Every entry's CSV result columns, back to back: `,cohort,status,...,rule,` and a line feed
    /// (with the output's delimiter), then ``readPadding`` zero bytes, so that an entry may be
    /// copied in 16-byte moves that read past its end (``RosterFastRows/overrun``).
    private(set) var suffixBytes = [UInt8](repeating: 0, count: Self.readPadding)
    /// The zero bytes after the last entry's result columns.
    static let readPadding = RosterFastRows.overrun
    /// `suffixStart[e] ..< suffixStart[e + 1]` is entry `e`'s text in ``suffixBytes``.
    private(set) var suffixStart: [Int] = [0]
    /// Each entry's cohort and status, for the summary.
    private(set) var outcomes: [(cohort: String, status: String)] = []
    /// Each entry's JSON around the row's own members: `{"policy":{...}` before `input`, and
    /// `"cohort":...,"rule":{...}` after it, rendered from the decision's typed members.
    private(set) var jsonParts: [(head: [UInt8], tail: [UInt8])] = []
    /// Whether an entry's `tail` depends on the row's input (an action text with an input
    /// placeholder), so that each row renders its own.
    private(set) var jsonPerRow: [Bool] = []

    /// The output format, whose texts alone are built (the other's are left empty).
    let format: RosterFormat
    /// The entries of the inputs decided so far, by cells and day, when the run can use one
    /// (made by ``RosterProcessor`` on first use; `memoChosen` says it has looked).
    var memo: RosterDecisionMemo?
    var memoChosen = false

    /// An empty cache for `format`, CSV split at `delimiter`.
    init(delimiter: UInt8 = 0x2C, format: RosterFormat = .csv) {
        self.delimiter = delimiter
        self.format = format
    }

    /// The entry for a decision whose next deadline is the rule's `deadline`-th (-1 for none),
    /// made on first use.
    @inline(__always)
    mutating func entry(for decision: Decision, table: Int, deadline: Int, listsFees: Bool) -> Int {
        let packed = Self.pack(table: table, rule: decision.ruleIndex, flags: decision.flags, deadline: deadline)
        var slot = 0
        if let packed {
            slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 54)
            while packedKeys[slot] != 0 {
                if packedKeys[slot] == packed { return Int(packedEntries[slot]) }
                slot = (slot + 1) & 1023
            }
        }
        let key = Key(
            table: Int32(truncatingIfNeeded: table), rule: Int32(truncatingIfNeeded: decision.ruleIndex),
            flags: decision.flags, deadline: Int32(truncatingIfNeeded: deadline))
        let entry = entries[key] ?? add(key, decision: decision, deadline: deadline, listsFees: listsFees)
        // Keep the packed table at most half full so that probes stay short.
        if let packed, entries.count < 512 {
            packedKeys[slot] = packed
            packedEntries[slot] = Int32(truncatingIfNeeded: entry)
        }
        return entry
    }

    /// Writes entry `entry`'s CSV result columns and line feed.
    @inline(__always)
    func writeSuffix(_ entry: Int, to writer: BufferedWriter) throws(BufferedWriter.WriteError) {
        let range = suffixStart[entry]..<suffixStart[entry + 1]
        try suffixBytes.withUnsafeBufferPointer { (bytes) throws(BufferedWriter.WriteError) in
            try writer.write(UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    /// Calls `body` with every entry's result columns and where each starts (entry `e`'s are
    /// `starts[e] ..< starts[e + 1]` of `suffixes`).
    @inline(__always)
    func withSuffixes<Result, Failure: Error>(
        _ body: (_ suffixes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try suffixBytes.withUnsafeBufferPointer { (suffixes) throws(Failure) in
            try suffixStart.withUnsafeBufferPointer { (starts) throws(Failure) in try body(suffixes, starts) }
        }
    }

    /// Writes an output line: `record` (the input's columns) and entry `entry`'s result columns.
    @inline(__always)
    func writeLine(_ record: UnsafeBufferPointer<UInt8>, entry: Int, to writer: BufferedWriter)
        throws(BufferedWriter.WriteError)
    {
        let range = suffixStart[entry]..<suffixStart[entry + 1]
        try suffixBytes.withUnsafeBufferPointer { (bytes) throws(BufferedWriter.WriteError) in
            try writer.write(record, UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    /// The key in 64 bits (never 0), or `nil` when a part does not fit: table < 256,
    /// rule < 2^15, next deadline + 1 < 256, flags < 2^32.
    @inline(__always)
    private static func pack(table: Int, rule: Int, flags: UInt32, deadline: Int) -> UInt64? {
        guard table >= 0, table < 256, rule >= 0, rule < 1 << 15, deadline >= -1, deadline < 255 else { return nil }
        return 1 << 63 | UInt64(table) << 55 | UInt64(rule) << 40 | UInt64(deadline + 1) << 32 | UInt64(flags)
    }

    private mutating func add(_ key: Key, decision: Decision, deadline: Int, listsFees: Bool) -> Int {
        let outcome = decision.outcome
        var fields = [outcome.cohort, outcome.status]
        fields += decision.derivedValues.map { $0.value ? "true" : "false" }
        fields += outcome.outputs.map(\.description)
        fields.append(outcome.feeTotal?.description ?? "")
        if listsFees { fields.append(outcome.feeItemsText) }
        let next = deadline >= 0 && deadline < outcome.deadlines.count ? outcome.deadlines[deadline] : nil
        fields += [next?.id ?? "", next?.date.description ?? "", decision.rule.id]
        suffixBytes.removeLast(Self.readPadding)
        if format == .csv {
            for field in fields {
                suffixBytes.append(delimiter)
                CSVField.append(field, to: &suffixBytes, delimiter: delimiter)
            }
            suffixBytes += [delimiter, 0x0A]
        }
        suffixStart.append(suffixBytes.count)
        suffixBytes += [UInt8](repeating: 0, count: Self.readPadding)
        outcomes.append((outcome.cohort, outcome.status))
        jsonParts.append(format == .jsonl ? Self.jsonParts(of: decision) : ([], []))
        jsonPerRow.append(outcome.actions.contains { $0.dependsOnInput })
        entries[key] = outcomes.count - 1
        return outcomes.count - 1
    }

    /// The decision's JSON around its `input` member, which every row writes itself: the
    /// object's opening and `policy` member, and the outcome's members without braces.
    private static func jsonParts(of decision: Decision) -> (head: [UInt8], tail: [UInt8]) {
        let head = Array(("{" + member("policy", decision.policyJSON)).utf8)
        return (head, tail(of: decision))
    }

    /// The outcome's members without braces, as a decision's JSON has them after `input`.
    static func tail(of decision: Decision) -> [UInt8] {
        Array(decision.outcomeJSONMembers.map { member($0.0, $0.1) }.joined(separator: ",").utf8)
    }

    /// `"name":value`, as a member of a JSON object.
    private static func member(_ name: String, _ value: JSONValue) -> String {
        JSONValue.string(name).rendered() + ":" + value.rendered()
    }
}
