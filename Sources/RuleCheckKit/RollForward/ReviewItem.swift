import RuleEngine
import YAMLReader

/// Something staff must check by hand after a roll-forward: it did not move, but may need to.
public struct ReviewItem: Sendable, Hashable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable, Hashable {
        /// A fee amount, kept as it was.
        case fee
        /// A comment that names a literal year.
        case comment
        /// A text (title, source, action, label) that names a literal year.
        case text
    }

    /// What kind of thing it is.
    public let kind: Kind
    /// The file.
    public let file: String
    /// The 1-based line.
    public let line: Int
    /// What to look at, as written.
    public let text: String
}

/// Finds what a roll-forward leaves for staff to review.
enum ReviewFinder {
    /// Fees, and every comment and text scalar that holds a literal year (a four-digit number
    /// from 1900 to 2199), except the cells that were moved.
    static func items(
        root: Node, source: SourceText, file: String, table: RuleTable?, moved: Set<Int>
    ) -> [ReviewItem] {
        var items: [ReviewItem] = []
        for fee in table?.fees ?? [] {
            items.append(
                ReviewItem(
                    kind: .fee, file: file, line: fee.location.line,
                    text: "fee `\(fee.id)` is still \(fee.money); check it against the new policy"))
        }
        var scalars: [Node] = []
        collectScalars(root, into: &scalars)
        for node in scalars where !moved.contains(node.range.start.offset) {
            guard let value = node.scalar?.value, containsYear(value) else { continue }
            items.append(ReviewItem(kind: .text, file: file, line: node.range.start.line, text: value))
        }
        let ranges = scalars.map { $0.range.start.offset..<$0.range.end.offset }.sorted {
            $0.lowerBound < $1.lowerBound
        }
        for (line, comment) in comments(source.bytes, outside: ranges) where containsYear(comment) {
            items.append(ReviewItem(kind: .comment, file: file, line: line, text: comment))
        }
        return items.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
    }

    /// Every scalar of the tree that is a value (keys are names, never policy text).
    private static func collectScalars(_ node: Node, into scalars: inout [Node]) {
        switch node.content {
        case .scalar: scalars.append(node)
        case .sequence(let items): for item in items { collectScalars(item, into: &scalars) }
        case .mapping(let entries): for entry in entries { collectScalars(entry.value, into: &scalars) }
        }
    }

    /// The comments of a YAML file: from a `#` at a line's start or after a space, outside every
    /// scalar, to the line's end; with their 1-based lines.
    static func comments(_ bytes: [UInt8], outside scalars: [Range<Int>]) -> [(line: Int, text: String)] {
        var result: [(line: Int, text: String)] = []
        var line = 1
        var index = 0
        var scalar = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                index += 1
                continue
            }
            while scalar < scalars.count, scalars[scalar].upperBound <= index { scalar += 1 }
            let inside = scalar < scalars.count && scalars[scalar].contains(index)
            let startsComment =
                index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 || bytes[index - 1] == 0x0A
            if byte == 0x23, !inside, startsComment {
                var end = index
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                result.append((line, String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
                continue
            }
            index += 1
        }
        return result
    }

    /// Whether a text holds a four-digit number from 1900 to 2199 standing alone.
    static func containsYear(_ text: String) -> Bool {
        let characters = Array(text.unicodeScalars)
        var index = 0
        while index + 4 <= characters.count {
            let window = characters[index..<(index + 4)]
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 4 < characters.count ? characters[index + 4] : " "
            if window.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
                !(before.isASCII && before.properties.numericType == .decimal),
                !(after.isASCII && after.properties.numericType == .decimal),
                let year = Int(String(String.UnicodeScalarView(window))), (1900...2199).contains(year)
            {
                return true
            }
            index += 1
        }
        return false
    }
}
