import YAMLReader

/// A place in a named file.
public struct SourceLocation: Sendable, Hashable {
    /// The file's path as the user gave it.
    public let file: String
    /// The span in the file.
    public let range: SourceRange

    /// Creates a location.
    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    /// The 1-based line.
    public var line: Int { range.start.line }
    /// The 1-based column.
    public var column: Int { range.start.column }
}
