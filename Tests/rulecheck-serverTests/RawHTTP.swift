import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 connection over a plain socket, for what `URLSession` hides: a request body sent
/// in chunks at the test's pace, and response bytes read as they arrive. Blocking: use it from
/// ``onThread(_:)``, never from a task.
final class RawHTTP: @unchecked Sendable {
    private let socket: Int32
    private var received: [UInt8] = []

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RawHTTPError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw RawHTTPError("connect: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(socket) }

    /// A request head for a chunked body.
    static func head(_ path: String, accept: String?, contentType: String = "text/csv") -> [UInt8] {
        var text = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\n"
        if let accept { text += "Accept: \(accept)\r\n" }
        text += "Transfer-Encoding: chunked\r\n\r\n"
        return Array(text.utf8)
    }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard written > 0 else { throw RawHTTPError("write: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// Writes `bytes` as one chunk of a chunked body (an empty one ends the body).
    func sendChunk(_ bytes: [UInt8]) throws {
        try send(Array("\(String(bytes.count, radix: 16))\r\n".utf8) + bytes + Array("\r\n".utf8))
    }

    /// Waits up to `timeout` seconds for bytes and returns how many have arrived in all.
    @discardableResult
    func receive(timeout: Double) -> Int {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return received.count }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
        if count > 0 { received += buffer[0..<count] }
        return received.count
    }

    /// Reads until a whole response has arrived (or `timeout` seconds pass without a byte)
    /// and returns its status, headers (lowercased names) and decoded body.
    func response(timeout: Double = 60) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
        let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)
        while true {
            // A chunked body can only be complete when the bytes end with the last chunk.
            let chunked = String(decoding: received.prefix(1024), as: UTF8.self).lowercased()
                .contains("transfer-encoding: chunked")
            if !chunked || received.suffix(5).elementsEqual(lastChunk), let parsed = try Self.parse(received) {
                return parsed
            }
            let before = received.count
            guard receive(timeout: timeout) > before else {
                throw RawHTTPError("the response stopped after \(received.count) bytes")
            }
        }
    }

    /// A complete response in `bytes`, or `nil` when more are needed.
    private static func parse(_ bytes: [UInt8]) throws -> (status: Int, headers: [String: String], body: [UInt8])? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = firstIndex(of: separator, in: bytes, from: 0) else { return nil }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        var position = end + 4
        if let length = headers["content-length"].flatMap({ Int($0) }) {
            guard bytes.count >= position + length else { return nil }
            return (status, headers, Array(bytes[position..<position + length]))
        }
        guard headers["transfer-encoding"] == "chunked" else { throw RawHTTPError("no length and not chunked") }
        var body: [UInt8] = []
        while true {
            guard let lineEnd = firstIndex(of: [13, 10], in: bytes, from: position) else { return nil }
            let sizeText = String(decoding: bytes[position..<lineEnd], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                throw RawHTTPError("bad chunk size `\(sizeText)`")
            }
            let start = lineEnd + 2
            if size == 0 { return bytes.count >= start + 2 ? (status, headers, body) : nil }
            guard bytes.count >= start + size + 2 else { return nil }
            body += bytes[start..<start + size]
            position = start + size + 2
        }
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}

/// Why a raw HTTP exchange failed.
struct RawHTTPError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs blocking work on a thread of its own, so that no task of the server in the same
/// process waits behind it.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A response read by ``RawHTTP``.
struct RawReply: Sendable {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }
}

extension TestServer {
    /// The port the server listens on.
    var port: Int { base.port ?? 0 }

    /// Posts `body` to `/v1/batch?query` in chunks of `chunkSize` bytes and reads the response.
    func batch(
        query: String, body: [UInt8], accept: String? = nil, contentType: String = "text/csv",
        chunkSize: Int = 65_536
    ) async throws -> RawReply {
        let port = self.port
        return try await onThread {
            let connection = try RawHTTP(port: port)
            try connection.send(RawHTTP.head("/v1/batch?\(query)", accept: accept, contentType: contentType))
            // The body goes out from a thread of its own while this one reads, as a streaming
            // client does: the service answers rows before it has read them all.
            let sent = DispatchSemaphore(value: 0)
            Thread {
                var offset = 0
                while offset < body.count {
                    let end = min(offset + chunkSize, body.count)
                    guard (try? connection.sendChunk(Array(body[offset..<end]))) != nil else { break }
                    offset = end
                }
                _ = try? connection.sendChunk([])
                sent.signal()
            }.start()
            let response = try connection.response()
            sent.wait()
            return RawReply(status: response.status, headers: response.headers, body: response.body)
        }
    }
}
