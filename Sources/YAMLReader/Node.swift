/// The style a scalar was written in. Plain and quoted scalars stay distinct so that
/// the schema can tell `2026` from `"2026"` and `no` from `"no"`.
public enum ScalarStyle: String, Sendable, Hashable {
    /// Unquoted text: `2026`, `no`, `cycle + 1`.
    case plain
    /// Text in single quotes.
    case singleQuoted = "single-quoted"
    /// Text in double quotes.
    case doubleQuoted = "double-quoted"
    /// A `|` block scalar.
    case literal
    /// A `>` block scalar.
    case folded

    /// Whether the scalar was written with quotes.
    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// A scalar's text as written (after unquoting and unescaping) and its style.
public struct Scalar: Sendable, Hashable {
    /// The scalar's value. YAML 1.1 types (`no`, `0o17`, dates) are never resolved here.
    public let value: String
    /// How the scalar was written.
    public let style: ScalarStyle

    /// Creates a scalar.
    public init(value: String, style: ScalarStyle) {
        self.value = value
        self.style = style
    }
}

/// One key and its value in a mapping.
public struct MappingEntry: Sendable, Hashable {
    /// The key node (a scalar in every well-formed rule table).
    public let key: Node
    /// The value node.
    public let value: Node

    /// Creates an entry.
    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// An immutable YAML node with its source range.
public struct Node: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar.
        case scalar(Scalar)
        /// A sequence of nodes in file order.
        case sequence([Node])
        /// A mapping whose entries are kept in file order.
        case mapping([MappingEntry])
    }

    /// The node's content.
    public let content: Content
    /// Where the node is written. For a node reached through an alias, where its anchor is.
    public let range: SourceRange
    /// The explicit tag (`!!str`, `!custom`), if any.
    public let tag: String?

    /// Creates a node.
    public init(content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    /// The scalar, if the node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if the node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, if the node is a mapping.
    public var mapping: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// A short noun for the node's kind, for messages: `scalar`, `sequence`, `mapping`.
    public var kindName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
