import Foundation
import Hummingbird
import RuleCheckKit
import RuleEngine

/// The read-only routes: tables in force, a table's matrix, health, readiness, metrics and
/// the OpenAPI document.
struct TableRoutes: Sendable {
    let state: ServerState

    /// Adds the routes to `router`.
    func register(on router: Router<some RequestContext>) {
        router.get("v1/tables") { _, _ in
            JSONResponse.make(.object([("tables", .array(state.source.tables.map(\.json)))]))
        }
        router.get("v1/tables/:version/matrix") { request, context in
            matrix(request, version: context.parameters.get("version") ?? "")
        }
        router.get("healthz") { _, _ in JSONResponse.make(.object([("status", .string("ok"))])) }
        router.get("readyz") { _, _ in
            let count = state.source.tables.count
            return JSONResponse.make(
                .object([("status", .string(count > 0 ? "ready" : "no table loaded")), ("tables", .int(count))]),
                status: count > 0 ? .ok : .serviceUnavailable)
        }
        router.get("metrics") { _, _ in
            JSONResponse.text(state.metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("openapi.json") { _, _ in
            JSONResponse.text(OpenAPIDocument.text(for: state.source.snapshot.history), contentType: "application/json")
        }
    }

    /// `GET /v1/tables/{version}/matrix?as_of=DATE&format=html|markdown`.
    private func matrix(_ request: Request, version: String) -> Response {
        guard let table = state.source.table(version: version) else {
            return APIError(
                status: .notFound, message: "no table of version `\(version)` is in force", input: "version"
            )
            .response
        }
        let query = request.uri.queryParameters
        let format = query["format"].map(String.init) ?? "html"
        guard format == "html" || format == "markdown" else {
            return APIError.badRequest("`format` must be html or markdown, not `\(format)`", input: "format").response
        }
        let asOf: LocalDate
        if let text = query["as_of"].map(String.init) {
            guard let date = LocalDate(iso: text) else {
                return APIError.badRequest(
                    "`as_of`: `\(text)` is not a valid date: \(LocalDate.problem(with: text))", input: "as_of"
                ).response
            }
            asOf = date
        } else {
            asOf = LocalDate.today(inTimeZone: table.compiled.policy.timeZone) ?? table.compiled.policy.windowStart
        }
        let matrix = DecisionMatrix(table: table.compiled)
        do {
            if format == "html" {
                return JSONResponse.text(
                    try MatrixHTML(matrix: matrix).render(asOf: asOf), contentType: "text/html; charset=utf-8")
            }
            return JSONResponse.text(
                try MatrixMarkdown(matrix: matrix).render(asOf: asOf), contentType: "text/markdown; charset=utf-8")
        } catch {
            return APIError.badRequest("\(error)", input: "as_of").response
        }
    }
}
