import YAMLReader

/// Reads YAML text to its root node for tests that drive the schema layer directly.
enum YAMLReaderAccess {
    static func root(_ text: String) -> Node? { YAMLReader.read(text).root }
}
