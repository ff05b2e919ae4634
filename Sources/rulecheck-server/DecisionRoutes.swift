import Foundation
import Hummingbird
import NIOCore
import RuleEngine

/// `POST /v1/decisions` and `POST /v1/explanations`: one input object or an array of them,
/// answered with `eval --format json`'s (or `explain --format json`'s) object, or an array in
/// the same order. Every decision is logged before it is answered when a log is configured.
struct DecisionRoutes: Sendable {
    let state: ServerState

    /// What a route answers for each input.
    enum Kind: Sendable {
        case decision
        case explanation

        var route: String { self == .decision ? "/v1/decisions" : "/v1/explanations" }
    }

    /// Adds the routes to `router`.
    func register(on router: Router<some RequestContext>) {
        router.post("v1/decisions") { request, _ in await answer(request, kind: .decision) }
        router.post("v1/explanations") { request, _ in await answer(request, kind: .explanation) }
    }

    private func answer(_ request: Request, kind: Kind) async -> Response {
        var count = 1
        do throws(APIError) {
            let body = try await request.collectBody(limit: state.limits.maxBodyBytes)
            let json = try RequestJSON.parse(body)
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1024)
            let log: String
            if case .array(let items) = json {
                count = items.count
                guard items.count <= state.limits.maxItems else {
                    throw APIError.tooLarge(
                        "the array holds \(items.count) items; at most \(state.limits.maxItems) are taken (--max-items)"
                    )
                }
                var lines = ""
                buffer.writeInteger(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                    do { lines += try answer(item, kind: kind, into: &buffer) } catch var error {
                        error.index = index
                        throw error
                    }
                }
                buffer.writeInteger(UInt8(ascii: "]"))
                log = lines
            } else {
                log = try answer(json, kind: kind, into: &buffer)
            }
            try write(log)
            buffer.writeInteger(UInt8(ascii: "\n"))
            state.metrics.recordDecisions(route: kind.route, status: 200, count: count)
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: buffer))
        } catch {
            state.metrics.recordDecisions(route: kind.route, status: error.status.code, count: count)
            return error.response
        }
    }

    /// Decides one input, appends the answer (compact JSON) to `buffer` and returns its
    /// decision-log line.
    private func answer(_ item: RequestJSON, kind: Kind, into buffer: inout ByteBuffer) throws(APIError) -> String {
        let input = try DecisionInput(item, source: state.source)
        do {
            switch kind {
            case .decision:
                let (decision, table) = try input.decide()
                input.snapshot.body.write(decision, into: &buffer)
                return logLine(decision, table)
            case .explanation:
                let (explanation, table) = try input.explain()
                explanation.json.write(into: &buffer)
                return logLine(explanation.decision, table)
            }
        } catch {
            throw .badRequest(error.description, input: nil)
        }
    }

    private func logLine(_ decision: Decision, _ table: LoadedTable) -> String {
        state.decisionLog == nil ? "" : DecisionLog.line(for: decision, table: table)
    }

    /// Appends to the decision log; a decision that cannot be logged is not answered (`503`).
    private func write(_ lines: String) throws(APIError) {
        guard let log = state.decisionLog, !lines.isEmpty else { return }
        do { try log.append(lines) } catch {
            state.metrics.recordLogFailure()
            throw APIError(
                status: .serviceUnavailable, message: "the decision could not be logged: \(error.message)", input: nil)
        }
    }
}
