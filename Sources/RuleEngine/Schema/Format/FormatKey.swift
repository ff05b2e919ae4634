/// A key of a mapping with fixed keys in the rule-table or expectations format.
///
/// Each such mapping is an enum of its keys, listed in the order the JSON Schemas show them,
/// whose ``spec`` says what the key holds, whether it is required and what it means. The
/// readers check keys against the enum (unknown keys with "did you mean", missing required
/// keys) and switch over it exhaustively; `rulecheck schema` builds its objects from the same
/// cases, so a key cannot be read without being described, or described without being read.
package protocol FormatKey: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// What the key holds, whether it is required, and its documentation.
    var spec: KeySpec { get }
    /// The mapping's named definition (`$defs`) in the JSON Schemas; `nil` when it is written inline.
    static var definition: FormatDefinition? { get }
    /// Whether an empty mapping is refused, as for conditions.
    static var requiresSomeKey: Bool { get }
}

extension FormatKey {
    /// No named definition: the mapping is written inline where it is used.
    package static var definition: FormatDefinition? { nil }
    /// An empty mapping is allowed.
    package static var requiresSomeKey: Bool { false }

    /// The keys that must be present.
    package static var requiredKeys: [Self] { allCases.filter(\.spec.isRequired) }

    /// The keys as written in files, in order.
    package static var names: [String] { allCases.map(\.rawValue) }
}

/// What one key of the format holds.
package struct KeySpec: Sendable {
    /// The shape of the value.
    package let value: FormatValue
    /// Whether the mapping must contain the key.
    package let isRequired: Bool
    /// What the key means, in one or two sentences (the schemas' `description`).
    package let doc: String

    /// A key the mapping must contain.
    package static func required(_ value: FormatValue, _ doc: String) -> KeySpec {
        KeySpec(value: value, isRequired: true, doc: doc)
    }

    /// A key the mapping may leave out.
    package static func optional(_ value: FormatValue, _ doc: String) -> KeySpec {
        KeySpec(value: value, isRequired: false, doc: doc)
    }
}

/// A mapping's named definition in the JSON Schemas.
package struct FormatDefinition: Sendable {
    /// The name under `$defs`.
    package let name: String
    /// What the mapping is.
    package let doc: String
}

/// A value inside a list, a union or a mapping of names, with its own documentation.
package struct FormatElement: Sendable {
    /// The shape of the value.
    package let value: FormatValue
    /// What it is.
    package let doc: String

    /// A value of shape `value`, described by `doc`.
    package init(_ value: FormatValue, _ doc: String) {
        self.value = value
        self.doc = doc
    }
}
