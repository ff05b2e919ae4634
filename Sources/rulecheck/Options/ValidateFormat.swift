import ArgumentParser

/// How `rulecheck validate` prints its findings: the formats of every command, plus SARIF
/// for code-scanning tools. Only `validate` takes `sarif`; other commands refuse it.
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case sarif
}
