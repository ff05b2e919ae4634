import Foundation
import RuleEngine
import YAMLReader

/// The result of loading an expectations file.
public struct ExpectationsLoadResult: Sendable {
    /// Every diagnostic.
    public let diagnostics: [Diagnostic]
    /// The expectations, or `nil` when there were errors.
    public let expectations: ExpectationsFile?
    /// The source text, for rendering snippets.
    public let source: SourceText
}

/// Reads `*.expect.yaml` files with the same reader and strict schema as rule tables.
public enum ExpectationsLoader {
    /// The table file that an expectations document at `path` names in its `table:` key,
    /// resolved against the expectations file's folder; `nil` when there is none.
    package static func tablePath(in root: Node?, expectationsPath path: String) -> String? {
        let key = ExpectationsKey.table.rawValue
        guard let value = root?.mapping?.first(where: { $0.key.scalar?.value == key })?.value.scalar?.value
        else { return nil }
        if value.hasPrefix("/") { return value }
        return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(value)
    }

    /// The conventional expectations path for a table: `X.yaml` → `X.expect.yaml`.
    public static func defaultPath(forTable path: String) -> String {
        (path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path) + ".expect.yaml"
    }

    /// Loads expectations for a table. Throws only when the file cannot be read.
    public static func load(path: String, for table: RuleTable) throws(FileReadError) -> ExpectationsLoadResult {
        load(bytes: try SourceFile.read(path: path), file: path, for: table)
    }

    /// Loads expectations from bytes; `file` names them in diagnostics. Without a table, only
    /// the YAML is checked.
    public static func load(bytes: [UInt8], file: String, for table: RuleTable?) -> ExpectationsLoadResult {
        load(YAMLReader.read(bytes: bytes), file: file, for: table)
    }

    /// Loads expectations from a document already read.
    static func load(_ document: YAMLDocument, file: String, for table: RuleTable?) -> ExpectationsLoadResult {
        loadRecording(document, file: file, for: table).result
    }

    /// Loads expectations and returns, beside the result, every literal year and date cell read.
    static func loadRecording(_ document: YAMLDocument, file: String, for table: RuleTable?) -> (
        result: ExpectationsLoadResult, temporalScalars: [TemporalScalar]
    ) {
        var diagnostics = document.problems.map { $0.diagnostic(file: file) }
        var expectations: ExpectationsFile?
        var scalars: [TemporalScalar] = []
        if let root = document.root, let table {
            var reader = SchemaReader(file: file)
            reader.cycle = table.cycle
            expectations = read(root, table: table, reader: &reader)
            diagnostics += reader.diagnostics
            scalars = reader.temporalScalars
        }
        if diagnostics.hasErrors { expectations = nil }
        let result = ExpectationsLoadResult(
            diagnostics: diagnostics.sortedByLocation(), expectations: expectations, source: document.source)
        return (result, scalars)
    }

    private static func read(_ root: Node, table: RuleTable, reader: inout SchemaReader) -> ExpectationsFile? {
        guard let top = reader.mapping(root, in: "the expectations file", keys: ExpectationsKey.self) else {
            return nil
        }
        if let node = top[.format], let format = reader.text(node, what: "the format"),
            format != ExpectationsFormat.version
        {
            reader.report(.unsupportedFormat(format), at: node)
        }
        if let node = top[.table] { _ = reader.text(node, what: "a table path") }
        let certifications =
            top[.certifications].map { reader.certifications($0, inputs: table.yearInputs, asOf: table.dateInputName) }
            ?? []
        let conditions = ConditionReader(
            yearInputs: table.yearInputs, dateInput: table.dateInputName, certifications: certifications,
            deadlines: [])
        let fields = FieldReader(
            conditions: conditions, derivedNames: table.derived.map(\.name), typedOutputs: table.outputs)
        let defaults = top[.defaults].flatMap { fields.read($0, reader: &reader) } ?? ExpectedFields()
        var rows: [ExpectationRow] = []
        var seen: [String: SourceLocation] = [:]
        for item in top[.expectations].flatMap({ reader.sequence($0, of: "expectations") }) ?? [] {
            guard
                let entries = reader.mapping(item, in: "an expectation", keys: ExpectationRowKey.self),
                let idNode = entries[.id], let id = reader.identifier(idNode),
                let whenNode = entries[.when], let expectNode = entries[.expect]
            else { continue }
            _ = entries[.note].map { reader.text($0, what: "a note") }
            let pattern = conditions.read(whenNode, reader: &reader)
            guard let expected = fields.read(expectNode, reader: &reader), let pattern else { continue }
            let location = reader.location(idNode)
            if let first = seen[id] {
                reader.report(
                    Diagnostic(
                        .duplicateID("expectation", id), at: location,
                        notes: [DiagnosticNote(DiagnosticMessage.firstDefinition, at: first)]))
            }
            seen[id] = location
            rows.append(
                ExpectationRow(
                    id: id, conditions: pattern, expected: expected.merged(over: defaults), location: location))
        }
        return ExpectationsFile(file: reader.file, certifications: certifications, rows: rows)
    }
}

/// Reads the expected fields of a row or of `defaults`.
private struct FieldReader {
    let conditions: ConditionReader
    let derivedNames: [String]
    let typedOutputs: [TypedOutput]

    func read(_ node: Node, reader: inout SchemaReader) -> ExpectedFields? {
        guard
            let mapping = reader.mapping(
                node, in: "expected fields", keys: ExpectedFieldKey.self,
                others: derivedNames + typedOutputs.map(\.name))
        else { return nil }
        let (entries, outputs) = mapping
        var fields = ExpectedFields()
        var valid = true
        fields.cohort = entries[.cohort].flatMap { reader.identifier($0) }
        fields.status = entries[.status].flatMap { reader.identifier($0) }
        if let feeNode = entries[.fee] {
            if feeNode.scalar.map({ $0.style == .plain && $0.value == "none" }) ?? false {
                fields.fee = .some(nil)
            } else if let items = feeNode.sequence {
                if let list = fees(items, reader: &reader) {
                    fields.fees = list.fees
                    fields.fee = .some(list.total)
                } else {
                    valid = false
                }
            } else if let money = fee(feeNode, reader: &reader) {
                fields.fee = .some(money)
            } else {
                valid = false
            }
        }
        if let deadlinesNode = entries[.deadlines] {
            let items = reader.sequence(deadlinesNode, of: "deadlines") ?? []
            let deadlines = items.map { deadline($0, reader: &reader) }
            if deadlines.contains(where: { $0 == nil }) { valid = false }
            fields.deadlines = deadlines.compactMap { $0 }
        }
        for name in derivedNames {
            guard let valueNode = outputs[name] else { continue }
            if let value = bool(valueNode, reader: &reader) { fields.derived[name] = value } else { valid = false }
        }
        for output in typedOutputs {
            guard let valueNode = outputs[output.name] else { continue }
            if let value = reader.outputValue(valueNode, of: output) {
                fields.outputs[output.name] = value
            } else {
                valid = false
            }
        }
        return valid ? fields : nil
    }

    private func fee(_ node: Node, reader: inout SchemaReader) -> Money? {
        guard
            let entries = reader.mapping(node, in: "an expected fee", keys: ExpectedFeeKey.self),
            let amount = entries[.amount], let currency = entries[.currency]
        else { return nil }
        return reader.money(amount: amount, currency: currency)
    }

    /// Several expected fees, in order, and their total; they must share a currency.
    private func fees(_ items: [Node], reader: inout SchemaReader) -> (fees: [Money], total: Money?)? {
        let list = items.map { fee($0, reader: &reader) }
        guard !list.contains(where: { $0 == nil }) else { return nil }
        let fees = list.compactMap { $0 }
        for (item, money) in zip(items, fees) {
            guard let first = fees.first, money.currency != first.currency else { continue }
            reader.report(
                .mixedCurrencies(money.description, money.currency, first: first.description, first.currency), at: item)
            return nil
        }
        let total = fees.first.map { Money(minorUnits: fees.reduce(0) { $0 + $1.minorUnits }, currency: $0.currency) }
        return (fees, total)
    }

    private func deadline(_ node: Node, reader: inout SchemaReader) -> ExpectedDeadline? {
        if node.scalar != nil {
            return reader.date(node).map { ExpectedDeadline(date: $0, inclusive: nil, kind: nil) }
        }
        guard
            let entries = reader.mapping(node, in: "an expected deadline", keys: ExpectedDeadlineKey.self),
            let date = entries[.date].flatMap({ reader.date($0) })
        else { return nil }
        let inclusive = entries[.inclusive].flatMap { reader.bool($0) }
        let kind = entries[.kind].flatMap { reader.identifier($0) }
        return ExpectedDeadline(date: date, inclusive: inclusive, kind: kind)
    }

    private func bool(_ node: Node, reader: inout SchemaReader) -> ExpectedBool? {
        if node.scalar != nil { return reader.bool(node).map { .constant($0) } }
        guard let entries = reader.mapping(node, in: "an expected boolean", keys: ExpectedBoolKey.self),
            let whenNode = entries[.when], let list = conditions.read(whenNode, reader: &reader)
        else { return nil }
        return .when(list)
    }
}

extension ExpectationsLoader {
    /// Loads an expectations file and the table its `table:` key names, for checking the file
    /// on its own. Throws only when the expectations file cannot be read.
    public static func loadStandalone(path: String) throws(FileReadError) -> (
        table: LoadResult?, expectations: ExpectationsLoadResult
    ) {
        let document = YAMLReader.read(bytes: try SourceFile.read(path: path))
        let source = document.source
        let anchor = SourceLocation(file: path, range: SourceRange(at: .start))
        guard let tablePath = tablePath(in: document.root, expectationsPath: path) else {
            let result = load(document, file: path, for: nil)
            let diagnostics =
                result.diagnostics.isEmpty ? [Diagnostic(.expectationsTableMissing, at: anchor)] : result.diagnostics
            return (nil, ExpectationsLoadResult(diagnostics: diagnostics, expectations: nil, source: source))
        }
        // Problems with the named table are reported at the `table:` value, not at 1:1.
        let key = ExpectationsKey.table.rawValue
        let value = document.root?.mapping?.first(where: { $0.key.scalar?.value == key })?.value
        let at = value.map { SourceLocation(file: path, range: $0.range) } ?? anchor
        let table: LoadResult
        do {
            table = try TableLoader.load(path: tablePath)
        } catch {
            let diagnostic = Diagnostic(.expectationsTableUnreadable(tablePath, reason: error.description), at: at)
            return (nil, ExpectationsLoadResult(diagnostics: [diagnostic], expectations: nil, source: source))
        }
        guard let compiled = table.table else {
            let diagnostic = Diagnostic(.expectationsTableUnusable(tablePath, reason: "it has errors"), at: at)
            return (table, ExpectationsLoadResult(diagnostics: [diagnostic], expectations: nil, source: source))
        }
        return (table, load(document, file: path, for: compiled.definition))
    }
}

extension ExpectationsLoader {
    /// The path of the table an expectations file names in its `table:` key (relative paths
    /// resolved against the file's folder), or `nil` when it names none or cannot be read.
    package static func namedTable(inFileAt path: String) -> String? {
        guard let bytes = try? SourceFile.read(path: path) else { return nil }
        return tablePath(in: YAMLReader.read(bytes: bytes).root, expectationsPath: path)
    }
}
