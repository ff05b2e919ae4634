import RuleEngine
import YAMLReader

/// Replacements of scalar text at exact byte ranges of a source file; every byte outside them
/// (comments, order, quoting, layout) stays as it was.
struct ScalarEdits {
    /// A replacement of `old` by `new` inside a scalar's range.
    struct Edit {
        let range: Range<Int>
        let old: String
        let new: String
    }

    private(set) var edits: [Edit] = []

    /// Replaces the text `old` where it occurs inside `node`'s range (inside its quotes, if any).
    mutating func replace(_ old: String, with new: String, in node: Node) {
        let range = node.range.start.offset..<node.range.end.offset
        guard !edits.contains(where: { $0.range.overlaps(range) }) else { return }
        edits.append(Edit(range: range, old: old, new: new))
    }

    /// The source with every edit applied; an edit whose text is not found in its range is skipped.
    func applied(to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            guard edit.range.upperBound <= result.count else { continue }
            let slice = Array(result[edit.range])
            let old = Array(edit.old.utf8)
            guard let start = Self.firstIndex(of: old, in: slice) else { continue }
            let from = edit.range.lowerBound + start
            result.replaceSubrange(from..<(from + old.count), with: Array(edit.new.utf8))
        }
        return result
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count)
        where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

/// Moving literal years and dates by a number of years.
enum YearShift {
    /// The edits that move each year and date cell `years` on, and an error at each cell that
    /// cannot move (February 29 into a common year, a year beyond four digits).
    static func edits(
        for scalars: [TemporalScalar], years: Int, into edits: inout ScalarEdits, diagnostics: inout [Diagnostic]
    ) {
        for scalar in scalars {
            switch scalar.value {
            case .year(let year):
                let target = year + years
                guard (1000...9999).contains(target) else {
                    diagnostics.append(Diagnostic(.rollForwardYear(year, years: years), at: scalar.location))
                    continue
                }
                edits.replace(String(year), with: String(target), in: scalar.node)
            case .date(let date):
                guard let moved = move(date, years: years) else {
                    diagnostics.append(
                        Diagnostic(
                            .rollForwardDate(date, years: years, target: date.year + years), at: scalar.location))
                    continue
                }
                edits.replace(date.description, with: moved.description, in: scalar.node)
            }
        }
    }

    /// The same month and day `years` on, or `nil` when that day does not exist.
    static func move(_ date: LocalDate, years: Int) -> LocalDate? {
        let text = date.description
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return LocalDate(year: parts[0] + years, month: parts[1], day: parts[2])
    }
}
