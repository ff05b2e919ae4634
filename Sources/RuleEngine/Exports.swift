// Source positions, ranges and the reader's limits appear in the public API (diagnostics,
// rules, loading options), so embedders get them with `import RuleEngine` alone.
@_exported import YAMLReader
