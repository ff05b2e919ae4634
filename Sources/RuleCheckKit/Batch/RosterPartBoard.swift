import Foundation
import RuleEngine

/// What one part of a roster came to: its output bytes, its bad rows in line order, its row
/// counts, and the error that stopped it, if any.
struct RosterPartResult: Sendable {
    /// The byte after the part's last, for progress reports.
    var end: Int
    /// The part's output, written in the file's order by the thread that writes: what the
    /// deciding thread's writer let go of while the part was decided (nothing, unless the output
    /// outgrew the writer's buffer), then `tail`, the buffer itself.
    var output: [UInt8] = []
    var tail: RosterPartBytes?
    /// The part's bad rows, in line order.
    var badRows: [RosterBadRow] = []
    /// The data rows read.
    var rows = 0
    /// What stopped the part (a malformed record); the output holds what was decided before it.
    var error: RosterError?
}

/// The parts of a parallel roster run between the thread that cuts and writes them and the
/// threads that decide them: a queue of parts to decide and the results by part number, under
/// one condition variable.
final class RosterPartBoard: @unchecked Sendable {
    // Every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var pending: [(index: Int, part: RosterSplitter.Part)] = []
    private var pendingHead = 0
    private var results: [Int: RosterPartResult] = [:]
    private var closed = false
    private var cancelled = false
    private var running = 0
    private var retired: [(counts: [Int], outcomes: [(cohort: String, status: String)])] = []
    /// Output buffers already written, kept for the next parts: a fresh buffer of a few MiB
    /// per part would cost a page fault per 4 KiB written.
    private var spare: [[UInt8]] = []
    private var spareBytes: [RosterPartBytes] = []

    /// An empty output buffer, with the capacity of one used before when there is one.
    func outputBuffer() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast() ?? []
    }

    /// Takes back an output buffer that has been written, for a later part.
    func recycle(_ buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        condition.lock()
        spare.append(buffer)
        condition.unlock()
        buffer = []
    }

    /// A writer's buffer for a part's `tail`: one written before when there is one.
    func partBytes() -> RosterPartBytes {
        condition.lock()
        defer { condition.unlock() }
        return spareBytes.popLast() ?? RosterPartBytes()
    }

    /// Takes back a part's `tail` that has been written, for a later part.
    func recycle(_ bytes: RosterPartBytes) {
        bytes.count = 0
        condition.lock()
        spareBytes.append(bytes)
        condition.unlock()
    }

    /// Adds a part to decide.
    func add(_ part: RosterSplitter.Part, index: Int) {
        condition.lock()
        pending.append((index, part))
        condition.broadcast()
        condition.unlock()
    }

    /// Says that no more parts come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the deciding threads to stop taking parts.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Counts a deciding thread in (before it starts).
    func enter() {
        condition.lock()
        running += 1
        condition.unlock()
    }

    /// The next part to decide, or `nil` when there is none and none will come.
    func take() -> (index: Int, part: RosterSplitter.Part)? {
        condition.lock()
        defer { condition.unlock() }
        while pendingHead == pending.count && !closed && !cancelled { condition.wait() }
        guard !cancelled, pendingHead < pending.count else { return nil }
        let next = pending[pendingHead]
        pendingHead += 1
        if pendingHead > 64 {
            pending.removeFirst(pendingHead)
            pendingHead = 0
        }
        return next
    }

    /// Hands in a part's result.
    func finish(_ index: Int, _ result: RosterPartResult) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for part `index` and takes its result.
    func result(_ index: Int) -> RosterPartResult {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results.removeValue(forKey: index) { return result }
            condition.wait()
        }
    }

    /// Counts a deciding thread out, with its outcome cache's counts for the summary.
    func leave(counts: [Int], outcomes: [(cohort: String, status: String)]) {
        condition.lock()
        retired.append((counts, outcomes))
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The counts of every thread that has left.
    var tallies: [(counts: [Int], outcomes: [(cohort: String, status: String)])] {
        condition.lock()
        defer { condition.unlock() }
        return retired
    }

    /// Waits until every deciding thread has stopped.
    func join() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
