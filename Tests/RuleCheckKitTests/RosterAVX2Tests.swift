import Foundation
import Testing

@testable import RuleCheckKit

/// The AVX2 row loop (`CRosterRows`) is chosen exactly where the processor has what it needs,
/// so that tests and benchmarks on such a machine run it; a check that wrongly answers no (and
/// leaves every run on the Swift loop) fails here. Its output is compared with the reference in
/// ``RosterFastRowsTests``, with and without it.
@Suite("Roster AVX2 loop")
struct RosterAVX2Tests {
    @Test("the AVX2 loop is chosen on x86-64 processors with AVX2, BMI1, BMI2, POPCNT and PCLMULQDQ")
    func dispatch() throws {
        // The loop reads the memo's keys as three 64-bit words.
        #expect(MemoryLayout<RosterDecisionMemo.Key>.size == 24)
        #expect(MemoryLayout<RosterDecisionMemo.Key>.stride == 24)
        #if arch(x86_64) && os(Linux)
            let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
            let flagLine = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
            let flags = Set(flagLine.split(separator: " ").map(String.init))
            let expected = ["avx", "avx2", "bmi1", "bmi2", "popcnt", "pclmulqdq"].allSatisfy(flags.contains)
            #expect(RosterFastRows.avx2Available == expected, "flags: \(flags.sorted().joined(separator: " "))")
        #elseif !arch(x86_64)
            #expect(!RosterFastRows.avx2Available)
        #endif
    }
}
