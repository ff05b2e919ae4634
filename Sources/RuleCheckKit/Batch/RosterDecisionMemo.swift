import CRosterRows
import RuleEngine

/// The outcome-cache entry of each input already decided, by the year cells' bytes and the
/// day: a row whose cells were decided before (on any day of the same interval) is written
/// without deciding again. A decision holds from its day through its `validThrough` day, and its next
/// deadline through that deadline's last day in time, so one decision fills a run of days.
///
/// Combinations of codes are kept in an open-addressing table (at most three quarters full;
/// once full, new combinations are decided row by row as before), each with one entry per day
/// of the tables' windows. One per thread; not `Sendable`.
final class RosterDecisionMemo {
    /// The most inputs a key holds: a run with more decides every row.
    static let maxInputs = 6

    /// The year cells' keys (``RosterFastCells/yearKey(_:)``), two per word.
    struct Key: Equatable {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

        @inline(__always)
        static func == (lhs: Key, rhs: Key) -> Bool {
            (lhs.words.0 ^ rhs.words.0) | (lhs.words.1 ^ rhs.words.1) | (lhs.words.2 ^ rhs.words.2) == 0
        }

        /// Sets input `index`'s cell key, once, in a key made empty: bits `32 (i % 2) ..< 32 (i % 2) + 32`
        /// of word `i / 2` (inputs 0 to `maxInputs - 1`; others are ignored, so a run with more
        /// inputs must not use the memo).
        @inline(__always)
        mutating func set(_ index: Int, _ code: UInt32) {
            let bits = UInt64(code) &<< (UInt64(index & 1) &* 32)
            switch index >> 1 {
            case 0: words.0 |= bits
            case 1: words.1 |= bits
            case 2: words.2 |= bits
            default: return
            }
        }
    }

    /// The memo's storage, which a loop that only looks up copies into locals once (so that
    /// its stores elsewhere do not make it load them again for each row).
    struct Tables {
        /// The first day remembered (the earliest window start).
        let firstDay: Int
        /// The number of days remembered from `firstDay`.
        let days: Int
        /// The number of slots minus one (the slots are a power of two), and how far a key's
        /// mixed bits are shifted to give a slot.
        let slotMask: Int
        let hashShift: UInt64
        let keys: UnsafeMutablePointer<Key>
        let occupied: UnsafeMutablePointer<Bool>
        /// `days` entries per slot: the outcome-cache entry plus one, or 0 when not known.
        let entries: UnsafeMutablePointer<Int32>

        /// The slot where the search for `key` starts; `wide: false` for a key whose second
        /// and third words are 0 (which the full mix leaves as the first word).
        @inline(__always)
        func home(of key: Key, wide: Bool = true) -> Int {
            let mixed =
                wide
                ? key.words.0 ^ key.words.1 &* 0x9E37_79B9_7F4A_7C15 ^ key.words.2 &* 0xC2B2_AE3D_27D4_EB4F
                : key.words.0
            return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) &>> hashShift)
        }

        /// The slot of `key`, or -1 when it has none; `wide: false` when every key of the run has
        /// 0 in its second and third words, so that only the first is compared.
        @inline(__always)
        func slot(of key: Key, wide: Bool = true) -> Int {
            var slot = home(of: key, wide: wide)
            while occupied[slot] {
                if wide ? keys[slot] == key : keys[slot].words.0 == key.words.0 { return slot }
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
    }

    /// The storage.
    let tables: Tables
    /// The days of the date cells read so far.
    let dates = RosterDateCache()
    private let maxUsed: Int
    private var used = 0

    /// The first day remembered (the earliest window start).
    var firstDay: Int { tables.firstDay }
    /// The number of days remembered from `firstDay`.
    var days: Int { tables.days }

    /// A memo over the days from `firstDay` through `lastDay`, of at most about `bytes` bytes.
    init(firstDay: Int, lastDay: Int, bytes: Int = 2 << 20) {
        let days = max(lastDay - firstDay + 1, 1)
        var slots = 16
        var bits: UInt64 = 4
        while slots * 2 * days * 4 <= bytes {
            slots *= 2
            bits += 1
        }
        maxUsed = slots * 3 / 4
        let occupied = UnsafeMutablePointer<Bool>.allocate(capacity: slots)
        occupied.initialize(repeating: false, count: slots)
        // A free slot's key starts with a word no key the AVX2 loop reads holds (`CRosterRows`),
        // where that loop's search stops.
        let keys = UnsafeMutablePointer<Key>.allocate(capacity: slots)
        keys.initialize(repeating: Key(words: (CRosterRowsVacantKey, 0, 0)), count: slots)
        // Each slot's days are zeroed when the slot is taken, so that memory is touched only
        // for the combinations a roster holds.
        tables = Tables(
            firstDay: firstDay, days: days, slotMask: slots - 1, hashShift: 64 - bits,
            keys: keys, occupied: occupied, entries: .allocate(capacity: slots * days))
    }

    deinit {
        tables.keys.deallocate()
        tables.occupied.deallocate()
        tables.entries.deallocate()
    }

    /// The slot of `key`, or -1 when it has none.
    @inline(__always)
    func slot(of key: Key) -> Int { tables.slot(of: key) }

    /// The entry `slot` remembers for `day`, or -1.
    @inline(__always)
    func entry(slot: Int, day: Int) -> Int { tables.entry(slot: slot, day: day) }

    /// The slot of `key`, made if there is room; -1 when the table is full.
    func insert(_ key: Key) -> Int {
        var slot = tables.home(of: key)
        while tables.occupied[slot] {
            if tables.keys[slot] == key { return slot }
            slot = (slot &+ 1) & tables.slotMask
        }
        guard used < maxUsed else { return -1 }
        used += 1
        tables.occupied[slot] = true
        tables.keys[slot] = key
        (tables.entries + slot * days).initialize(repeating: 0, count: days)
        return slot
    }

    /// Whether `slot` knows nothing yet of `day` (a day outside the memo is known: not to ask).
    func isUnknown(slot: Int, day: Int) -> Bool {
        let offset = day - firstDay
        return offset >= 0 && offset < days && tables.entries[slot * days + offset] == 0
    }

    /// Remembers `entry` for the days `from ... through` of `slot` (clipped to the memo's days).
    func fill(slot: Int, from: Int, through: Int, entry: Int) {
        let first = max(from - firstDay, 0)
        let last = min(through - firstDay, days - 1)
        guard first <= last else { return }
        (tables.entries + slot * days + first).update(
            repeating: Int32(truncatingIfNeeded: entry + 1), count: last - first + 1)
    }
}
