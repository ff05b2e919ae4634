import Foundation
import FuzzSupport
import RuleEngine

/// The slowest seed's load-and-analysis time, times 10: set by `main` before fuzzing starts.
nonisolated(unsafe) var limit: UInt64 = 0

/// The nanoseconds to load (parse, check, compile and analyse) `bytes`: the least of `runs` tries.
func cost(_ bytes: [UInt8], runs: Int) -> UInt64 {
    var best = UInt64.max
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = TableLoader.load(bytes: bytes, file: "fuzz.yaml")
        best = min(best, DispatchTime.now().uptimeNanoseconds - start)
    }
    return best
}

/// One fuzz input: fails (abort, so libFuzzer keeps the input) when loading it costs more than
/// ten times the slowest seed, measured with the same build. A slow try is repeated twice and
/// only the least of the three counts, so a busy machine does not fail the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalysisCost(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    guard cost(bytes, runs: 1) > limit, cost(bytes, runs: 2) > limit else { return 0 }
    FileHandle.standardError.write(
        Data("analysis-cost cliff: \(size) bytes take over \(limit / 1_000_000) ms (10× the slowest seed)\n".utf8))
    abort()
}

@main
struct FuzzAnalysisCostMain {
    /// Measures the seeds (the `FUZZ_SEEDS` folder) and fuzzes.
    static func main() {
        let folder = ProcessInfo.processInfo.environment["FUZZ_SEEDS"] ?? "Corpus/analysis"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var slowest: UInt64 = 0
        for name in names {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
            else { continue }
            slowest = max(slowest, cost(Array(data), runs: 3))
        }
        limit = max(slowest, 1_000_000) * 10
        FileHandle.standardError.write(
            Data("analysis-cost: slowest of \(names.count) seeds \(slowest / 1000) µs; limit \(limit / 1000) µs\n".utf8)
        )
        FuzzDriver.run(fuzzAnalysisCost)
    }
}
