import Foundation
import Hummingbird
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
            let response: Response
            if case .array(let items) = json {
                count = items.count
                guard items.count <= state.limits.maxItems else {
                    throw APIError.tooLarge(
                        "the array holds \(items.count) items; at most \(state.limits.maxItems) are taken (--max-items)"
                    )
                }
                var answers: [JSONValue] = []
                var log = ""
                answers.reserveCapacity(items.count)
                for (index, item) in items.enumerated() {
                    do {
                        let (answer, line) = try decide(item, kind: kind)
                        answers.append(answer)
                        log += line
                    } catch var error {
                        error.index = index
                        throw error
                    }
                }
                try write(log)
                response = JSONResponse.make(.array(answers))
            } else {
                let (answer, line) = try decide(json, kind: kind)
                try write(line)
                response = JSONResponse.make(answer)
            }
            state.metrics.recordDecisions(route: kind.route, status: 200, count: count)
            return response
        } catch {
            state.metrics.recordDecisions(route: kind.route, status: error.status.code, count: count)
            return error.response
        }
    }

    /// Decides one input: the answer and its decision-log line.
    private func decide(_ item: RequestJSON, kind: Kind) throws(APIError) -> (JSONValue, String) {
        let input = try DecisionInput(item, source: state.source)
        do {
            switch kind {
            case .decision:
                let decision = try input.table.compiled.evaluate(input.years, asOf: input.asOf)
                return (decision.json, logLine(decision, input.table))
            case .explanation:
                let explanation = try input.table.compiled.explain(input.years, asOf: input.asOf)
                return (explanation.json, logLine(explanation.decision, input.table))
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
