import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The fast loop of a roster run (``RosterFastRows``, rows written from the reader's buffer and
/// the memo of decisions) against the reference, which decides every row and reads byte by
/// byte: on seeded random rosters mixing the rows the loop writes with every record it must
/// leave to the general path, at many buffer, chunk and writer sizes, with `,`, `;` and a tab,
/// on one table and on a history of two, sequential and in parallel. Every run must write the
/// same bytes, report the same bad rows, progress and summary, and stop at the same malformed
/// record with the same error. The time limit turns a loop that spins (one that stops finding
/// record ends) into a failure.
@Suite("Roster fast rows: random rosters against deciding every row", .timeLimit(.minutes(2)))
struct RosterFastRowsTests {
    /// How one run reads and writes.
    struct Config: CustomStringConvertible {
        var memo = true
        var vectorized = true
        /// Whether the AVX2 loop writes the rows the memo knows, where the processor has it.
        var avx2 = true
        var sourceChunk = 4096
        var readerChunk = 4096
        var writerCapacity = 4096
        var description: String {
            "memo \(memo ? "on" : "off"), \(vectorized ? "vectorized" : "byte-at-a-time") reader, "
                + "\(avx2 ? "AVX2 loop where available" : "Swift loop"), "
                + "source chunks of \(sourceChunk), reader chunks of \(readerChunk), writer of \(writerCapacity)"
        }
    }

    /// The reference: every row decided, every byte through the state machine.
    static let reference = Config(memo: false, vectorized: false)

    /// A sequential run's outcome, and the rows at each progress report.
    static func run(
        _ roster: [UInt8], tables: RosterTables, delimiter: UInt8, config: Config, interval: Int
    ) throws -> (outcome: RosterParallelTests.Outcome, progress: [Int]) {
        var processor = RosterProcessor(
            tables: tables, defaultAsOf: TestSupport.date("2026-01-15"), format: .csv,
            options: RosterOptions(inputDelimiter: delimiter))
        processor.usesMemo = config.memo
        processor.usesAVX2Rows = config.avx2
        processor.progressInterval = interval
        var outcome = RosterParallelTests.Outcome()
        var progress: [Int] = []
        let writer = BufferedWriter(capacity: config.writerCapacity) { outcome.output.append(contentsOf: $0) }
        var options = CSVReader.Options(chunkSize: config.readerChunk, delimiter: delimiter)
        options.vectorized = config.vectorized
        let reader = CSVReader(source: MemorySource(roster, chunkSize: config.sourceChunk), options: options)
        do {
            outcome.summary = try processor.run(
                reader: reader, writer: writer, onBadRow: { outcome.badRows.append($0) },
                onProgress: { rows, _ in progress.append(rows) })
        } catch {
            outcome.error = describe(error)
        }
        try writer.flush()
        return (outcome, progress)
    }

    /// A parallel run's outcome on the roster in the file open at `descriptor`.
    static func runParallel(
        _ roster: [UInt8], descriptor: Int32, tables: RosterTables, delimiter: UInt8, readerChunk: Int,
        jobs: Int, partBytes: Int
    ) throws -> RosterParallelTests.Outcome {
        let processor = RosterProcessor(
            tables: tables, defaultAsOf: TestSupport.date("2026-01-15"), format: .csv,
            options: RosterOptions(inputDelimiter: delimiter))
        var outcome = RosterParallelTests.Outcome()
        let writer = BufferedWriter(capacity: 100) { outcome.output.append(contentsOf: $0) }
        do {
            outcome.summary = try processor.run(
                fileDescriptor: descriptor, size: roster.count,
                readerOptions: CSVReader.Options(chunkSize: readerChunk, delimiter: delimiter), jobs: jobs,
                partBytes: partBytes, writer: writer, onBadRow: { outcome.badRows.append($0) })
        } catch {
            outcome.error = describe(error)
        }
        try writer.flush()
        return outcome
    }

    /// An error with its kind and line, so that two runs agree only when both are the same.
    static func describe(_ error: RosterError) -> String {
        guard case .malformed(let problem) = error else { return error.description }
        return "line \(problem.line): \(problem.kind): \(problem.description)"
    }

    /// Records how `actual` differs from `expected` (the first differing output line, the first
    /// differing bad row); returns whether they are the same.
    @discardableResult
    static func compare(
        _ expected: RosterParallelTests.Outcome, _ actual: RosterParallelTests.Outcome, _ name: String
    ) -> Bool {
        var same = true
        if actual.output != expected.output {
            same = false
            let expectedLines = expected.output.split(separator: 0x0A, omittingEmptySubsequences: false)
            let actualLines = actual.output.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = Self.firstDifference(expectedLines, actualLines)
            Issue.record(
                """
                \(name): output line \(line + 1) differs (\(expected.output.count) bytes expected, \
                \(actual.output.count) written)
                expected: \(shown(expectedLines, line))
                written:  \(shown(actualLines, line))
                """)
        }
        if actual.badRows != expected.badRows {
            same = false
            let index = Self.firstDifference(expected.badRows, actual.badRows)
            let shownRow = { (rows: [RosterBadRow]) in
                index < rows.count ? "line \(rows[index].line): \(rows[index].message)" : "none"
            }
            let rows = (expected: shownRow(expected.badRows), actual: shownRow(actual.badRows))
            Issue.record("\(name): bad row \(index + 1) differs: expected \(rows.expected), got \(rows.actual)")
        }
        if actual.summary != expected.summary {
            same = false
            let summaries = (expected: String(describing: expected.summary), actual: String(describing: actual.summary))
            Issue.record("\(name): summary \(summaries.actual), expected \(summaries.expected)")
        }
        if actual.error != expected.error {
            same = false
            Issue.record("\(name): error \(actual.error ?? "none"), expected \(expected.error ?? "none")")
        }
        return same
    }

    /// The first index at which `first` and `second` differ.
    static func firstDifference<Element: Equatable>(_ first: [Element], _ second: [Element]) -> Int {
        zip(first, second).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(first.count, second.count)
    }

    /// Line `index` of `lines`, escaped and cut short.
    static func shown(_ lines: [ArraySlice<UInt8>], _ index: Int) -> String {
        guard index < lines.count else { return "(no such line)" }
        let text = String(decoding: lines[index], as: UTF8.self).debugDescription
        return text.count > 300 ? text.prefix(300) + "…" : text
    }

    /// Checks every configuration, and the parallel path with `partBytes`, against the
    /// reference on `roster`; returns the reference's outcome. Stops at the first configuration
    /// that differs.
    @discardableResult
    static func check(
        _ roster: [UInt8], tables: RosterTables, delimiter: UInt8, configs: [Config], partBytes: [Int] = [],
        interval: Int = 4096, name: String
    ) throws -> RosterParallelTests.Outcome {
        let (expected, expectedProgress) = try run(
            roster, tables: tables, delimiter: delimiter, config: reference, interval: interval)
        for config in configs {
            let (outcome, progress) = try run(
                roster, tables: tables, delimiter: delimiter, config: config, interval: interval)
            guard compare(expected, outcome, "\(name), \(config)") else { return expected }
            #expect(progress == expectedProgress, "\(name), \(config): progress reports")
        }
        guard !partBytes.isEmpty else { return expected }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fast-rows-\(UUID().uuidString)")
        try Data(roster).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        for (index, size) in partBytes.enumerated() {
            let readerChunk = index % 2 == 0 ? 16 : 4096
            let outcome = try runParallel(
                roster, descriptor: descriptor, tables: tables, delimiter: delimiter, readerChunk: readerChunk,
                jobs: 2, partBytes: size)
            guard compare(expected, outcome, "\(name), 2 jobs, parts of \(size) bytes, reader chunks of \(readerChunk)")
            else { return expected }
        }
        return expected
    }

    /// The tables a roster is decided with.
    enum Tables: CustomStringConvertible {
        case one, history, threeInputs
        var description: String {
            switch self {
            case .one: "one table"
            case .history: "a history"
            case .threeInputs: "three year inputs"
            }
        }
    }

    /// The 2026 table; with the 2027 example after it; or with a third year input, whose memo
    /// keys take more than one word.
    static func tables(_ kind: Tables) throws -> RosterTables {
        switch kind {
        case .one:
            return try RosterTables([TestSupport.table2026()])
        case .history:
            let newer = try TestSupport.compiled(
                TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml")))
            return try RosterTables([TestSupport.table2026(), newer])
        case .threeInputs:
            let input =
                "  cpr_expires:\n    type: year\n    label: year the CPR card expires\n"
                + "    domain: {from: cycle - 4, to: cycle + 6}\n    none: true\n"
            let text = try TestSupport.table2026Text().replacingFirst(
                "  as_of:\n    type: date", with: input + "  as_of:\n    type: date")
            let table = try TestSupport.compiled(TableLoader.load(yaml: text, file: "three-inputs.yaml"))
            let tables = try RosterTables([table])
            #expect(tables.yearInputNames == ["ma_expires", "nr_expires", "cpr_expires"])
            return tables
        }
    }

    @Test(
        "random rosters: memo on and off, vectorized and byte-at-a-time, many buffer sizes, parallel",
        arguments: 1...20 as ClosedRange<UInt64>)
    func randomRosters(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &* 7919)
        let cases: [(delimiter: UInt8, tables: Tables)] = [
            (0x2C, seed % 2 == 0 ? .history : .one), (0x3B, seed % 2 == 1 ? .history : .one),
            (seed % 3 == 0 ? 0x09 : 0x2C, .history), (seed % 2 == 0 ? 0x2C : 0x3B, .threeInputs),
        ]
        for (number, (delimiter, kind)) in cases.enumerated() {
            let tables = try Self.tables(kind)
            let malformed = (seed + UInt64(number)) % 3 == 0
            let roster = Self.roster(
                seed: seed &* 100 &+ UInt64(number), rows: 200, delimiter: delimiter, malformed: malformed,
                moreYears: kind == .threeInputs ? ["cpr_expires"] : [])
            var configs: [Config] = []
            for (memo, vectorized) in [(true, true), (false, true), (true, false)] {
                configs += [
                    Config(memo: memo, vectorized: vectorized),
                    Config(memo: memo, vectorized: vectorized, sourceChunk: 16, readerChunk: 16, writerCapacity: 64),
                    Config(memo: memo, vectorized: vectorized, sourceChunk: 17, readerChunk: 16, writerCapacity: 256),
                ]
            }
            configs += [
                Config(avx2: false),
                Config(avx2: false, sourceChunk: 16, readerChunk: 16, writerCapacity: 64),
                Config(avx2: false, sourceChunk: 31, readerChunk: 64, writerCapacity: 64),
                Config(sourceChunk: 31, readerChunk: 64, writerCapacity: 64),
                Config(sourceChunk: 29, readerChunk: 100),
                Config(sourceChunk: 64, readerChunk: 37, writerCapacity: 4096),
                Config(sourceChunk: 1, readerChunk: 16),
                Config(
                    sourceChunk: 1 + random.next(80), readerChunk: 16 + random.next(40),
                    writerCapacity: 64 + random.next(1000)),
            ]
            let name = "seed \(seed), roster \(number) (delimiter \(delimiter), \(kind))"
            let expected = try Self.check(
                roster.bytes, tables: tables, delimiter: delimiter, configs: configs,
                partBytes: [29 + random.next(40), 200 + random.next(300)], interval: [7, 4096, 1][Int(seed % 3)],
                name: name)
            if malformed {
                #expect(expected.error?.hasPrefix("line \(roster.malformedLine):") == true, "\(name): \(expected)")
            } else {
                #expect(expected.error == nil, "\(name): \(expected)")
                #expect(expected.summary?.rows == roster.rows, "\(name): \(expected)")
                // Enough rows decided for the memo to write many.
                #expect((expected.summary?.badRows ?? roster.rows) < roster.rows * 2 / 3, "\(name): \(expected)")
            }
        }
    }

    @Test(
        "records straddle the end of the reader's buffer at every offset",
        arguments: [(16, false), (64, false), (100, false), (16, true), (64, true)])
    func everyOffset(readerChunk: Int, malformed: Bool) throws {
        let tables = try Self.tables(.one)
        let roster = Self.roster(seed: 4242 + UInt64(readerChunk), rows: 80, delimiter: 0x2C, malformed: malformed)
        let configs = (1...readerChunk).map {
            Config(
                avx2: $0 % 2 == 0, sourceChunk: $0, readerChunk: readerChunk, writerCapacity: $0 % 5 == 0 ? 64 : 4096)
        }
        let expected = try Self.check(
            roster.bytes, tables: tables, delimiter: 0x2C, configs: configs, interval: 5,
            name: "reader chunks of \(readerChunk)")
        #expect((expected.error != nil) == malformed, "\(expected)")
    }

    @Test(
        "a malformed cell in a row the memo knows stops every path at its line, after the same output",
        arguments: malformedCells + ["\"never closed"])
    func malformedKnownRow(cell: String) throws {
        let tables = try Self.tables(.one)
        // Rows of a few inputs and days, so that the memo knows most of them.
        let rows = (0..<48).map { row in
            let name = row % 5 == 0 ? "\"Doe, Jane\"" : "Jane Doe"
            return ["P\(row)", name, "\(2024 + row % 3)", "\(2025 + row % 2)", "2026-0\(1 + row % 3)-15"]
        }
        for broken in stride(from: 17, to: 48, by: 6) {
            for column in [1, 2, 4] {
                var lines = rows
                lines[broken][column] = cell
                let text =
                    "id,name,ma_expires,nr_expires,as_of\n"
                    + lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
                let configs =
                    [16, 23, 64, 4096].map { Config(sourceChunk: $0, readerChunk: 64) } + [
                        Config(avx2: false, sourceChunk: 23, readerChunk: 64)
                    ]
                let expected = try Self.check(
                    Array(text.utf8), tables: tables, delimiter: 0x2C, configs: configs, partBytes: [61, 500],
                    name: "`\(cell)` in row \(broken), column \(column)")
                // A quote never closed runs on to the next quote, and the error is found there.
                let line = cell.hasPrefix("\"never") ? "" : "line \(broken + 2):"
                #expect(expected.error?.hasPrefix(line) == true, "\(expected)")
            }
        }
    }
}
