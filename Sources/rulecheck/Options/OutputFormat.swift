import ArgumentParser

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// How `rulecheck test` prints its results.
enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    /// JUnit XML, for the test views of GitLab, Jenkins and other CI systems.
    case junit
}
