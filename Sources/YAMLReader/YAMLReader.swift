/// Reads YAML text into an immutable node tree with source ranges, over libyaml's event API.
///
/// The reader never resolves YAML 1.1 types: every scalar keeps its text and style, and the
/// schema layer decides what it means. It enforces ``YAMLLimits`` and reports every problem it
/// can find in one pass.
public enum YAMLReader {
    /// Reads a file's bytes.
    public static func read(bytes: [UInt8], limits: YAMLLimits = .standard) -> YAMLDocument {
        let source = SourceText(bytes: bytes)
        if bytes.count > limits.maxFileBytes {
            return YAMLDocument(
                root: nil, problems: [.fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes)],
                source: source)
        }
        if let invalid = source.firstInvalidUTF8() {
            return YAMLDocument(
                root: nil, problems: [.invalidUTF8(at: invalid.position, byte: invalid.byte)], source: source)
        }
        var builder = TreeBuilder(source: source, limits: limits)
        let root = builder.run()
        return YAMLDocument(root: root, problems: builder.finishProblems(), source: source)
    }

    /// Reads YAML from a string.
    public static func read(_ text: String, limits: YAMLLimits = .standard) -> YAMLDocument {
        read(bytes: Array(text.utf8), limits: limits)
    }
}

/// Turns the event stream into nodes, with a stack of open collections.
private struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var tag: String?
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var pendingKey: Node?
        var seenKeys: [String: SourceRange] = [:]
        /// Nodes in this collection, counting what aliases repeat.
        var weight = 1
    }

    let source: SourceText
    let limits: YAMLLimits
    private var stack: [Frame] = []
    /// How many collections deeper than the limit are open; their content is skipped.
    private var skipDepth = 0
    private var anchors: [String: (node: Node, weight: Int)] = [:]
    private var totalNodes = 0
    private var problems: [YAMLProblem] = []
    private var root: Node?
    private var documents = 0
    private var syntaxFailure: SourcePosition?
    private var multiLineScalars: [SourceRange] = []

    init(source: SourceText, limits: YAMLLimits) {
        self.source = source
        self.limits = limits
    }

    /// Runs the parser to the end of the stream or the first fatal problem.
    mutating func run() -> Node? {
        let parser = LibYAMLParser(source: source, maxScalarBytes: limits.maxScalarBytes)
        while true {
            switch parser.next() {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                if documents == 0 { problems.append(.empty) }
                return root
            case .documentStart(let at):
                documents += 1
                if documents > 1 {
                    problems.append(.multipleDocuments(at: at))
                    return root
                }
            case .failure(let problem, let at, let context, let contextAt):
                syntaxFailure = at
                problems.append(.syntax(problem: problem, at: at, context: context, contextAt: contextAt))
                return nil
            case .alias(let name, let range):
                guard skipDepth == 0 else { continue }
                guard let anchored = anchors[name] else {
                    problems.append(.undefinedAlias(name: name, at: range))
                    add(Node(content: .scalar(Scalar(value: "", style: .plain)), range: range), weight: 1)
                    continue
                }
                guard count(anchored.weight, at: range.start) else { return nil }
                // An alias used as a key stands where it is written, so a duplicate key it makes
                // is reported at the alias rather than at the anchor.
                let isKey = stack.last.map { $0.isMapping && $0.pendingKey == nil } ?? false
                let node = anchored.node
                add(isKey ? Node(content: node.content, range: range, tag: node.tag) : node, weight: anchored.weight)
            case .scalar(let text, let length, let style, let tag, let anchor, let range):
                guard skipDepth == 0 else { continue }
                guard count(1, at: range.start) else { return nil }
                if text == nil {
                    problems.append(.scalarTooLong(at: range, bytes: length, limit: limits.maxScalarBytes))
                }
                if style != .plain, range.start.line != range.end.line { multiLineScalars.append(range) }
                let node = Node(content: .scalar(Scalar(value: text ?? "", style: style)), range: range, tag: tag)
                if let anchor { anchors[anchor] = (node, 1) }
                add(node, weight: 1)
            case .sequenceStart(let tag, let anchor, let start):
                open(Frame(isMapping: false, start: start, tag: tag, anchor: anchor))
            case .mappingStart(let tag, let anchor, let start):
                open(Frame(isMapping: true, start: start, tag: tag, anchor: anchor))
            case .sequenceEnd(let end), .mappingEnd(let end):
                if skipDepth > 0 {
                    skipDepth -= 1
                    if skipDepth == 0 { add(Node(content: .sequence([]), range: SourceRange(at: end)), weight: 1) }
                    continue
                }
                guard let frame = stack.popLast() else { continue }
                guard count(1, at: frame.start) else { return nil }
                let range = SourceRange(start: frame.start, end: end)
                let content: Node.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
                let node = Node(content: content, range: range, tag: frame.tag)
                if let anchor = frame.anchor { anchors[anchor] = (node, frame.weight) }
                add(node, weight: frame.weight)
            }
        }
    }

    /// Problems in file order; tab indentation is checked here, once the scalars are known.
    /// libyaml refuses a tab where indentation is read (block context at a line's start) and
    /// accepts one only as separation (in a flow collection, or on a plain scalar's
    /// continuation line). So a leading tab is reported only when libyaml stopped on a syntax
    /// error at or after its line, instead of that error, as it is the likely cause.
    mutating func finishProblems() -> [YAMLProblem] {
        let tabs = source.leadingTabs().filter { tab in
            guard let failure = syntaxFailure else { return false }
            return tab.line <= failure.line
                && !multiLineScalars.contains { $0.start.offset < tab.offset && tab.offset < $0.end.offset }
        }
        if !tabs.isEmpty {
            problems.removeAll { if case .syntax = $0 { return true } else { return false } }
            problems.append(contentsOf: tabs.map { .tabIndentation(at: $0) })
        }
        return problems.sorted { $0.position < $1.position }
    }

    /// Opens a collection; past the depth limit, reports once and skips its content.
    private mutating func open(_ frame: Frame) {
        if skipDepth > 0 || stack.count >= limits.maxDepth {
            if skipDepth == 0 { problems.append(.nestingTooDeep(at: frame.start, limit: limits.maxDepth)) }
            skipDepth += 1
            return
        }
        stack.append(frame)
    }

    /// Counts nodes against the limit; reports and returns false when it is passed.
    private mutating func count(_ nodes: Int, at position: SourcePosition) -> Bool {
        let (sum, overflow) = totalNodes.addingReportingOverflow(nodes)
        guard !overflow, sum <= limits.maxNodes else {
            problems.append(.tooManyNodes(at: position, limit: limits.maxNodes))
            return false
        }
        totalNodes = sum
        return true
    }

    /// Adds a finished node to the collection that is open, or makes it the root.
    private mutating func add(_ node: Node, weight: Int) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        let (sum, overflow) = stack[top].weight.addingReportingOverflow(weight)
        stack[top].weight = overflow ? Int.max : sum
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return
        }
        stack[top].pendingKey = nil
        if let name = key.scalar?.value {
            if let first = stack[top].seenKeys[name] {
                problems.append(.duplicateKey(key: name, at: key.range, first: first))
                return
            }
            stack[top].seenKeys[name] = key.range
        }
        stack[top].entries.append(MappingEntry(key: key, value: node))
    }
}
