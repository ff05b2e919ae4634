import Hummingbird
import NIOCore
import RuleCheckKit
import RuleEngine

/// `POST /v1/batch`: a CSV roster in, `rulecheck batch`'s output streamed back (CSV or JSON
/// Lines by `Accept`) as it is produced, never holding the whole roster. A problem found before
/// any output (options, media types, the header) is a `4xx` with a JSON body; once rows go
/// out, bad rows and a broken CSV are reported in the stream as `batch` reports them.
struct BatchRoutes: Sendable {
    /// The route's path, as metrics name it.
    static let route = "/v1/batch"

    let state: ServerState

    /// Adds the route to `router`.
    func register(on router: Router<some RequestContext>) {
        router.post("v1/batch") { request, _ in await answer(request) }
    }

    private func answer(_ request: Request) async -> Response {
        // A slot first, before anything is read; the run's thread gives it back when it ends.
        guard state.batchSlots.acquire() else { return Self.busy(limit: state.batchSlots.limit) }
        let query: BatchQuery
        let processor: RosterProcessor
        let snapshot = state.source.snapshot
        let limit = state.limits.maxBatchBytes
        do throws(APIError) {
            query = try BatchQuery(request)
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
                throw APIError.tooLarge(Self.tooLarge(limit))
            }
            processor = try Self.processor(query, snapshot: snapshot)
        } catch {
            state.batchSlots.release()
            return error.response
        }
        let run = BatchRun(processor: processor, snapshot: snapshot, state: state)
        let pump = Task { await Self.pump(request.body, into: run.input, limit: limit) }
        run.begin(releasing: state.batchSlots)
        switch await run.start.receive() {
        case .streaming: break
        case .refused(let error):
            run.input.close()
            await pump.value
            return Self.refusal(error, limit: limit).response
        case nil:
            run.output.close()
            run.input.close()
            await pump.value
            return APIError(status: .internalServerError, message: "the roster was not read", input: nil).response
        }
        // Should the body never be written (the connection gone first), releasing the response
        // releases the guard, which stops the processor's thread.
        let guardian = BatchRun.Guardian(run)
        return Response(
            status: .ok, headers: [.contentType: query.format.contentType],
            body: ResponseBody { writer in
                _ = guardian
                do {
                    while let chunk = await run.output.receive() { try await writer.write(chunk) }
                } catch {
                    run.output.close()
                    run.input.close()
                    await pump.value
                    throw error
                }
                await pump.value
                try await writer.finish(nil)
            })
    }

    /// The processor for `query` over the tables of `snapshot`, deciding rows without a date on
    /// `as_of` or today.
    private static func processor(_ query: BatchQuery, snapshot: TableSource.Snapshot) throws(APIError)
        -> RosterProcessor
    {
        let tables: RosterTables
        do { tables = try RosterTables(snapshot.history.tables) } catch {
            throw APIError(status: .internalServerError, message: error.description, input: nil)
        }
        guard let asOf = query.asOf ?? snapshot.history.today() else {
            let zone = snapshot.history.tables[0].policy.timeZone
            throw .badRequest("cannot tell today's date in \(zone); give as_of", input: "as_of")
        }
        var processor = RosterProcessor(
            tables: tables, defaultAsOf: asOf, format: query.format.roster, options: query.options)
        processor.excelSafe = query.excelSafe
        return processor
    }

    /// Reads the body into `input`, at most `limit` bytes; the rest of a body that stops being
    /// taken (too large, or the processor has stopped) is read and dropped, so that the
    /// connection can take the next request.
    private static func pump(_ body: RequestBody, into input: HandOff<ByteBuffer>, limit: Int) async {
        var total = 0
        var forwarding = true
        do {
            for try await chunk in body {
                total += chunk.readableBytes
                guard forwarding else { continue }
                if total > limit {
                    input.finish(failure: tooLarge(limit))
                    forwarding = false
                } else if await !input.send(chunk) {
                    forwarding = false
                }
            }
            input.finish()
        } catch {
            input.finish(failure: "the request body could not be read: \(error)")
        }
    }

    /// Seconds a client refused for want of a slot is told to wait.
    static let retryAfterSeconds = 2

    /// The `503` when `limit` rosters are being classified already.
    private static func busy(limit: Int) -> Response {
        var response = APIError(
            status: .serviceUnavailable,
            message: "\(limit) rosters are being classified, the most at once (--max-batch-streams); "
                + "try again in \(retryAfterSeconds) seconds", input: nil
        ).response
        response.headers[.retryAfter] = String(retryAfterSeconds)
        return response
    }

    private static func tooLarge(_ limit: Int) -> String {
        "the roster is larger than \(limit) bytes (--max-batch-bytes)"
    }

    /// The `4xx` for a roster refused before any output.
    private static func refusal(_ error: RosterError, limit: Int) -> APIError {
        switch error {
        case .header(let message): return .badRequest(message, input: nil)
        case .malformed(let problem):
            if case .readFailed(let reason) = problem.kind, reason == tooLarge(limit) { return .tooLarge(reason) }
            return .badRequest("line \(problem.line): \(problem.description)", input: nil)
        case .tables(let message), .write(let message):
            return APIError(status: .internalServerError, message: message, input: nil)
        }
    }
}
