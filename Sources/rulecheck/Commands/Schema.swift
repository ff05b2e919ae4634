import ArgumentParser
import Foundation
import RuleCheckKit
import RuleEngine

extension JSONSchema.Kind: ExpressibleByArgument {}

/// `rulecheck schema`: prints the JSON Schema of a file format, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the rule-table or expectations format, for editors.",
        discussion: """
            The repository keeps the output in schemas/; a YAML file opts in with a first line such as \
            `# yaml-language-server: $schema=../schemas/rule-table.schema.json`. The schema checks a file's \
            shape; `rulecheck validate` remains the full check.
            """
    )

    @Option(help: "Which format: table or expectations.")
    var kind: JSONSchema.Kind = .table

    @Option(help: "Write the schema to this file (atomically) instead of printing it.", completion: .file())
    var output: String?

    func run() throws {
        try OutputDestination.emit(JSONSchema.text(kind), to: output)
    }
}
