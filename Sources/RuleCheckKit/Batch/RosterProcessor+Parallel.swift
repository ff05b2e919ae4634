import Foundation
import RuleEngine

extension RosterProcessor {
    /// Classifies the roster held in the regular file open at `fileDescriptor` (its first
    /// `size` bytes) with `jobs` threads, writing exactly what ``run(reader:writer:onBadRow:onProgress:)``
    /// writes. The file is cut into parts at record boundaries (``RosterSplitter``), each part is
    /// decided by a thread into its own output, and the outputs, bad rows and progress go out in
    /// the file's order from the calling thread; a malformed record stops the run after the
    /// output and bad rows before it, as in a sequential run. At most `2 × jobs + 1` parts are in
    /// memory at once, each of about `partBytes` bytes of input.
    public func run(
        fileDescriptor: Int32, size: Int, readerOptions: CSVReader.Options = CSVReader.Options(), jobs: Int,
        partBytes: Int? = nil, writer: BufferedWriter, onBadRow: (RosterBadRow) -> Void,
        onProgress: (_ rows: Int, _ bytesRead: Int) -> Void = { _, _ in }
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
        let jobs = min(max(jobs, 1), 64)
        let window = 2 * jobs + 1
        // JSON lines are about ten times the input; keep the parts in memory to a few MiB.
        let target = max(partBytes ?? (format == .csv ? 1 << 18 : 1 << 16), 1)
        var splitter = RosterSplitter(
            fileDescriptor: fileDescriptor, start: header.consumedBytes, end: size, line: header.nextLineNumber)
        defer { splitter.close() }
        let board = RosterPartBoard()
        let processor = self
        for _ in 0..<jobs {
            board.enter()
            let thread = Thread {
                processor.decideParts(
                    board: board, fileDescriptor: fileDescriptor, readerOptions: readerOptions, layout: layout)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        defer { board.join() }
        var produced = 0
        var written = 0
        var splitting = true
        var rows = 0
        var badRows = 0
        while true {
            while splitting && produced - written < window {
                let part: RosterSplitter.Part?
                do { part = try splitter.next(target: target) } catch {
                    board.cancel()
                    throw .malformed(CSVError(kind: .readFailed(error.description), line: 0))
                }
                guard let part else {
                    splitting = false
                    board.close()
                    break
                }
                board.add(part, index: produced)
                produced += 1
            }
            guard written < produced else { break }
            var result = board.result(written)
            written += 1
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
