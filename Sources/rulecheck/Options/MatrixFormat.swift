import ArgumentParser

/// How `rulecheck matrix` renders: text for the terminal and the reviewed snapshots, a
/// self-contained HTML page, or Markdown for pasting into documents.
enum MatrixFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case html
    case markdown
}
