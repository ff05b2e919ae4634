import Foundation
import Hummingbird

/// What the routes share: the table source, the limits, the metrics and the decision log.
struct ServerState: Sendable {
    /// Where every table lookup goes.
    let source: TableSource
    /// Request size limits.
    let limits: RequestLimits
    /// The metrics `/metrics` prints.
    let metrics: ServerMetrics
    /// The decision log, when `--decision-log` is given.
    let decisionLog: DecisionLog?
    /// The rosters being classified, at most `limits.maxBatchStreams`.
    let batchSlots: BatchSlots
}

/// The largest request the API takes: bytes in one body, items in one JSON array, bytes in one roster.
struct RequestLimits: Sendable {
    /// Bodies over this many bytes are answered `413` (default 1 MiB).
    var maxBodyBytes = 1 << 20
    /// Arrays of more than this many items are answered `413` (default 10,000).
    var maxItems = 10_000
    /// Rosters (`POST /v1/batch`, streamed) over this many bytes are refused (default 64 MiB).
    var maxBatchBytes = 64 << 20
    /// More rosters than this at once are answered `503` (default ``defaultBatchStreams``).
    var maxBatchStreams = defaultBatchStreams

    /// Twice the number of cores: each roster is classified on a thread of its own.
    static var defaultBatchStreams: Int { 2 * ProcessInfo.processInfo.activeProcessorCount }
}

extension Request {
    /// The query's parameters, percent-decoded; the last value wins when a name repeats.
    var queryStrings: [String: String] {
        var values: [String: String] = [:]
        for (name, value) in uri.queryParameters {
            values[String(name).removingPercentEncoding ?? String(name)] = String(value)
        }
        return values
    }

    /// The whole body, or a `413` when it is (or says it will be) larger than `limit` bytes.
    func collectBody(limit: Int) async throws(APIError) -> [UInt8] {
        var tooLarge: APIError { .tooLarge("the request body is larger than \(limit) bytes (--max-body-bytes)") }
        let declared = headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > limit { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(declared ?? 0)
        do {
            for try await chunk in body {
                guard bytes.count + chunk.readableBytes <= limit else { throw tooLarge }
                bytes += chunk.readableBytesView
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.badRequest("the request body could not be read: \(error)", input: nil)
        }
        return bytes
    }
}
