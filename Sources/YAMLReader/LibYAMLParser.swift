import CYAML

/// One libyaml parse event, copied out of the C structures so that nothing C-owned
/// outlives the call that produced it.
enum ParseEvent {
    case streamStart
    case streamEnd
    case documentStart(at: SourcePosition)
    case documentEnd
    case alias(anchor: String, range: SourceRange)
    case scalar(text: String?, bytes: Int, style: ScalarStyle, tag: String?, anchor: String?, range: SourceRange)
    case sequenceStart(tag: String?, anchor: String?, start: SourcePosition)
    case sequenceEnd(end: SourcePosition)
    case mappingStart(tag: String?, anchor: String?, start: SourcePosition)
    case mappingEnd(end: SourcePosition)
    case failure(problem: String, at: SourcePosition, context: String?, contextAt: SourcePosition?)
}

/// Owns a libyaml parser and a private copy of its input, and frees both in `deinit`.
/// This is the only type that touches libyaml.
final class LibYAMLParser {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let source: SourceText
    private let maxScalarBytes: Int
    private var initialized = false
    /// The last position converted, to start the next conversion on the same line from there.
    private var lastPosition: SourcePosition?

    /// Creates a parser over a copy of the source's bytes.
    init(source: SourceText, maxScalarBytes: Int) {
        self.source = source
        self.maxScalarBytes = maxScalarBytes
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(source.bytes.count, 1))
        _ = input.initialize(from: source.bytes)
        if yaml_parser_initialize(&parser) == 1 {
            initialized = true
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            if let base = input.baseAddress {
                yaml_parser_set_input_string(&parser, base, source.bytes.count)
            }
        }
    }

    deinit {
        if initialized { yaml_parser_delete(&parser) }
        input.deallocate()
    }

    /// The next event; after a failure or the stream's end, the caller must stop asking.
    func next() -> ParseEvent {
        guard initialized else {
            return .failure(problem: "cannot initialize the YAML parser", at: .start, context: nil, contextAt: nil)
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return failure() }
        defer { yaml_event_delete(&event) }
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(at: start)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "", range: SourceRange(start: start, end: end))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let length = scalar.length
            var text: String?
            if length <= maxScalarBytes, let value = scalar.value {
                text = String(decoding: UnsafeBufferPointer(start: value, count: length), as: UTF8.self)
            }
            return .scalar(
                text: text, bytes: length, style: style(scalar.style), tag: string(scalar.tag),
                anchor: string(scalar.anchor), range: SourceRange(start: start, end: end))
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(tag: string(data.tag), anchor: string(data.anchor), start: start)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(tag: string(data.tag), anchor: string(data.anchor), start: start)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd(end: end)
        default:
            return .streamEnd
        }
    }

    private func failure() -> ParseEvent {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let problemMark = position(parser.problem_mark)
        let contextMark = context == nil ? nil : position(parser.context_mark)
        return .failure(problem: problem, at: problemMark, context: context, contextAt: contextMark)
    }

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        let position = source.position(libyamlLine: Int(mark.line), column: Int(mark.column), hint: lastPosition)
        lastPosition = position
        return position
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return pointer.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
    }

    private func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
