import Testing

@testable import YAMLReader

@Suite("Node tree")
struct NodeTreeTests {
    @Test("scalars keep their text, style and tag; YAML 1.1 types are never resolved")
    func scalarStyles() throws {
        let text = """
            plain: no
            single: 'no'
            double: "2026"
            year: 2026
            octal: 0o17
            date: 2026-02-15
            tagged: !!str 12
            literal: |
              line
            folded: >
              a
              b
            """
        let document = YAMLReader.read(text)
        #expect(document.problems.isEmpty)
        let entries = try #require(document.root?.mapping)
        let values = entries.map { ($0.key.scalar?.value ?? "", $0.value.scalar?.value ?? "", $0.value.scalar?.style) }
        #expect(
            values.map(\.0) == ["plain", "single", "double", "year", "octal", "date", "tagged", "literal", "folded"])
        #expect(values[0].1 == "no" && values[0].2 == .plain)
        #expect(values[1].1 == "no" && values[1].2 == .singleQuoted)
        #expect(values[2].1 == "2026" && values[2].2 == .doubleQuoted)
        #expect(values[4].1 == "0o17")
        #expect(values[5].1 == "2026-02-15")
        #expect(entries[6].value.tag == "tag:yaml.org,2002:str")
        #expect(values[7].1 == "line\n" && values[7].2 == .literal)
        #expect(values[8].1 == "a b" && values[8].2 == .folded)
    }

    @Test("every node carries 1-based start and end positions and byte offsets")
    func positions() throws {
        let text = "a:\n  - x\n  - é: yz\n"
        let document = YAMLReader.read(text)
        let root = try #require(document.root)
        let sequence = try #require(root.mapping?.first?.value)
        #expect(sequence.range.start.line == 2 && sequence.range.start.column == 3)
        let second = try #require(sequence.sequence?[1].mapping?.first)
        #expect(second.key.range.start == SourcePosition(line: 3, column: 5, offset: 13))
        // `é` is two bytes: the value starts at column 8 but byte offset 17.
        #expect(second.value.range.start == SourcePosition(line: 3, column: 8, offset: 17))
        #expect(second.value.range.end == SourcePosition(line: 3, column: 10, offset: 19))
    }

    @Test("anchors and aliases expand to the anchored node")
    func aliases() throws {
        let document = YAMLReader.read("base: &b {x: 1}\ncopy: *b\n")
        #expect(document.problems.isEmpty)
        let entries = try #require(document.root?.mapping)
        #expect(entries[0].value == entries[1].value)
    }

    @Test("limits are configurable and each is reported once")
    func customLimits() {
        let limits = YAMLLimits(maxFileBytes: 1000, maxDepth: 2, maxScalarBytes: 3, maxNodes: 50)
        let document = YAMLReader.read("a: [[[1]]]\nb: abcd\n", limits: limits)
        let kinds = document.problems.map { problem -> String in
            switch problem {
            case .nestingTooDeep: return "depth"
            case .scalarTooLong: return "scalar"
            default: return "other"
            }
        }
        #expect(kinds == ["depth", "scalar"])
    }

    @Test("tabs inside block scalars are content, not indentation")
    func tabsInBlockScalars() {
        let document = YAMLReader.read("text: |\n  a\n  \tb\n")
        #expect(document.problems.isEmpty)
    }

    @Test(
        "tabs that libyaml accepts as separation are accepted; a tab as indentation is reported",
        arguments: [
            ("key: a\n  \tb\n", false), ("list: [a,\n\tb]\n", false), ("map: {a: 1,\n \tb: 2}\n", false),
            ("policy:\n\tid: x\n", true), ("a:\n  b: 1\n  \tc: 2\n", true),
        ])
    func tabsAsSeparation(text: String, reported: Bool) {
        let document = YAMLReader.read(text)
        let tabs = document.problems.filter { if case .tabIndentation = $0 { return true } else { return false } }
        #expect(tabs.isEmpty != reported, "\(document.problems)")
        if !reported { #expect(document.problems.isEmpty, "\(document.problems)") }
    }

    @Test("a duplicate key made by an alias is reported at the alias, with a note at the first key")
    func duplicateKeyByAlias() throws {
        let document = YAMLReader.read("a: &k id\nm:\n  id: 1\n  *k : 2\n")
        let problem = try #require(document.problems.first)
        guard case .duplicateKey(let key, let range, let first) = problem else {
            Issue.record("expected a duplicate key, got \(problem)")
            return
        }
        #expect(key == "id")
        #expect(range.start.line == 4 && range.start.column == 3)
        #expect(first.start.line == 3)
    }

    @Test("a UTF-8 byte-order mark is accepted and does not shift columns")
    func byteOrderMark() throws {
        let document = YAMLReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8))
        #expect(document.problems.isEmpty)
        let value = try #require(document.root?.mapping?.first?.value)
        #expect(value.range.start.column == 4)
        #expect(value.range.start.offset == 6)
    }

    @Test("random bytes never crash the reader", arguments: 0..<64)
    func randomBytes(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let length = Int(generator.next() % 512)
        let alphabet = Array("ab: -[]{}&*!|>'\"#\n\t,?%@`0123456789".utf8) + [0x00, 0xC3, 0xA9, 0xFF]
        let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        let document = YAMLReader.read(bytes: bytes)
        #expect(document.root != nil || !document.problems.isEmpty)
    }
}

/// A small deterministic generator, so that failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
