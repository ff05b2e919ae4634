import Foundation

/// A JSON value from a request body, with integers, other numbers and booleans kept apart so
/// that a wrong type can be named precisely.
enum RequestJSON: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([RequestJSON])
    case object([String: RequestJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([RequestJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: RequestJSON].self))
        }
    }

    /// Parses a request body, or throws a 400 that says where the JSON is malformed. The common
    /// shape is read by ``FastRequestReader``; the rest, and every error, by `JSONDecoder`.
    static func parse(_ bytes: [UInt8]) throws(APIError) -> RequestJSON {
        if let value = FastRequestReader.read(bytes) { return value }
        return try decode(bytes)
    }

    /// Parses a request body with `JSONDecoder`.
    static func decode(_ bytes: [UInt8]) throws(APIError) -> RequestJSON {
        do {
            return try JSONDecoder().decode(RequestJSON.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = context.underlyingError.map {
                ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            }
            let detail = (underlying ?? nil) ?? context.debugDescription
            throw APIError.badRequest("malformed JSON: \(detail)", input: nil)
        } catch {
            throw APIError.badRequest("malformed JSON", input: nil)
        }
    }

    /// The JSON type's name, for error messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
