import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The fast cell readers against ``RosterValue``'s general ones, and the memo of decisions
/// against deciding every row: whatever a fast path reads must be what the general path reads,
/// and a cell it does not read must be left to the general path (which gives the message).
@Suite("Roster fast paths: cells and the memo of decisions")
struct RosterFastPathTests {
    static func yearKey(_ text: [UInt8]) -> UInt32? {
        text.withUnsafeBufferPointer { RosterFastCells.yearKey($0) }
    }

    @Test(
        "year cells get a key only when empty or of four bytes (not four NULs), whatever the bytes mean",
        arguments: [
            ("2026", true), ("0000", true), ("none", true), ("NoNe", true), ("20a6", true), ("２", false),
            ("2026 ", false), (" 202", true), ("02026", false), ("202", false), ("", true),
            ("\u{0}\u{0}\u{0}\u{0}", false), ("2026\u{0}", false),
        ] as [(String, Bool)])
    func yearKeys(text: String, keyed: Bool) {
        #expect((Self.yearKey(Array(text.utf8)) != nil) == keyed, "`\(text)`")
    }

    @Test("two year cells share a key only when they are the same bytes, so the memo never mixes them up")
    func yearKeysAreTheBytes() {
        var random = SplitMix64(seed: 2026)
        let alphabet = Array("0123456789 nonNONE+-/:\t".utf8) + [0x00, 0x7F, 0xC3, 0xEF]
        var cellOf: [UInt32: [UInt8]] = [:]
        for _ in 0..<100_000 {
            let cell = random.next(5) == 0 ? [] : (0..<4).map { _ in alphabet[random.next(alphabet.count)] }
            guard let key = Self.yearKey(cell) else {
                #expect(cell.allSatisfy { $0 == 0 }, "only four NULs go without a key")
                continue
            }
            if let other = cellOf[key], other != cell {
                Issue.record("`\(other)` and `\(cell)` share the key \(key)")
                return
            }
            cellOf[key] = cell
        }
        #expect(cellOf.count > 1000, "the random cells should give many keys")
        #expect(cellOf[0] == [], "the empty cell's key is 0")
    }

    static func date(_ text: [UInt8], _ cells: RosterFastCells) -> (fast: Int?, general: RosterValue.Date) {
        text.withUnsafeBufferPointer { cell in (cells.isoDay(cell), RosterValue.date(cell, format: .iso)) }
    }

    @Test(
        "date cells the fast path reads, and look-alikes it leaves to the general path",
        arguments: [
            ("2026-01-15", true), ("2024-02-29", true), ("2000-02-29", true), ("1900-01-01", true),
            ("2299-12-31", true), ("2026-12-31", true), ("2026-02-30", false), ("2026-02-29", false),
            ("1900-02-29", false), ("2100-02-29", false), ("2026-2-3", false), ("2026-02-3 ", false),
            (" 2026-02-03", false), ("2026-13-01", false), ("2026-00-10", false), ("2026-01-00", false),
            ("2026-04-31", false), ("1899-12-31", false), ("2300-01-01", false), ("2026/01/15", false),
            ("2026-01-1a", false), ("+026-01-15", false), ("２０２６-01-15", false), ("2026-01-15\u{0}", false),
        ])
    func dateCells(text: String, fast: Bool) throws {
        let cells = RosterFastCells()
        let (day, general) = Self.date(Array(text.utf8), cells)
        #expect((day != nil) == fast, "`\(text)`")
        if let day { #expect(general == .date(LocalDate(dayNumber: day)), "`\(text)`") }
    }

    @Test("every day of 1899 to 2300 and every month and day number around them agree with the general path")
    func everyDate() {
        let cells = RosterFastCells()
        var read = 0
        for year in [1899, 1900, 1901, 1904, 1999, 2000, 2023, 2024, 2025, 2026, 2027, 2100, 2200, 2299, 2300] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let (fast, general) = Self.date(Array(text.utf8), cells)
                    if let fast {
                        read += 1
                        #expect(general == .date(LocalDate(dayNumber: fast)), "\(text)")
                    } else if (1900..<2300).contains(year) {
                        #expect(general == .invalid, "\(text) is read by the fast path when it is a date")
                    }
                }
            }
        }
        #expect(read == 13 * 365 + 3)  // 13 years of the table, of which 1904, 2000 and 2024 are leap years
    }

    @Test("random date cells: the fast path never disagrees with the general one")
    func randomDateCells() {
        let cells = RosterFastCells()
        var random = SplitMix64(seed: 15)
        let alphabet = Array("0123456789-- /".utf8) + [0x00, 0x2C, 0x3A, 0xC3]
        for _ in 0..<200_000 {
            var cell = Array(
                String(format: "%04d-%02d-%02d", 1890 + random.next(420), random.next(14), random.next(33)).utf8)
            // Now and then, a byte changed, added or taken away.
            switch random.next(4) {
            case 0: cell[random.next(cell.count)] = alphabet[random.next(alphabet.count)]
            case 1: cell.insert(alphabet[random.next(alphabet.count)], at: random.next(cell.count + 1))
            case 2: cell.remove(at: random.next(cell.count))
            default: break
            }
            let (fast, general) = Self.date(cell, cells)
            if let fast, general != .date(LocalDate(dayNumber: fast)) {
                Issue.record("`\(String(decoding: cell, as: UTF8.self))`: fast \(fast), \(general)")
                return
            }
        }
    }
}
