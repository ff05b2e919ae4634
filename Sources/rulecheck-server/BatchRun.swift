import Foundation
import NIOCore
import RuleCheckKit
import RuleEngine
import Synchronization

/// One roster classified for `POST /v1/batch`: `rulecheck batch`'s processor on a thread of
/// its own (it reads and writes synchronously), reading the body from ``input`` and writing
/// the response to ``output``, each a bounded ``HandOff``, so that memory stays flat however
/// long the roster. Decisions are logged before the output that holds them is handed on.
final class BatchRun: Sendable {
    /// How the run began: streaming once the header is accepted, or refused before any output.
    enum Start: Sendable {
        case streaming
        case refused(RosterError)
    }

    /// Closes both queues when released, so that a run whose response is dropped unwritten
    /// does not leave its thread waiting; after a run that has ended, closing changes nothing.
    final class Guardian: Sendable {
        private let run: BatchRun

        /// Guards `run`.
        init(_ run: BatchRun) { self.run = run }

        deinit {
            run.output.close()
            run.input.close()
        }
    }

    /// How many processor threads are running, in this process.
    static let running = Atomic<Int>(0)

    /// The body's chunks, in.
    let input = HandOff<ByteBuffer>(capacity: 4)
    /// The response's chunks, out (each up to 64 KiB).
    let output = HandOff<ByteBuffer>(capacity: 4)
    /// One message: how the run began.
    let start = HandOff<Start>(capacity: 1)

    private let processor: RosterProcessor
    private let snapshot: TableSource.Snapshot
    private let state: ServerState

    /// Prepares a run of `processor` over tables of `snapshot`; ``begin()`` starts it.
    init(processor: RosterProcessor, snapshot: TableSource.Snapshot, state: ServerState) {
        self.processor = processor
        self.snapshot = snapshot
        self.state = state
    }

    /// Starts the processor's thread, which gives its slot back to `slots` when it ends.
    func begin(releasing slots: BatchSlots) {
        Self.running.add(1, ordering: .relaxed)
        let thread = Thread { [self] in
            self.run()
            Self.running.subtract(1, ordering: .relaxed)
            slots.release()
        }
        thread.start()
    }

    private func run() {
        let log = state.decisionLog.map { BatchLogLines(log: $0, snapshot: snapshot) }
        let output = self.output
        let metrics = state.metrics
        let writer = BufferedWriter { (bytes) throws(BufferedWriter.WriteError) in
            if let log {
                do throws(DecisionLog.LogError) { try log.flush() } catch {
                    metrics.recordLogFailure()
                    throw BufferedWriter.WriteError(description: "the decision could not be logged: \(error.message)")
                }
            }
            guard output.sendBlocking(ByteBuffer(bytes: bytes)) else {
                throw BufferedWriter.WriteError(description: "the client has gone")
            }
        }
        let reader = CSVReader(
            source: HandOffSource(input), options: CSVReader.Options(delimiter: processor.options.inputDelimiter))
        var layout: RosterLayout?
        var decided = 0
        var bad = 0
        do throws(RosterError) {
            _ = try processor.run(
                reader: reader, writer: writer, onBadRow: { _ in bad += 1 },
                onHeader: { accepted in
                    layout = accepted
                    _ = start.sendBlocking(.streaming)
                },
                onDecision: { decision in
                    decided += 1
                    log?.add(decision)
                })
        } catch {
            if let layout {
                stop(after: error, layout: layout, line: reader.line, log: log, writer: writer)
            } else {
                _ = start.sendBlocking(.refused(error))
            }
        }
        // Rows decided after the log failed were never answered.
        metrics.recordDecisions(route: BatchRoutes.route, status: log?.failure == nil ? 200 : 503, count: decided)
        metrics.recordDecisions(route: BatchRoutes.route, status: 400, count: bad)
        output.finish()
        input.close()
    }

    /// Ends a stream that has begun with the in-band record that says why it stopped, unless
    /// the client has gone.
    private func stop(
        after error: RosterError, layout: RosterLayout, line: Int, log: BatchLogLines?, writer: BufferedWriter
    ) {
        let message: String
        let at: Int
        switch error {
        case .malformed(let problem):
            message = problem.description
            at = problem.line
        case .write:
            // The client has gone, unless the decision log refused the rows.
            guard let failure = log?.failure else { return }
            message = "the decision could not be logged: \(failure)"
            at = line
        case .header(let reason), .tables(let reason):
            message = reason
            at = line
        }
        try? processor.writeStreamError(message, line: at, layout: layout, to: writer)
    }
}

/// The decision-log lines of the rows decided since the output was last handed on, written
/// before it is; after a failure, lines are dropped (their rows are never answered).
final class BatchLogLines {
    private let log: DecisionLog
    private let snapshot: TableSource.Snapshot
    private var pending = ""
    /// Why the log refused a write, once it has.
    private(set) var failure: String?

    /// Logs to `log` the decisions of tables of `snapshot`.
    init(log: DecisionLog, snapshot: TableSource.Snapshot) {
        self.log = log
        self.snapshot = snapshot
    }

    /// Adds a decision's line.
    func add(_ decision: Decision) {
        guard failure == nil, let table = snapshot.loaded(decision.table) else { return }
        pending += DecisionLog.line(for: decision, table: table)
    }

    /// Writes the pending lines; once a write has failed, drops them and succeeds.
    func flush() throws(DecisionLog.LogError) {
        guard failure == nil, !pending.isEmpty else {
            pending = ""
            return
        }
        defer { pending = "" }
        do { try log.append(pending) } catch {
            failure = error.message
            throw error
        }
    }
}
