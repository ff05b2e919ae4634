import CRosterRows
import RuleEngine

/// The day number of each `YYYY-MM-DD` date cell already read, by the cell's ten bytes, in a
/// small open-addressing table in front of ``RosterFastCells/isoDay(_:)``: a roster names a few
/// hundred dates, so most date cells cost a hash and a compare instead of a parse. Only cells
/// that ``RosterFastCells/isoDay(_:)`` read are kept, so a hit is the day that reader gives;
/// once the table is a quarter full, new cells are read each time. One per thread; not
/// `Sendable`.
final class RosterDateCache {
    /// The number of slots (a power of two), and the most that are used.
    static let slotCount = 4096
    static let maxUsed = slotCount / 4
    /// Each slot: a cell's ten bytes (the first eight, then the last two) and its day number,
    /// laid out in C for the AVX2 row loop. `Int32.min` in an empty slot: no day a memo holds,
    /// so a cell of ten NUL bytes that matches an empty slot is not found in the memo either. A
    /// day read is never `Int32.min` (``RosterFastCells`` reads years 1900 to 2299).
    let slots: UnsafeMutablePointer<CRosterDateSlot>
    private var used = 0
    /// The reader of the cells not yet in the table.
    let cells = RosterFastCells()

    /// An empty table.
    init() {
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: CRosterDateSlot(head: 0, tail: 0, day: Int32.min), count: Self.slotCount)
    }

    deinit { slots.deallocate() }

    /// The day number of the ten bytes at `bytes`, a date cell: from the table, or read by
    /// ``RosterFastCells/isoDay(_:)`` and kept; `nil` when that reader leaves the cell to the
    /// general one.
    @inline(__always)
    func day(_ bytes: UnsafePointer<UInt8>) -> Int? {
        let raw = UnsafeRawPointer(bytes)
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let tail = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        // The same hash as the AVX2 row loop's (`CRosterRows`), which reads these slots too.
        var index = Int(truncatingIfNeeded: ((head ^ UInt64(tail)) &* 0xC2B2_AE3D_27D4_EB4F) >> 52)
        while true {
            let slot = slots + index
            if slot.pointee.head == head && slot.pointee.tail == tail { return Int(slot.pointee.day) }
            if slot.pointee.day == Int32.min { return read(bytes, into: slot, head: head, tail: tail) }
            index = (index &+ 1) & (Self.slotCount &- 1)
        }
    }

    /// Reads a cell the table does not hold and keeps it in the empty `slot` when the fast
    /// reader reads it and the table has room.
    @inline(never)
    private func read(
        _ bytes: UnsafePointer<UInt8>, into slot: UnsafeMutablePointer<CRosterDateSlot>, head: UInt64, tail: UInt16
    )
        -> Int?
    {
        guard let day = cells.isoDay(UnsafeBufferPointer(start: bytes, count: 10)) else { return nil }
        if used < Self.maxUsed {
            used += 1
            slot.pointee = CRosterDateSlot(head: head, tail: tail, day: Int32(truncatingIfNeeded: day))
        }
        return day
    }
}
