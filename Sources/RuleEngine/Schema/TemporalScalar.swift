import YAMLReader

/// A literal year or date cell as the schema read it, with its exact place in the source, so
/// that tools can check it against the window or rewrite it in place (`roll-forward`).
package struct TemporalScalar: Sendable, Hashable {
    /// What the cell holds.
    package enum Value: Sendable, Hashable {
        /// A four-digit year written as a number (`2026`), not an expression on `cycle`.
        case year(Int)
        /// A `YYYY-MM-DD` date.
        case date(LocalDate)
    }

    /// The value read.
    package let value: Value
    /// The scalar's node: its range (quotes included) and style.
    package let node: Node
    /// Where it is, for diagnostics.
    package let location: SourceLocation
}

extension SchemaReader {
    /// Records a literal year or date cell.
    package mutating func noteTemporal(_ value: TemporalScalar.Value, at node: Node) {
        temporalScalars.append(TemporalScalar(value: value, node: node, location: location(node)))
    }
}

extension RuleTableLoader {
    /// Reads a table's nodes and returns every literal year and date cell, in reading order.
    package static func temporalScalars(_ root: Node, file: String) -> [TemporalScalar] {
        var loader = RuleTableLoader(file: file)
        _ = loader.load(root)
        return loader.reader.temporalScalars
    }
}
