import Hummingbird
import RuleEngine

/// A request the API refuses: the status, one line saying why, and the input field it is
/// about. Answered as `{"error": ..., "input": ...}` (plus `index` for an item of an array).
struct APIError: Error, Sendable {
    /// The HTTP status.
    let status: HTTPResponse.Status
    /// Why, in one line.
    let message: String
    /// The input field concerned, or `nil` when the request as a whole is wrong.
    let input: String?
    /// The position of the item in an array request, when it is one.
    var index: Int?

    /// A `400 Bad Request` about `input`.
    static func badRequest(_ message: String, input: String?) -> APIError {
        APIError(status: .badRequest, message: message, input: input)
    }

    /// A `413 Content Too Large`.
    static func tooLarge(_ message: String) -> APIError {
        APIError(status: .contentTooLarge, message: message, input: nil)
    }

    /// The JSON body.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [("error", .string(message)), ("input", .optional(input))]
        if let index { members.append(("index", .int(index))) }
        return .object(members)
    }

    /// The response.
    var response: Response { JSONResponse.make(json, status: status) }
}

/// Responses whose body is JSON.
enum JSONResponse {
    /// `value` rendered compactly, with a final newline.
    static func make(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(1024)
        value.write(into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: buffer))
    }

    /// A body of text with its content type.
    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
