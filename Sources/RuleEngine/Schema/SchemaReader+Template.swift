import YAMLReader

/// What an action's placeholders may refer to.
struct TemplateContext {
    /// The fees, for `{fee.ID}`.
    let fees: [Fee]
    /// The deadlines, for `{deadline.ID}`.
    let deadlines: [Deadline]
    /// The names of the inputs, for `{ma_expires}` and `{as_of}`.
    let inputNames: [String]

    /// Every placeholder other than `{cycle ± k}`, for "did you mean".
    var names: [String] {
        ["cycle"] + fees.map { "fee.\($0.id)" } + deadlines.map { "deadline.\($0.id)" } + inputNames
    }
}

/// Texts with placeholders.
extension SchemaReader {
    /// Reads a text and splits it at its placeholders: `{cycle ± k}`, `{fee.ID}` and
    /// `{deadline.ID}` are filled in now, input names are kept for each decision to fill.
    /// A bad placeholder is reported with the caret on the placeholder itself.
    mutating func template(_ node: Node, what: String, context: TemplateContext) -> [TextPiece]? {
        guard let value = text(node, what: what) else { return nil }
        var pieces: [TextPiece] = []
        var literal = ""
        var rest = Substring(value)
        var cursor = node.range.start
        var valid = true
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                let unclosed = rest[open...].count > 40 ? rest[open...].prefix(40) + "…" : String(rest[open...])
                report(Diagnostic(.unclosedPlaceholder(unclosed), at: location(of: "{", in: node, after: &cursor)))
                return nil
            }
            let written = String(rest[open...close])
            let inner = String(rest[rest.index(after: open)..<close]).trimmingSpaces()
            rest = rest[rest.index(after: close)...]
            let here = location(of: written, in: node, after: &cursor)
            if let filled = fill(inner, context: context) {
                literal += filled
            } else if context.inputNames.contains(inner) {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.input(inner))
            } else {
                let suggestion = Suggestion.closest(to: inner, in: context.names)
                let message: DiagnosticMessage =
                    suggestion == nil
                    ? .invalidPlaceholder(inner) : .undefinedPlaceholder(inner, suggestion: suggestion)
                report(Diagnostic(message, at: here))
                valid = false
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return valid ? pieces : nil
    }

    /// The text of a placeholder known at load time, or `nil`.
    private func fill(_ inner: String, context: TemplateContext) -> String? {
        if case .some(.relative("cycle", let offset)) = YearExpression.parse(inner), let cycle {
            return String(cycle + offset)
        }
        if inner.hasPrefix("fee.") {
            return context.fees.first { "fee.\($0.id)" == inner }.map { $0.money.description }
        }
        if inner.hasPrefix("deadline.") {
            return context.deadlines.first { "deadline.\($0.id)" == inner }.map { $0.date.description }
        }
        return nil
    }

    /// Where `needle` is written inside the scalar `node`, searching from `cursor` on and
    /// moving it past the match, so that a text's placeholders cost one pass over it; the whole
    /// node when it cannot be found, as for an escape sequence in a quoted scalar.
    func location(of needle: String, in node: Node, after cursor: inout SourcePosition) -> SourceLocation {
        guard let bytes = source?.bytes else { return location(node) }
        let pattern = Array(needle.utf8)
        let end = min(node.range.end.offset, bytes.count)
        var index = max(cursor.offset, node.range.start.offset)
        while index + pattern.count <= end {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) {
                let first = position(of: index, from: cursor, in: bytes)
                let last = position(of: index + pattern.count, from: first, in: bytes)
                cursor = last
                return SourceLocation(file: file, range: SourceRange(start: first, end: last))
            }
            index += 1
        }
        // Not written as it reads: later placeholders are not searched for either.
        cursor = SourcePosition(line: node.range.end.line, column: node.range.end.column, offset: end)
        return location(node)
    }

    /// The position of byte `offset`, walking forward from `base`; columns count Unicode scalars.
    private func position(of offset: Int, from base: SourcePosition, in bytes: [UInt8]) -> SourcePosition {
        var line = base.line
        var column = base.column
        for byte in bytes[base.offset..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}
