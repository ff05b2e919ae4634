import Foundation
import RuleCheckKit
import RuleEngine

/// Reads the rules path (a table file or a folder of them) into tables, all or nothing: the
/// tables come back only when every file loads without errors.
struct TableFolder: Sendable {
    /// A table file or a folder of `*.yaml` tables (expectations files are skipped).
    let path: String

    /// What a load found: the tables with the fingerprint of exactly the bytes they were read
    /// from, or every problem as `file:line:col` lines.
    enum Outcome: Sendable {
        case loaded(TableSource.Snapshot, fingerprint: String)
        case failed([String])
    }

    /// The table files the path names, sorted by name.
    func tableFiles() throws(LoadFailure) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadFailure("\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let tables = names.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expect.yaml") }.sorted()
        guard !tables.isEmpty else { throw LoadFailure("\(path): the folder holds no rule table (*.yaml)") }
        return tables.map { (path as NSString).appendingPathComponent($0) }
    }

    /// A fingerprint of the files: names, sizes, modification times and SHA-256 of their bytes.
    /// Two reads that give the same fingerprint saw the same tables.
    func fingerprint() -> String {
        guard let files = try? tableFiles() else { return "missing" }
        return files.map { file in
            let stamp = Self.stamp(file)
            return Self.entry(file, stamp: stamp, bytes: try? SourceFile.read(path: file))
        }.joined(separator: "\n")
    }

    /// A file's size and modification time, read before its bytes.
    private static func stamp(_ file: String) -> (size: Int, modified: Double) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return (size, modified)
    }

    /// One file's line of the fingerprint.
    private static func entry(_ file: String, stamp: (size: Int, modified: Double), bytes: [UInt8]?) -> String {
        "\(file) \(stamp.size) \(stamp.modified) \(bytes.map(SHA256.hex) ?? "unreadable")"
    }

    /// Loads and validates every table, and checks that they form one policy history.
    func load() -> Outcome {
        let files: [String]
        do { files = try tableFiles() } catch { return .failed([error.message]) }
        var tables: [LoadedTable] = []
        var problems: [String] = []
        // The fingerprint of the bytes actually loaded, so that a file replaced while the
        // folder was read is seen as changed at the next poll, and one that was not is not
        // loaded twice.
        var entries: [String] = []
        for file in files {
            let stamp = Self.stamp(file)
            let bytes: [UInt8]
            do { bytes = try SourceFile.read(path: file) } catch {
                problems.append(error.description)
                continue
            }
            entries.append(Self.entry(file, stamp: stamp, bytes: bytes))
            let result = TableLoader.load(bytes: bytes, file: file)
            let renderer = DiagnosticRenderer(colored: false, sources: [file: result.source])
            problems += result.diagnostics.filter { $0.severity == .error }.map { renderer.render($0) }
            if let table = result.table {
                tables.append(LoadedTable(compiled: table, file: file, sha256: SHA256.hex(bytes)))
            }
        }
        guard problems.isEmpty else { return .failed(problems) }
        do {
            let history = try PolicyHistory(tables.map(\.compiled))
            let ordered = history.tables.compactMap { table in tables.first { $0.compiled === table } }
            return .loaded(
                TableSource.Snapshot(history: history, tables: ordered), fingerprint: entries.joined(separator: "\n"))
        } catch {
            return .failed(["\(path): \(error.description)"])
        }
    }
}

/// Why the rules path could not be read at all.
struct LoadFailure: Error, Sendable {
    /// One line naming the path.
    let message: String

    init(_ message: String) { self.message = message }
}
