/// A problem the reader found. The rule engine turns each into a diagnostic with a stable code.
public enum YAMLProblem: Sendable, Hashable {
    /// libyaml rejected the text: its problem text, where, and the context it was in.
    case syntax(problem: String, at: SourcePosition, context: String?, contextAt: SourcePosition?)
    /// A line is indented with a tab character.
    case tabIndentation(at: SourcePosition)
    /// A mapping key appears twice: the second at `at`, the first at `first`.
    case duplicateKey(key: String, at: SourceRange, first: SourceRange)
    /// A second document starts here.
    case multipleDocuments(at: SourcePosition)
    /// The byte at this position does not start a valid UTF-8 sequence.
    case invalidUTF8(at: SourcePosition, byte: UInt8)
    /// The file holds no document.
    case empty
    /// The file is larger than the limit.
    case fileTooLarge(bytes: Int, limit: Int)
    /// Collections nest deeper than the limit here.
    case nestingTooDeep(at: SourcePosition, limit: Int)
    /// A scalar is longer than the limit.
    case scalarTooLong(at: SourceRange, bytes: Int, limit: Int)
    /// Expanding aliases would make the document hold more nodes than the limit.
    case tooManyNodes(at: SourcePosition, limit: Int)
    /// An alias names an anchor that was not defined before it.
    case undefinedAlias(name: String, at: SourceRange)

    /// Where the problem is, for sorting and reporting.
    public var position: SourcePosition {
        switch self {
        case .syntax(_, let at, _, _), .tabIndentation(let at), .multipleDocuments(let at),
            .invalidUTF8(let at, _), .nestingTooDeep(let at, _), .tooManyNodes(let at, _):
            return at
        case .duplicateKey(_, let at, _), .scalarTooLong(let at, _, _), .undefinedAlias(_, let at):
            return at.start
        case .empty, .fileTooLarge:
            return .start
        }
    }
}

/// What reading one file produced: the document's root node when there is one, and every
/// problem found. A document with problems may still have a root, so that later layers can
/// report more in the same run; callers decide whether to go on.
public struct YAMLDocument: Sendable {
    /// The root node, or `nil` when the text could not be read into a tree.
    public let root: Node?
    /// Every problem, in file order.
    public let problems: [YAMLProblem]
    /// The source text, for rendering snippets.
    public let source: SourceText

    /// Creates a document.
    public init(root: Node?, problems: [YAMLProblem], source: SourceText) {
        self.root = root
        self.problems = problems
        self.source = source
    }
}
