/// Resource limits that protect the reader against hostile input. No real rule table
/// comes near any of them.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// The deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// The longest scalar, in bytes.
    public var maxScalarBytes: Int
    /// The most nodes a document may hold, counting every node that an alias repeats.
    public var maxNodes: Int

    /// Creates limits.
    public init(maxFileBytes: Int, maxDepth: Int, maxScalarBytes: Int, maxNodes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxNodes = maxNodes
    }

    /// 1 MiB files, depth 64, 64 KiB scalars, 100,000 nodes after alias expansion.
    public static let standard = YAMLLimits(
        maxFileBytes: 1 << 20,
        maxDepth: 64,
        maxScalarBytes: 64 << 10,
        maxNodes: 100_000
    )
}
