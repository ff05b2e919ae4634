import RuleEngine
import Testing

@testable import RuleCheckKit

/// The generated schemas follow the loaders and document every property.
@Suite("JSON Schema generation")
struct JSONSchemaTests {
    @Test("the top-level keys are the loaders' keys", arguments: JSONSchema.Kind.allCases)
    func topLevelKeys(kind: JSONSchema.Kind) {
        let keys = kind == .table ? TableKey.names : ExpectationsKey.names
        #expect(Self.member("properties", of: JSONSchema.document(kind)).map(Self.keys) == keys)
        #expect(Self.member("$schema", of: JSONSchema.document(kind)) == .string(JSONSchema.draft))
    }

    @Test("date conditions take exactly the loader's comparisons")
    func dateKeys() {
        let definitions = Self.member("$defs", of: JSONSchema.document(.table))
        let condition = definitions.flatMap { Self.member("dateCondition", of: $0) }
        #expect(condition.flatMap { Self.member("properties", of: $0) }.map(Self.keys) == DateComparisonKey.names)
    }

    @Test("every property has a description", arguments: JSONSchema.Kind.allCases)
    func descriptions(kind: JSONSchema.Kind) {
        var missing: [String] = []
        Self.visit(JSONSchema.document(kind), path: "#") { path, value in
            guard case .object(let members) = value else { return }
            for (key, property) in members where key == "properties" {
                guard case .object(let properties) = property else { continue }
                for (name, schema) in properties where Self.member("description", of: schema) == nil {
                    missing.append("\(path)/properties/\(name)")
                }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test("strict mappings refuse other keys", arguments: JSONSchema.Kind.allCases)
    func strictObjects(kind: JSONSchema.Kind) {
        var loose: [String] = []
        Self.visit(JSONSchema.document(kind), path: "#") { path, value in
            guard Self.member("properties", of: value) != nil, Self.member("additionalProperties", of: value) == nil
            else { return }
            loose.append(path)
        }
        #expect(loose.isEmpty, "\(loose)")
    }

    @Test("the text ends with one newline and is stable", arguments: JSONSchema.Kind.allCases)
    func stableText(kind: JSONSchema.Kind) {
        let text = JSONSchema.text(kind)
        #expect(text.hasSuffix("}\n"))
        #expect(text == JSONSchema.text(kind))
    }

    static func member(_ key: String, of value: JSONValue) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }

    static func keys(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.0)
    }

    /// Calls `body` on every value, depth first, with a JSON-pointer-like path.
    static func visit(_ value: JSONValue, path: String, _ body: (String, JSONValue) -> Void) {
        body(path, value)
        switch value {
        case .object(let members):
            for (key, member) in members { visit(member, path: "\(path)/\(key)", body) }
        case .array(let items):
            for (index, item) in items.enumerated() { visit(item, path: "\(path)/\(index)", body) }
        default:
            break
        }
    }
}
