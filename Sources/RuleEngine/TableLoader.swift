import YAMLReader

/// The result of loading one rule table: every diagnostic, and the compiled table when
/// there were no errors.
public struct LoadResult: Sendable {
    /// The path or name the table was loaded from.
    public let file: String
    /// Every diagnostic, sorted by position.
    public let diagnostics: [Diagnostic]
    /// The compiled table, or `nil` when any diagnostic is an error.
    public let table: CompiledTable?
    /// The source text, for rendering snippets.
    public let source: SourceText
}

/// Loads rule tables: bytes → YAML nodes → typed table → coverage → analysis → decision tree.
public enum TableLoader {
    /// Loads the table at `path`. Throws only when the file cannot be read; every problem
    /// with its content is a diagnostic in the result. `limits` guard against hostile input;
    /// raise them only for trusted, generated tables larger than any real one.
    public static func load(path: String, limits: YAMLLimits = .standard) throws(FileReadError) -> LoadResult {
        load(bytes: try SourceFile.read(path: path, limit: limits.maxFileBytes), file: path, limits: limits)
    }

    /// Loads a table from YAML text; `file` names it in diagnostics.
    public static func load(yaml: String, file: String, limits: YAMLLimits = .standard) -> LoadResult {
        load(bytes: Array(yaml.utf8), file: file, limits: limits)
    }

    /// Loads a table from a file's bytes; `file` names it in diagnostics.
    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits = .standard) -> LoadResult {
        let document = YAMLReader.read(bytes: bytes, limits: limits)
        var diagnostics = document.problems.map { $0.diagnostic(file: file) }
        var table: CompiledTable?
        if let root = document.root {
            var loader = RuleTableLoader(file: file, source: document.source)
            let typed = loader.load(root)
            diagnostics += loader.reader.diagnostics
            if let typed, !diagnostics.hasErrors {
                let coverage = TableCompiler.coverage(of: typed)
                diagnostics += Analysis.run(AnalysisContext(table: typed, coverage: coverage))
                if !diagnostics.hasErrors {
                    let otherwise = typed.rules.lastIndex { $0.isOtherwise }.map { Int32($0) }
                    let tree = DecisionIndex(
                        coverage: coverage, otherwise: otherwise,
                        windowStart: Int32(typed.policy.windowStart.dayNumber))
                    table = CompiledTable(definition: typed, decisionIndex: tree)
                }
            }
        }
        return LoadResult(
            file: file, diagnostics: diagnostics.sortedByLocation(), table: table, source: document.source)
    }
}

extension CompiledTable {
    /// The regions of inputs that a rule decides, as compact boxes.
    public func regions(decidedBy ruleIndex: Int) -> [InputRegion] {
        var pieces: [(cell: Int, days: ClosedRange<Int>)] = []
        for cell in 0..<decisionIndex.space.count where decisionIndex.space.isRealisable(cell) {
            for interval in decisionIndex.intervals(of: cell) where interval.rule == Int32(ruleIndex) {
                pieces.append((cell, interval.first...interval.last))
            }
        }
        return InputRegion.compact(pieces, space: decisionIndex.space)
    }

    /// Notes (RC306) listing the regions that fall to `otherwise`, for `validate --verbose`.
    public func otherwiseNotes() -> [Diagnostic] {
        guard let index = definition.rules.lastIndex(where: { $0.isOtherwise }) else { return [] }
        let rule = definition.rules[index]
        return regions(decidedBy: index).map { region in
            Diagnostic(
                .otherwiseRegion(
                    rule.id, definition.describe(region: region), count: definition.count(of: region)),
                at: rule.location)
        }
    }
}
