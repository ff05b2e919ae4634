/// The typed outputs of a rule table (`outputs:`) and the values rules give them.
extension TableFormat {
    /// The most typed outputs a table may declare.
    package static let maxTypedOutputs = 32

    /// A typed output's value as a rule's `then:` or a declaration's `default:` writes it.
    package static let outputValue = FormatElement(
        .anyOf([
            FormatElement(.integer, "The value of an `integer` output."),
            FormatElement(.boolean, "The value of a `boolean` output."),
            FormatElement(
                .identifier, "The value of an `enum` output (one of its `values`), or a `date` output's date."),
        ]),
        "A typed output declared under `outputs:`, such as `ce_hours: 24`.")
}

/// The keys of a typed output's declaration under `outputs:`.
package enum OutputKey: String, FormatKey {
    case type, values, label
    case defaultValue = "default"

    package static let definition: FormatDefinition? = FormatDefinition(
        name: "output", doc: "A typed output: each rule sets it in its `then:` (or the declaration gives a default).")

    package var spec: KeySpec {
        switch self {
        case .type:
            return .required(
                .oneOf(OutputType.allCases.map(\.rawValue)),
                "The output's type: `integer`, `enum` (one of `values`), `date` (YYYY-MM-DD) or `boolean`.")
        case .values:
            return .optional(
                .list(FormatElement(.identifier, "A value.")),
                "The words an `enum` output may take (required for `enum`).")
        case .label: return .optional(.text, "A human label.")
        case .defaultValue:
            return .optional(
                TableFormat.outputValue.value,
                "The value of rules that do not set the output; without it, every rule must set it.")
        }
    }
}
