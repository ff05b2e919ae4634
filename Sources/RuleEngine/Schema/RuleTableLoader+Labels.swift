import Foundation
import YAMLReader

/// What a label names: a cohort or a status.
package enum OutcomeLabelKind: String, Sendable {
    case cohort, status
}

extension RuleTableLoader {
    /// Reads `labels:`; a label for an id that no rule (nor `otherwise`) decides is an error at
    /// its key, with the closest id as "did you mean".
    mutating func readLabels(_ node: Node, rules: [Rule]) -> OutcomeLabels {
        guard let fields = reader.mapping(node, in: "`labels`", keys: LabelsKey.self) else { return OutcomeLabels() }
        var cohorts: [String: String] = [:]
        var statuses: [String: String] = [:]
        for key in LabelsKey.allCases {
            guard let mapping = fields[key] else { continue }
            let kind: OutcomeLabelKind = key == .cohorts ? .cohort : .status
            var known: [String] = []
            for rule in rules {
                let id = kind == .cohort ? rule.outcome.cohort : rule.outcome.status
                if !known.contains(id) { known.append(id) }
            }
            for (id, keyNode, value) in reader.namedEntries(mapping, in: "`labels.\(key.rawValue)`", kind: "label") {
                guard let text = reader.text(value, what: "a label") else { continue }
                guard known.contains(id) else {
                    reader.report(
                        .unknownLabel(kind, id, suggestion: Suggestion.closest(to: id, in: known)), at: keyNode)
                    continue
                }
                if kind == .cohort { cohorts[id] = text } else { statuses[id] = text }
            }
        }
        return OutcomeLabels(cohorts: cohorts, statuses: statuses)
    }

    /// Reads `policy.source_url`: an `http` or `https` URL with a host and no spaces.
    mutating func readSourceURL(_ node: Node) -> String? {
        guard let text = reader.text(node, what: "a URL") else { return nil }
        let lowered = text.lowercased()
        guard
            lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
            !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }),
            let components = URLComponents(string: text), let scheme = components.scheme,
            ["http", "https"].contains(scheme.lowercased()), let host = components.host, !host.isEmpty
        else {
            reader.report(.invalidSourceURL(text), at: node)
            return nil
        }
        return text
    }
}
