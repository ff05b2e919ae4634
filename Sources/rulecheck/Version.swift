/// The version of rulecheck: the one source of truth for `--version`, SARIF logs, the
/// Makefile's package names and the CHANGELOG check (`make check-version`, `VersionTests`).
/// Keep the literal on one line of the form `static let current = "X.Y.Z"`: the Makefile reads it.
enum RuleCheckVersion {
    /// The release this source tree builds, such as `0.2.0`.
    static let current = "0.2.0"
}
