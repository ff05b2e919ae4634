/// A YAML document built in Swift and written in flow style, for tests that change one key of
/// one mapping and read the diagnostics.
indirect enum Document: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    case scalar(String)
    case mapping([(String, Document)])
    case sequence([Document])

    init(stringLiteral value: String) { self = .scalar(value) }
    init(arrayLiteral elements: Document...) { self = .sequence(elements) }
    init(dictionaryLiteral elements: (String, Document)...) { self = .mapping(elements) }

    /// The document in YAML flow style; scalars are written as given.
    var yaml: String {
        switch self {
        case .scalar(let text): return text
        case .sequence(let items): return "[" + items.map(\.yaml).joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.0): \($0.1.yaml)" }.joined(separator: ", ") + "}"
        }
    }

    /// The keys of the mapping at `path`; empty when there is none.
    func keys(at path: [Step]) -> [String] {
        var keys: [String] = []
        _ = changing(at: path) { node in
            if case .mapping(let entries) = node { keys = entries.map(\.0) }
            return node
        }
        return keys
    }

    /// The document with `key` set in the mapping at `path` (appended when absent); an existing
    /// value is kept when `keepingExisting` is set.
    func setting(_ key: String, to value: Document, at path: [Step], keepingExisting: Bool) -> Document {
        changing(at: path) { node in
            guard case .mapping(var entries) = node else { return node }
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                if !keepingExisting { entries[index].1 = value }
            } else {
                entries.append((key, value))
            }
            return .mapping(entries)
        }
    }

    /// The document without `key` in the mapping at `path`.
    func removing(_ key: String, at path: [Step]) -> Document {
        changing(at: path) { node in
            guard case .mapping(let entries) = node else { return node }
            return .mapping(entries.filter { $0.0 != key })
        }
    }

    private func changing(at path: [Step], _ change: (Document) -> Document) -> Document {
        guard let step = path.first else { return change(self) }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.mapping(let entries), .key(let key)):
            return .mapping(entries.map { $0.0 == key ? ($0.0, $0.1.changing(at: rest, change)) : $0 })
        case (.sequence(let items), .index(let index)):
            return .sequence(
                items.enumerated().map { $0.offset == index ? $0.element.changing(at: rest, change) : $0.element })
        default:
            return self
        }
    }
}

/// One step of a path into a ``Document``: a key of a mapping or an index of a sequence.
enum Step: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }

    var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}
