import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// A parallel roster run keeps to its memory budget whatever `--jobs` asks for: the plan gives
/// no more threads than processors or than the budget pays for, parts whose output fits what is
/// left, and the run never has more parts or input bytes in flight than the plan allows, while
/// writing what a run on one thread writes.
@Suite("Roster parallel memory budget")
struct RosterParallelBudgetTests {
    @Test(
        "every --jobs from 1 to 64 fits the budget, on any number of processors",
        arguments: [RosterFormat.csv, .jsonl], [0, RosterProcessor.memoBytes])
    func plans(format: RosterFormat, memoBytes: Int) {
        for processors in [1, 2, 3, 8, 64, 256] {
            for jobs in 1...64 {
                let plan = RosterParallelPlan(
                    jobs: jobs, processors: processors, format: format, memoBytes: memoBytes)
                let name = "\(format), memo \(memoBytes), \(jobs) jobs, \(processors) processors"
                #expect(plan.threads >= 1 && plan.threads <= min(jobs, processors), "\(name): \(plan.threads)")
                #expect(plan.window == 2 * plan.threads + 1, "\(name)")
                #expect(plan.threads * plan.bytesPerThread <= plan.budget / 2, "\(name)")
                // The output buffers of every part in flight and every thread's writer, at the
                // expansion assumed and at larger ones seen while running.
                for expansion in [plan.expansion, 20, 40] {
                    let part = plan.partBytes(expansion: expansion)
                    let held = plan.threads * plan.bytesPerThread + (plan.window + plan.threads) * part * expansion
                    #expect(held <= plan.budget, "\(name), output \(expansion)× the input: \(held) bytes")
                    #expect(plan.inputBytes(expansion: expansion) == plan.window * part, "\(name)")
                }
            }
        }
    }

    @Test("two jobs on two processors cut parts as before: 256 KiB for CSV, 64 KiB for JSON lines")
    func twoJobs() {
        let csv = RosterParallelPlan(jobs: 2, processors: 2, format: .csv, memoBytes: RosterProcessor.memoBytes)
        #expect(csv.threads == 2 && csv.window == 5 && csv.partBytes(expansion: csv.expansion) == 1 << 18)
        let jsonl = RosterParallelPlan(jobs: 2, processors: 2, format: .jsonl, memoBytes: 0)
        #expect(jsonl.threads == 2 && jsonl.window == 5 && jsonl.partBytes(expansion: jsonl.expansion) == 1 << 16)
        // 64 jobs on a machine of 2 processors decide on 2 threads, with the same parts.
        let many = RosterParallelPlan(jobs: 64, processors: 2, format: .csv, memoBytes: RosterProcessor.memoBytes)
        #expect(many == csv)
    }

    /// A run as `plan` says: its outcome and its window's accounting.
    static func run(
        _ roster: [UInt8], plan: RosterParallelPlan, format: RosterFormat
    ) throws -> (RosterParallelTests.Outcome, RosterPartWindow?) {
        let processor = RosterProcessor(
            tables: try RosterTables([TestSupport.table2026()]), defaultAsOf: TestSupport.date("2026-01-15"),
            format: format, options: RosterOptions())
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString)")
        try Data(roster).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var outcome = RosterParallelTests.Outcome()
        let writer = BufferedWriter(capacity: 100) { outcome.output.append(contentsOf: $0) }
        var window: RosterPartWindow?
        outcome.summary = try processor.run(
            fileDescriptor: descriptor, size: roster.count, readerOptions: CSVReader.Options(), plan: plan,
            writer: writer, onBadRow: { outcome.badRows.append($0) }, onProgress: { _, _ in }, window: &window)
        try writer.flush()
        return (outcome, window)
    }

    @Test("the parts in flight never hold more input than the plan allows", arguments: RosterFormat.allCases)
    func inFlight(format: RosterFormat) throws {
        let roster = try RosterParallelTests.generatedRoster(rows: 3000)
        let (reference, _) = try Self.run(
            roster, plan: RosterParallelPlan(threads: 1, window: 1, partBytes: roster.count), format: format)
        // Eight threads and seventeen parts of 512 bytes would put 8 KiB in flight; the plan allows 2 KiB.
        let bounded = RosterParallelPlan(threads: 8, window: 17, partBytes: 512, inputBytes: 2048)
        // A budget of 4 MiB on 64 processors: 4 threads, parts of about 10 KiB (JSON lines) or 40 KiB (CSV).
        let budgeted = RosterParallelPlan(
            jobs: 64, processors: 64, format: format, memoBytes: 0, budget: 4 << 20)
        #expect(budgeted.threads == 4)
        for plan in [bounded, budgeted] {
            let (outcome, window) = try Self.run(roster, plan: plan, format: format)
            #expect(outcome == reference, "\(plan): \(outcome) against \(reference)")
            let accounting = try #require(window)
            #expect(accounting.isEmpty && accounting.produced > 1, "\(plan)")
            #expect(accounting.mostParts <= plan.window, "\(plan)")
            #expect(accounting.mostInputBytes > 0)
            #expect(accounting.mostInputBytes <= plan.inputBytes(expansion: plan.expansion), "\(plan)")
        }
    }
}
