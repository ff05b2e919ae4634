import Hummingbird
import RuleEngine

/// Answers a known path asked with a method it does not take with `405 Method Not Allowed`
/// and an `Allow` header (the router alone would say `404`); unknown paths stay `404`.
struct MethodCheck<Context: RequestContext>: RouterMiddleware {
    /// The methods each route takes, by path pattern (`*` matches one path segment).
    static var allowed: [(pattern: [Substring], methods: String)] {
        [
            ("/v1/decisions", "POST"), ("/v1/explanations", "POST"), ("/v1/batch", "POST"), ("/v1/tables", "GET"),
            ("/v1/tables/*/matrix", "GET"), ("/healthz", "GET"), ("/readyz", "GET"),
            ("/metrics", "GET"), ("/openapi.json", "GET"), ("/", "GET"), ("/staff", "GET"),
            ("/staff/validate", "POST"),
        ].map { (Array($0.0.split(separator: "/")), $0.1) }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            guard response.status == .notFound, context.endpointPath == nil else { return response }
            return notAllowed(request) ?? response
        } catch let error as HTTPError where error.status == .notFound {
            guard let answer = notAllowed(request) else { throw error }
            return answer
        }
    }

    private func notAllowed(_ request: Request) -> Response? {
        let segments = request.uri.path.split(separator: "/")
        guard
            let route = Self.allowed.first(where: { route in
                route.pattern.count == segments.count
                    && zip(route.pattern, segments).allSatisfy { $0 == "*" || $0 == $1 }
            })
        else { return nil }
        var response = APIError(
            status: .methodNotAllowed, message: "\(request.method.rawValue) is not allowed here; use \(route.methods)",
            input: nil
        ).response
        response.headers[.allow] = route.methods
        return response
    }
}
