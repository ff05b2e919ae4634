import Foundation
import RuleEngine
import YAMLReader

/// One file a roll-forward produced: its new bytes (or `nil` when a cell could not move), the
/// problems found while rolling, and what staff must review.
public struct RolledFile: Sendable {
    /// The file rolled from.
    public let source: String
    /// The new text, or `nil` when a cell could not move.
    public let bytes: [UInt8]?
    /// Cells that could not move (RC601), and the source's own errors.
    public let diagnostics: [Diagnostic]
    /// What did not move but may need to.
    public let review: [ReviewItem]
    /// How many year and date cells moved.
    public let movedCells: Int
}

/// Writes next year's table from this year's: every literal year and date cell, `cycle`, the
/// window and (when it is a year) `policy.version` move by a number of years, at their exact
/// byte ranges in the source, so that comments, order, quoting and layout stay as written.
/// Years written relative to `cycle` follow on their own; fees and texts stay as they are.
public enum RollForward {
    /// Rolls a rule table's source `years` on.
    public static func table(bytes: [UInt8], file: String, years: Int) -> RolledFile {
        let loaded = TableLoader.load(bytes: bytes, file: file)
        let document = YAMLReader.read(bytes: bytes)
        guard let root = document.root, let table = loaded.table else {
            return RolledFile(
                source: file, bytes: nil, diagnostics: loaded.diagnostics.filter { $0.severity == .error }, review: [],
                movedCells: 0)
        }
        let scalars = RuleTableLoader.temporalScalars(root, file: file)
        var edits = ScalarEdits()
        var diagnostics: [Diagnostic] = []
        YearShift.edits(for: scalars, years: years, into: &edits, diagnostics: &diagnostics)
        var moved = Set(scalars.map(\.node.range.start.offset))
        if let version = node(root, "policy", "version"), let value = version.scalar?.value, value.count == 4,
            value.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(value), (1000...9999).contains(year + years)
        {
            edits.replace(value, with: String(year + years), in: version)
            moved.insert(version.range.start.offset)
        }
        let review = ReviewFinder.items(
            root: root, source: document.source, file: file, table: table.definition, moved: moved)
        return RolledFile(
            source: file, bytes: diagnostics.isEmpty ? edits.applied(to: bytes) : nil, diagnostics: diagnostics,
            review: review, movedCells: edits.edits.count)
    }

    /// Rolls an expectations file's source `years` on, for the original table, pointing its
    /// `table:` at `newTable` (a path relative to the expectations file).
    public static func expectations(
        bytes: [UInt8], file: String, years: Int, table: RuleTable, newTable: String
    ) -> RolledFile {
        let document = YAMLReader.read(bytes: bytes)
        let (loaded, scalars) = ExpectationsLoader.loadRecording(document, file: file, for: table)
        guard let root = document.root, loaded.expectations != nil else {
            return RolledFile(
                source: file, bytes: nil, diagnostics: loaded.diagnostics.filter { $0.severity == .error }, review: [],
                movedCells: 0)
        }
        var edits = ScalarEdits()
        var diagnostics: [Diagnostic] = []
        YearShift.edits(for: scalars, years: years, into: &edits, diagnostics: &diagnostics)
        var moved = Set(scalars.map(\.node.range.start.offset))
        if let tableNode = node(root, "table"), let value = tableNode.scalar?.value {
            edits.replace(value, with: newTable, in: tableNode)
            moved.insert(tableNode.range.start.offset)
        }
        let review = ReviewFinder.items(root: root, source: document.source, file: file, table: nil, moved: moved)
        return RolledFile(
            source: file, bytes: diagnostics.isEmpty ? edits.applied(to: bytes) : nil, diagnostics: diagnostics,
            review: review, movedCells: edits.edits.count)
    }

    /// The value at a path of mapping keys.
    private static func node(_ root: Node, _ keys: String...) -> Node? {
        var current = root
        for key in keys {
            guard let entry = current.mapping?.first(where: { $0.key.scalar?.value == key }) else { return nil }
            current = entry.value
        }
        return current
    }

    /// The path next year's table gets without `--output`: `<cycle + years>.yaml` beside the input.
    public static func defaultOutput(forTable path: String, cycle: Int, years: Int) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("\(cycle + years).yaml")
    }
}
