import RuleEngine

/// The outcome-cache entry of each input already decided, by the inputs' codes and the day:
/// a row whose cells were decided before (on any day of the same interval) is written without
/// deciding again. A decision holds from its day through its `validThrough` day, and its next
/// deadline through that deadline's last day in time, so one decision fills a run of days.
///
/// Combinations of codes are kept in an open-addressing table (at most three quarters full;
/// once full, new combinations are decided row by row as before), each with one entry per day
/// of the tables' windows. One per thread; not `Sendable`.
final class RosterDecisionMemo {
    /// The most inputs a key holds: a run with more decides every row.
    static let maxInputs = 6

    /// An input's codes, two per word (``YearValues/noneCode`` for `none`).
    struct Key: Equatable {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
        }

        /// Sets input `index`'s code (inputs 0 to `maxInputs - 1`; others are ignored, so a run
        /// with more inputs must not use the memo).
        @inline(__always)
        mutating func set(_ index: Int, _ code: Int32) {
            guard UInt(bitPattern: index) < UInt(RosterDecisionMemo.maxInputs) else { return }
            // A homogeneous tuple is laid out as consecutive elements: code `i` in bytes 4i ..< 4i + 4.
            withUnsafeMutableBytes(of: &words) { $0.storeBytes(of: code, toByteOffset: index &* 4, as: Int32.self) }
        }
    }

    /// The first day remembered (the earliest window start).
    let firstDay: Int
    /// The fast readers of year and date cells.
    let cells = RosterFastCells()
    /// The number of days remembered from `firstDay`.
    let days: Int
    private let slotMask: Int
    private let maxUsed: Int
    private var used = 0
    private let keys: UnsafeMutablePointer<Key>
    private let occupied: UnsafeMutablePointer<Bool>
    /// `days` entries per slot: the outcome-cache entry plus one, or 0 when not known.
    private let entries: UnsafeMutablePointer<Int32>

    /// A memo over the days from `firstDay` through `lastDay`, of at most about `bytes` bytes.
    init(firstDay: Int, lastDay: Int, bytes: Int = 2 << 20) {
        self.firstDay = firstDay
        days = max(lastDay - firstDay + 1, 1)
        var slots = 16
        while slots * 2 * days * 4 <= bytes { slots *= 2 }
        slotMask = slots - 1
        maxUsed = slots * 3 / 4
        keys = .allocate(capacity: slots)
        occupied = .allocate(capacity: slots)
        occupied.initialize(repeating: false, count: slots)
        // Each slot's days are zeroed when the slot is taken, so that memory is touched only
        // for the combinations a roster holds.
        entries = .allocate(capacity: slots * days)
    }

    deinit {
        keys.deallocate()
        occupied.deallocate()
        entries.deallocate()
    }

    /// The slot of `key`, or -1 when it has none.
    @inline(__always)
    func slot(of key: Key) -> Int {
        var slot = Self.hash(key) & slotMask
        while occupied[slot] {
            if keys[slot] == key { return slot }
            slot = (slot &+ 1) & slotMask
        }
        return -1
    }

    /// The entry `slot` remembers for `day`, or -1.
    @inline(__always)
    func entry(slot: Int, day: Int) -> Int {
        let offset = day &- firstDay
        guard slot >= 0, UInt(bitPattern: offset) < UInt(days) else { return -1 }
        return Int(entries[slot &* days &+ offset]) &- 1
    }

    /// The slot of `key`, made if there is room; -1 when the table is full.
    func insert(_ key: Key) -> Int {
        var slot = Self.hash(key) & slotMask
        while occupied[slot] {
            if keys[slot] == key { return slot }
            slot = (slot &+ 1) & slotMask
        }
        guard used < maxUsed else { return -1 }
        used += 1
        occupied[slot] = true
        keys[slot] = key
        (entries + slot * days).initialize(repeating: 0, count: days)
        return slot
    }

    /// Whether `slot` knows nothing yet of `day` (a day outside the memo is known: not to ask).
    func isUnknown(slot: Int, day: Int) -> Bool {
        let offset = day - firstDay
        return offset >= 0 && offset < days && entries[slot * days + offset] == 0
    }

    /// Remembers `entry` for the days `from ... through` of `slot` (clipped to the memo's days).
    func fill(slot: Int, from: Int, through: Int, entry: Int) {
        let first = max(from - firstDay, 0)
        let last = min(through - firstDay, days - 1)
        guard first <= last else { return }
        (entries + slot * days + first).update(repeating: Int32(truncatingIfNeeded: entry + 1), count: last - first + 1)
    }

    @inline(__always)
    private static func hash(_ key: Key) -> Int {
        let mixed = (key.words.0 ^ key.words.1 &* 0x9E37_79B9_7F4A_7C15 ^ key.words.2 &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }
}
