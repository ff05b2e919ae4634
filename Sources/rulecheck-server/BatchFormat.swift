import Hummingbird
import RuleCheckKit

/// The output of `POST /v1/batch`, chosen by the request's `Accept` header: CSV
/// (`text/csv`, the default) or JSON Lines (`application/x-ndjson` or `application/jsonl`,
/// answered with the type asked for).
struct BatchFormat: Sendable, Equatable {
    /// The roster processor's format.
    let roster: RosterFormat
    /// The response's `Content-Type`.
    let contentType: String

    /// CSV, `text/csv; charset=utf-8`.
    static let csv = BatchFormat(roster: .csv, contentType: "text/csv; charset=utf-8")

    /// The media types answered, in the order preferred when `Accept` allows several equally.
    static let mediaTypes = ["text/csv", "application/x-ndjson", "application/jsonl"]

    /// The format for the `Accept` header's values: the acceptable media type with the highest
    /// quality (ties in the order of ``mediaTypes``); CSV when there is none; `406` when no
    /// media type answered is acceptable.
    static func negotiate(accept values: [String]) throws(APIError) -> BatchFormat {
        let ranges = values.flatMap { $0.split(separator: ",") }.compactMap(MediaRange.init)
        guard !ranges.isEmpty else { return .csv }
        var best: (type: String, quality: Double)?
        for type in mediaTypes {
            let quality = ranges.filter { $0.matches(type) }.max { $0.specificity < $1.specificity }?.quality ?? 0
            if quality > 0, quality > (best?.quality ?? 0) { best = (type, quality) }
        }
        guard let best else {
            throw APIError(
                status: .notAcceptable,
                message: "the batch is answered as \(mediaTypes.map { "`\($0)`" }.joined(separator: ", ")); "
                    + "`Accept` allows none of them", input: nil)
        }
        return best.type == "text/csv" ? .csv : BatchFormat(roster: .jsonl, contentType: best.type)
    }

    /// One media range of an `Accept` header, such as `text/*;q=0.5`.
    private struct MediaRange {
        let type: Substring
        let subtype: Substring
        let quality: Double

        init?(_ text: Substring) {
            let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let range = parts.first, !range.isEmpty else { return nil }
            let halves = range.split(separator: "/", maxSplits: 1)
            guard halves.count == 2 else { return nil }
            type = halves[0]
            subtype = halves[1]
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) }
            quality = min(max(q ?? 1, 0), 1)
        }

        /// 2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`.
        var specificity: Int { type == "*" ? 0 : subtype == "*" ? 1 : 2 }

        func matches(_ mediaType: String) -> Bool {
            let halves = mediaType.split(separator: "/")
            return (type == "*" || type == halves[0]) && (subtype == "*" || subtype == halves[1])
        }
    }
}
