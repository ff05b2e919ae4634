import Foundation
import RuleEngine

extension RosterProcessor {
    /// Classifies the roster held in the regular file open at `fileDescriptor` (its first
    /// `size` bytes) on up to `jobs` threads, writing exactly what ``run(reader:writer:onBadRow:onProgress:)``
    /// writes. The file is cut into parts at record boundaries (``RosterSplitter``), each part is
    /// decided by a thread into its own output, and the outputs, bad rows and progress go out in
    /// the file's order from the calling thread; a malformed record stops the run after the
    /// output and bad rows before it, as in a sequential run. The threads, the parts in flight
    /// and their size fit a memory budget (``RosterParallelPlan``): no more threads than
    /// processors, and about 32 MiB on top of a run on one thread for any `jobs`. A `partBytes`
    /// fixes the parts' size (for tests), and then only their count is bounded.
    public func run(
        fileDescriptor: Int32, size: Int, readerOptions: CSVReader.Options = CSVReader.Options(), jobs: Int,
        partBytes: Int? = nil, writer: BufferedWriter, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void = { _, _ in }
    ) throws(RosterError) -> RosterSummary {
        let plan = RosterParallelPlan(
            jobs: jobs, processors: ProcessInfo.processInfo.activeProcessorCount, format: format,
            memoBytes: usesMemo && format == .csv ? Self.memoBytes : 0, partBytes: partBytes)
        var window: RosterPartWindow?
        return try run(
            fileDescriptor: fileDescriptor, size: size, readerOptions: readerOptions, plan: plan, writer: writer,
            onBadRow: onBadRow, onProgress: onProgress, window: &window)
    }

    /// ``run(fileDescriptor:size:readerOptions:jobs:partBytes:writer:onBadRow:onProgress:)`` as
    /// `plan` says, leaving in `window` the parts' accounting (the most held at once) when the
    /// header has been read.
    func run(
        fileDescriptor: Int32, size: Int, readerOptions: CSVReader.Options, plan: RosterParallelPlan,
        writer: BufferedWriter, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void, window: inout RosterPartWindow?
    ) throws(RosterError) -> RosterSummary {
        let header = CSVReader(
            source: FileRangeSource(fileDescriptor: fileDescriptor, start: 0, end: size), options: readerOptions)
        let layout: RosterLayout
        do throws(RosterError) {
            layout = try readHeader(header, writer: writer)
        } catch {
            if case .malformed = error { try? writer.flush() }
            throw error
        }
        var splitter = RosterSplitter(
            fileDescriptor: fileDescriptor, start: header.consumedBytes, end: size, line: header.nextLineNumber)
        defer { splitter.close() }
        let board = RosterPartBoard()
        let processor = self
        for _ in 0..<plan.threads {
            board.enter()
            let thread = Thread {
                processor.decideParts(
                    board: board, fileDescriptor: fileDescriptor, readerOptions: readerOptions, layout: layout)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        defer { board.join() }
        var parts = RosterPartWindow(plan: plan, start: header.consumedBytes)
        defer { window = parts }
        var next: RosterSplitter.Part?
        var splitting = true
        var rows = 0
        var badRows = 0
        while true {
            while splitting && parts.hasRoom {
                if next == nil {
                    do { next = try splitter.next(target: parts.partBytes) } catch {
                        board.cancel()
                        throw .malformed(CSVError(kind: .readFailed(error.description), line: 0))
                    }
                }
                guard let part = next else {
                    splitting = false
                    board.close()
                    break
                }
                guard parts.admits(part) else { break }
                board.add(part, index: parts.add(part))
                next = nil
            }
            guard !parts.isEmpty else { break }
            var result = board.result(parts.written)
            parts.wrote(end: result.end, outputBytes: result.output.count + (result.tail?.count ?? 0))
            rows += result.rows
            badRows += result.badRows.count
            for bad in result.badRows { onBadRow(bad) }
            do throws(RosterError) {
                try Self.writing { () throws(BufferedWriter.WriteError) in
                    try writer.write(result.output)
                    if let tail = result.tail { try writer.write(tail.bytes) }
                }
            } catch {
                board.cancel()
                throw error
            }
            board.recycle(&result.output)
            if let tail = result.tail { board.recycle(tail) }
            if let error = result.error {
                board.cancel()
                if case .malformed = error { try? writer.flush() }
                throw error
            }
            onProgress(rows, result.end)
        }
        try Self.writing { () throws(BufferedWriter.WriteError) in try writer.flush() }
        board.join()
        onProgress(rows, size)
        return Self.summary(rows: rows, badRows: badRows, counts: board.tallies)
    }

    /// One deciding thread: takes parts until there are none, each through its own reader into
    /// its own output, with one outcome cache for all of them.
    private func decideParts(
        board: RosterPartBoard, fileDescriptor: Int32, readerOptions: CSVReader.Options, layout: RosterLayout
    ) {
        var cache = RosterOutcomeCache(delimiter: options.outputDelimiter, format: format)
        var tally = RosterTally()
        // One reader and one writer for all the thread's parts: buffers allocated and freed per
        // part would be handed back to the system and faulted in again, page by page.
        let reader = CSVReader(
            source: FileRangeSource(fileDescriptor: fileDescriptor, start: 0, end: 0), options: readerOptions,
            startingLine: 1)
        // The writer's buffer becomes the part's `tail`, and `output` gets only what overflows it.
        var output: [UInt8] = []
        let writer = BufferedWriter(capacity: RosterPartBytes.capacity) { bytes in output.append(contentsOf: bytes) }
        while let next = board.take() {
            let (index, part) = next
            var result = RosterPartResult(end: part.end)
            reader.restart(
                source: FileRangeSource(fileDescriptor: fileDescriptor, start: part.start, end: part.end),
                startingLine: part.line)
            output = board.outputBuffer()
            let before = tally.rows
            do throws(RosterError) {
                try decideRows(
                    reader: reader, layout: layout, writer: writer, cache: &cache, tally: &tally,
                    onBadRow: { result.badRows.append($0) }, onProgress: { _, _ in })
            } catch {
                result.error = error
            }
            let tail = board.partBytes()
            (tail.pointer, tail.count) = writer.exchangeBuffer(tail.pointer)
            result.tail = tail
            result.rows = tally.rows - before
            result.output = output
            output = []  // the only reference left is the result's, so that the buffer can be reused
            board.finish(index, result)
        }
        board.leave(counts: tally.counts, outcomes: cache.outcomes)
    }
}
