import Foundation
import RuleEngine

/// One input value as given on the command line or in JSON, before it is checked against a table.
struct InputAssignment {
    /// What the value is: text (a flag) or a JSON value (`--input-json`, `--jsonl`).
    enum Value {
        case text(String)
        case json(JSONValue)
    }

    /// The input's name.
    let name: String
    /// The value.
    let value: Value
    /// How it was given, for messages: `--ma`, `--input ma_expires=`, `--input-json`.
    let source: String

    /// `NAME=VALUE` from `--input`.
    static func parse(flag text: String) throws -> InputAssignment {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw CLIError("--input: `\(text)` is not NAME=VALUE")
        }
        let name = String(text[..<equals])
        return InputAssignment(
            name: name, value: .text(String(text[text.index(after: equals)...])), source: "--input \(name)=")
    }

    /// Every member of a JSON object of input values, such as a decision's `input`.
    static func parse(jsonObject data: Data, source: String) throws -> [InputAssignment] {
        let object: [String: InputJSON]
        do {
            object = try JSONDecoder().decode([String: InputJSON].self, from: data)
        } catch {
            throw CLIError("\(source): not a JSON object of input values such as {\"ma_expires\": 2026}")
        }
        return object.keys.sorted().compactMap { name in
            object[name].map { InputAssignment(name: name, value: .json($0.value), source: source) }
        }
    }
}

/// A JSON input value: `null`, a boolean, an integer or a string.
struct InputJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .int(number)
        } else {
            value = .string(try container.decode(String.self))
        }
    }
}
