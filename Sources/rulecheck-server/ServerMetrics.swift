import Hummingbird
import Prometheus
import RuleEngine
import Synchronization

/// The service's Prometheus metrics, in a registry of its own (no global metrics system):
/// requests and decisions by route and status, request latency, reloads by result, decisions
/// that could not be logged, and the table versions in force.
final class ServerMetrics: Sendable {
    /// The registry `/metrics` prints.
    let registry = PrometheusCollectorRegistry()

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rulecheck", metricName: metric, unitName: unit, helpText: help)
    }

    private static var requests: MetricNameDescriptor {
        name("http_requests", "total", "HTTP requests by route, method and status")
    }
    private static var latency: MetricNameDescriptor {
        name("http_request_duration", "seconds", "HTTP request latency by route")
    }
    private static var decisions: MetricNameDescriptor {
        name("decisions", "total", "Inputs decided (or refused) by route and status")
    }
    private static var reloads: MetricNameDescriptor { name("reloads", "total", "Reloads of the rules by result") }
    private static var logFailures: MetricNameDescriptor {
        name("decision_log_failures", "total", "Decisions refused (503) because the decision log could not take them")
    }
    private static var inForce: MetricNameDescriptor {
        name("table_in_force", "info", "1 for each table version in force, 0 once replaced")
    }

    private static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100), .seconds(1),
    ]

    /// The series of one route, method and status, looked up once: the registry's own lookup
    /// builds and checks the metric's name and labels on every call.
    private struct Series: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    /// The request counter and latency histogram of each series met so far.
    private let requestSeries = Mutex<[Series: (Counter, DurationHistogram)]>([:])
    /// The decision counter of each route and status met so far (`method` empty).
    private let decisionSeries = Mutex<[Series: Counter]>([:])

    /// Counts a finished request and its latency.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = Series(route: route, method: method, status: status)
        let (counter, histogram) = requestSeries.withLock { series in
            if let known = series[key] { return known }
            let labels = [("route", route), ("method", method), ("status", String(status))]
            let made = (
                registry.makeCounter(descriptor: Self.requests, labels: labels),
                registry.makeDurationHistogram(
                    descriptor: Self.latency, labels: [("route", route)], buckets: Self.latencyBuckets)
            )
            series[key] = made
            return made
        }
        counter.increment()
        histogram.recordNanoseconds(duration.nanoseconds)
    }

    /// Counts decisions made (or refused) on a route.
    func recordDecisions(route: String, status: Int, count: Int) {
        let key = Series(route: route, method: "", status: status)
        let counter = decisionSeries.withLock { series in
            if let known = series[key] { return known }
            let made = registry.makeCounter(
                descriptor: Self.decisions, labels: [("route", route), ("status", String(status))])
            series[key] = made
            return made
        }
        counter.increment(by: Int64(count))
    }

    /// Counts a reload by its result: `swapped`, `unchanged` or `rejected`.
    func recordReload(result: String) {
        registry.makeCounter(descriptor: Self.reloads, labels: [("result", result)]).increment()
    }

    /// Counts a decision the decision log could not take.
    func recordLogFailure() {
        registry.makeCounter(descriptor: Self.logFailures).increment()
    }

    /// Marks the tables in force: 1 for each version in `tables`, 0 for versions no longer in force.
    func recordTablesInForce(_ tables: [LoadedTable], previous: [LoadedTable]) {
        for table in previous where !tables.contains(where: { $0.sha256 == table.sha256 }) {
            registry.makeGauge(descriptor: Self.inForce, labels: Self.labels(table)).set(to: 0)
        }
        for table in tables {
            registry.makeGauge(descriptor: Self.inForce, labels: Self.labels(table)).set(to: 1)
        }
    }

    private static func labels(_ table: LoadedTable) -> [(String, String)] {
        [("id", table.compiled.policy.id), ("version", table.compiled.policy.version), ("sha256", table.sha256)]
    }

    /// The metrics in Prometheus text format.
    func render() -> String { registry.emitToString() }
}

extension Duration {
    /// The duration in whole nanoseconds.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Records every request in ``ServerMetrics``: route (the matched pattern, never the raw
/// path, so that metrics cannot grow without bound), method, status and latency.
struct MetricsRecorder<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.recordRequest(
                route: context.endpointPath ?? "unmatched", method: method, status: response.status.code,
                duration: clock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(
                route: context.endpointPath ?? "unmatched", method: method, status: status,
                duration: clock.now - start)
            throw error
        }
    }
}
