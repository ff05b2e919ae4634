import Benchmark
import Foundation
import RuleCheckKit
import RuleEngine

/// A generated 1,000,000-row roster in a temporary file, made once per run.
private final class Roster: Sendable {
    static let rows = 1_000_000
    let path: String?

    init() {
        let path = NSTemporaryDirectory() + "rulecheck-bench-roster-\(Roster.rows).csv"
        guard let table = load2026(), FileManager.default.createFile(atPath: path, contents: nil) else {
            self.path = nil
            return
        }
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        defer { close(descriptor) }
        let writer = BufferedWriter(fileDescriptor: descriptor)
        do {
            try RosterGenerator(table: table, seed: 1).write(rows: Roster.rows, to: writer)
            try writer.flush()
            self.path = path
        } catch {
            self.path = nil
        }
    }

    static let shared = Roster()
}

/// Reads the roster and decides every row, writing CSV to /dev/null: the work of
/// `rulecheck batch` without process start-up.
private func runBatch(_ path: String, table: CompiledTable) -> Int {
    let input = open(path, O_RDONLY)
    let output = open("/dev/null", O_WRONLY)
    defer {
        close(input)
        close(output)
    }
    guard let tables = try? RosterTables([table]), let day = LocalDate(iso: "2026-01-15") else { return 0 }
    let processor = RosterProcessor(tables: tables, defaultAsOf: day)
    let reader = CSVReader(source: FileDescriptorSource(fileDescriptor: input))
    let summary = try? processor.run(reader: reader, writer: BufferedWriter(fileDescriptor: output), onBadRow: { _ in })
    return summary?.rows ?? 0
}

/// Reads the roster in the same 64 KiB chunks and does nothing else: the floor for batch.
private func rawRead(_ path: String) -> Int {
    let input = open(path, O_RDONLY)
    defer { close(input) }
    var source = FileDescriptorSource(fileDescriptor: input)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)
    defer { buffer.deallocate() }
    var total = 0
    while let count = try? source.read(into: buffer), count > 0 { total += count }
    return total
}

func batchBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(30),
        maxIterations: 10)
    Benchmark("batch: 1M-row roster, decide and write CSV", configuration: configuration) { benchmark in
        guard let path = Roster.shared.path, let table = load2026() else { return }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(runBatch(path, table: table)) }
    }
    Benchmark("batch: 1M-row roster, raw read only", configuration: configuration) { benchmark in
        guard let path = Roster.shared.path else { return }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(rawRead(path)) }
    }
}
