/// The checks a folder of tables gets beyond each table's own: the tables share their inputs
/// and derived outputs, have distinct versions and window starts, leave no hole between
/// successive windows, and, where windows overlap, a hand-over report says where the newer
/// table takes over a decision the older one makes differently.
public enum HistoryCheck {
    /// The diagnostics for the clean tables of one folder. The hand-over is one note per pair of
    /// overlapping windows; with `verbose`, also one note per region with an example.
    public static func run(_ tables: [CompiledTable], verbose: Bool = false) -> [Diagnostic] {
        guard let first = tables.first, tables.count > 1 else { return [] }
        var diagnostics: [Diagnostic] = []
        var shared = true
        for table in tables.dropFirst() where !table.definition.sharesInputs(with: first.definition) {
            shared = false
            diagnostics.append(
                Diagnostic(
                    .historyInputsDiffer(table.definition.file, first.definition.file),
                    at: table.definition.yearInputs.first?.location ?? anchor(table)))
        }
        for (index, table) in tables.enumerated() {
            for other in tables[..<index] {
                if other.policy.version == table.policy.version {
                    diagnostics.append(
                        Diagnostic(
                            .duplicateVersion(table.policy.version, other.definition.file),
                            at: table.definition.versionLocation ?? anchor(table)))
                }
                if other.policy.windowStart == table.policy.windowStart {
                    diagnostics.append(
                        Diagnostic(
                            .windowTie(table.policy.windowStart, other.definition.file),
                            at: table.definition.windowLocation ?? anchor(table)))
                }
            }
        }
        diagnostics += holes(tables)
        if shared { diagnostics += handOvers(tables, verbose: verbose) }
        return diagnostics
    }

    /// Dates between successive windows (ordered by start) that no window holds.
    private static func holes(_ tables: [CompiledTable]) -> [Diagnostic] {
        let ordered = tables.sorted { $0.policy.windowStart < $1.policy.windowStart }
        var diagnostics: [Diagnostic] = []
        guard var covering = ordered.first else { return [] }
        for table in ordered.dropFirst() {
            let gapStart = covering.policy.windowEnd.adding(days: 1)
            if table.policy.windowStart > gapStart {
                let gapEnd = table.policy.windowStart.adding(days: -1)
                diagnostics.append(
                    Diagnostic(
                        .historyHole(
                            gapStart, gapEnd, count: gapEnd.dayNumber - gapStart.dayNumber + 1,
                            older: covering.definition.file),
                        at: table.definition.windowLocation ?? anchor(table)))
            }
            if table.policy.windowEnd > covering.policy.windowEnd { covering = table }
        }
        return diagnostics
    }

    /// The hand-over notes of every pair of overlapping windows, newer over older.
    private static func handOvers(_ tables: [CompiledTable], verbose: Bool) -> [Diagnostic] {
        let ordered = tables.sorted { $0.policy.windowStart > $1.policy.windowStart }
        var diagnostics: [Diagnostic] = []
        for (index, newer) in ordered.enumerated() {
            for older in ordered[(index + 1)...] where older.policy.windowStart < newer.policy.windowStart {
                let handOver = HandOver(newer: newer, older: older)
                guard let overlap = handOver.overlap else { continue }
                let changes = handOver.changes()
                let regions = changes.flatMap(\.regions)
                let described = handOver.compared
                guard !regions.isEmpty else { continue }
                diagnostics.append(
                    Diagnostic(
                        .handOverSummary(
                            newer.definition.file, older.definition.file,
                            count: regions.reduce(0) { $0 + described.count(of: $1) },
                            regions: regions.count, first: LocalDate(dayNumber: overlap.lowerBound),
                            last: LocalDate(dayNumber: overlap.upperBound)),
                        at: newer.definition.windowLocation ?? anchor(newer)))
                guard verbose else { continue }
                for change in changes {
                    let old = HandOver.describe(older, rule: change.oldRule, flags: change.oldFlags)
                    let new = HandOver.describe(newer, rule: change.newRule, flags: change.newFlags)
                    for region in change.regions {
                        diagnostics.append(
                            Diagnostic(
                                .handOver(
                                    described.describe(region: region), count: described.count(of: region),
                                    from: old, to: new, example: describeExample(region, table: described)),
                                at: newer.definition.rules[change.newRule].location,
                                notes: [
                                    DiagnosticNote(
                                        DiagnosticMessage.olderRule(
                                            older.definition.rules[change.oldRule].id, older.definition.file),
                                        at: older.definition.rules[change.oldRule].location)
                                ]))
                    }
                }
            }
        }
        return diagnostics
    }

    private static func anchor(_ table: CompiledTable) -> SourceLocation {
        SourceLocation(file: table.definition.file, range: .init(at: .start))
    }
}
