import Foundation

/// What loading a table or a folder of tables produced: each table's load result, and the
/// history when every table is clean and they form one.
public struct HistoryLoadResult: Sendable {
    /// Each table file's result, in file-name order.
    public let results: [LoadResult]
    /// The history, or `nil` when a table has errors or the tables cannot form one.
    public let history: PolicyHistory?
    /// Why clean tables cannot form one history, if that is the problem.
    public let historyError: PolicyHistoryError?
}

extension PolicyHistory {
    /// The rule-table files a path names: the path itself when it is a file; for a folder, each
    /// `*.yaml` file in it, sorted by name, skipping hidden files (names starting with `.`, such
    /// as editor lock files), expectations files (`*.expect.yaml`) and anything else.
    public static func tableFiles(at path: String) throws(FileReadError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        guard isDirectory.boolValue else { return [path] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .unreadable(path, reason: "cannot list the folder")
        }
        return names.filter(isTableFileName).sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    /// Whether a file name in a folder names a rule table.
    public static func isTableFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && name.hasSuffix(".yaml") && !name.hasSuffix(".expect.yaml")
    }

    /// Loads a table, or every table of a folder, and forms their history when all are clean.
    /// Throws only when a file or the folder cannot be read.
    public static func load(path: String) throws(FileReadError) -> HistoryLoadResult {
        var results: [LoadResult] = []
        for file in try tableFiles(at: path) { results.append(try TableLoader.load(path: file)) }
        let tables = results.compactMap(\.table)
        guard tables.count == results.count else {
            return HistoryLoadResult(results: results, history: nil, historyError: nil)
        }
        do {
            return HistoryLoadResult(results: results, history: try PolicyHistory(tables), historyError: nil)
        } catch {
            return HistoryLoadResult(results: results, history: nil, historyError: error)
        }
    }
}
