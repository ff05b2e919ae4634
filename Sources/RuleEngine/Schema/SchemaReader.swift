import Foundation
import YAMLReader

/// Reads typed values out of nodes and collects a diagnostic, at the exact node, for each
/// value that does not fit. Every reader returns `nil` after reporting, so that loading goes
/// on and one run reports every problem.
package struct SchemaReader {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []
    /// The cycle year, once known; relative years read before it is known are errors.
    package var cycle: Int?
    /// Every name declared for each kind (`fee`, `deadline`, ...), valid or not: a reference
    /// to a declared but invalid entry is not reported again as undefined.
    package var declared: [String: Set<String>] = [:]

    package init(file: String) {
        self.file = file
    }

    package func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, range: node.range) }

    package mutating func report(_ message: DiagnosticMessage, at node: Node, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(message, at: location(node), notes: notes))
    }

    package mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A short description of what a node is, for "expected X, found Y".
    package func found(_ node: Node) -> String {
        guard let scalar = node.scalar else { return "a \(node.kindName)" }
        if scalar.value.isEmpty && scalar.style == .plain { return "an empty value" }
        return scalar.style.isQuoted ? "the string `\(scalar.value)`" : "`\(scalar.value)`"
    }

    /// The entries of a mapping by key, after checking its keys against the format's description
    /// of it: an unknown key is reported with the closest known one, a missing required key at
    /// the mapping.
    package mutating func mapping<Key: FormatKey>(_ node: Node, in place: String, keys: Key.Type) -> [Key: Node]? {
        mapping(node, in: place, keys: keys, others: [])?.fields
    }

    /// The entries of a mapping with the fixed keys of `Key` and also keys named in `others`
    /// (names the table chooses, such as derived outputs); a name in both is in both results.
    package mutating func mapping<Key: FormatKey>(
        _ node: Node, in place: String, keys: Key.Type, others: [String]
    ) -> (fields: [Key: Node], others: [String: Node])? {
        guard
            let values = entries(
                node, in: place, allowed: Key.names + others, required: Key.requiredKeys.map(\.rawValue))
        else { return nil }
        var fields: [Key: Node] = [:]
        for key in Key.allCases {
            if let value = values[key.rawValue] { fields[key] = value }
        }
        return (fields, values.filter { others.contains($0.key) })
    }

    private mutating func entries(
        _ node: Node, in place: String, allowed: [String], required: [String]
    ) -> [String: Node]? {
        guard let entries = node.mapping else {
            report(.wrongType(expected: "a mapping for \(place)", found: found(node)), at: node)
            return nil
        }
        var values: [String: Node] = [:]
        var suggested: Set<String> = []
        for entry in entries {
            guard let key = entry.key.scalar?.value else {
                report(.wrongType(expected: "a key", found: found(entry.key)), at: entry.key)
                continue
            }
            guard allowed.contains(key) else {
                let suggestion = Suggestion.closest(to: key, in: allowed)
                if let suggestion { suggested.insert(suggestion) }
                report(.unknownKey(key, in: place, suggestion: suggestion), at: entry.key)
                continue
            }
            values[key] = entry.value
        }
        for key in required where values[key] == nil && !suggested.contains(key) {
            report(.missingKey(key, in: place), at: node)
        }
        return values
    }

    /// The entries of a mapping whose keys are names chosen by the table (ids), in file order;
    /// each name is recorded as declared for `kind`.
    package mutating func namedEntries(
        _ node: Node, in place: String, kind: String
    ) -> [(name: String, key: Node, value: Node)] {
        guard let entries = node.mapping else {
            report(.wrongType(expected: "a mapping for \(place)", found: found(node)), at: node)
            return []
        }
        let named: [(name: String, key: Node, value: Node)] = entries.compactMap { entry in
            guard let name = identifier(entry.key) else { return nil }
            return (name, entry.key, entry.value)
        }
        declared[kind, default: []].formUnion(named.map(\.name))
        return named
    }

    /// Reports an undefined reference, unless the name is declared (its own error is reported).
    package mutating func reportUndefined(_ kind: String, _ name: String, candidates: [String], at node: Node) {
        guard !(declared[kind]?.contains(name) ?? false) else { return }
        report(.undefinedReference(kind, name, suggestion: Suggestion.closest(to: name, in: candidates)), at: node)
    }

    /// A sequence's items.
    package mutating func sequence(_ node: Node, of what: String) -> [Node]? {
        guard let items = node.sequence else {
            report(.wrongType(expected: "a list of \(what)", found: found(node)), at: node)
            return nil
        }
        return items
    }

    /// Text: any scalar, plain or quoted, taken as written.
    package mutating func text(_ node: Node, what: String = "text") -> String? {
        guard let scalar = node.scalar else {
            report(.wrongType(expected: what, found: found(node)), at: node)
            return nil
        }
        guard !scalar.value.trimmingSpaces().isEmpty else {
            report(.emptyValue(what), at: node)
            return nil
        }
        return scalar.value
    }

    /// An identifier: letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    package mutating func identifier(_ node: Node) -> String? {
        guard let value = text(node, what: "an identifier") else { return nil }
        let valid = value.unicodeScalars.enumerated().allSatisfy { index, scalar in
            let alphanumeric = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))
            return alphanumeric || (index > 0 && (scalar == "-" || scalar == "_" || scalar == "."))
        }
        guard valid else {
            report(.invalidIdentifier(value), at: node)
            return nil
        }
        return value
    }

    /// `true` or `false`, plain; YAML 1.1 spellings are refused with a hint.
    package mutating func bool(_ node: Node) -> Bool? {
        guard let scalar = node.scalar else {
            report(.wrongType(expected: "`true` or `false`", found: found(node)), at: node)
            return nil
        }
        if scalar.style == .plain {
            if scalar.value == "true" { return true }
            if scalar.value == "false" { return false }
        }
        report(.invalidBoolean(scalar.value), at: node)
        return nil
    }

    /// A date written `YYYY-MM-DD`, plain or quoted.
    package mutating func date(_ node: Node) -> LocalDate? {
        guard let value = text(node, what: "a date") else { return nil }
        if let date = LocalDate(iso: value) { return date }
        report(.invalidDate(value, reason: LocalDate.problem(with: value)), at: node)
        return nil
    }

    /// A year: a four-digit number, or an expression on `cycle` such as `cycle + 1`; the result
    /// must be a calendar year from 1 to 9999.
    package mutating func year(_ node: Node) -> Int? {
        guard let year = parsedYear(node) else { return nil }
        guard (1...9999).contains(year) else {
            report(.invalidYear(node.scalar?.value ?? ""), at: node)
            return nil
        }
        return year
    }

    private mutating func parsedYear(_ node: Node) -> Int? {
        guard let value = text(node, what: "a year") else { return nil }
        switch YearExpression.parse(value) {
        case .some(.literal(let year)):
            return year
        case .some(.relative(let base, let offset)) where base == "cycle":
            guard let cycle else {
                report(.invalidYear(value), at: node)
                return nil
            }
            return cycle + offset
        default:
            report(.invalidYear(value), at: node)
            return nil
        }
    }

    /// A year that must lie in an input's domain.
    package mutating func year(_ node: Node, in input: YearInput) -> Int? {
        guard let year = year(node) else { return nil }
        guard input.domain.contains(year) else {
            report(.yearOutsideDomain(year, input: input.name, domain: input.domain), at: node)
            return nil
        }
        return year
    }

    /// Text with `{cycle}` placeholders filled in.
    package mutating func template(_ node: Node, what: String) -> String? {
        guard let value = text(node, what: what) else { return nil }
        var output = ""
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                report(.invalidPlaceholder(String(rest[open...])), at: node)
                return nil
            }
            let inner = String(rest[rest.index(after: open)..<close])
            guard case .some(.relative("cycle", let offset)) = YearExpression.parse(inner), let cycle else {
                report(.invalidPlaceholder(inner), at: node)
                return nil
            }
            output += String(cycle + offset)
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
