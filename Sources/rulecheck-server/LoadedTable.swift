import RuleEngine

/// A table in force: the compiled table, the file it came from and the SHA-256 of its bytes.
struct LoadedTable: Sendable {
    /// The compiled table.
    let compiled: CompiledTable
    /// The path it was loaded from, as `eval` prints it in `policy.file`.
    let file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    let sha256: String

    /// The `/v1/tables` entry: id, version, window, file and digest.
    var json: JSONValue {
        let policy = compiled.policy
        return .object([
            ("id", .string(policy.id)), ("version", .string(policy.version)),
            (
                "window",
                .object([
                    ("from", .string(policy.windowStart.description)), ("to", .string(policy.windowEnd.description)),
                ])
            ),
            ("file", .string(file)), ("sha256", .string(sha256)),
        ])
    }
}
