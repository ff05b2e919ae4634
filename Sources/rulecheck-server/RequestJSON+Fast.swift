/// A reader for the common shape of a request body, which takes no detour through Foundation:
/// objects, arrays, integers without fraction or exponent, `true`, `false`, `null` and ASCII
/// strings without escapes, the whole of what a decision request holds. Anything else (a
/// fraction, an escape, a byte past ASCII, a repeated key, deep nesting, malformed JSON) is left
/// to `JSONDecoder`, so that every body gets exactly the value and the error message it got
/// before; this reader only ever answers `nil` or the value `JSONDecoder` gives.
struct FastRequestReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private static let maxDepth = 64

    /// Reads `bytes` whole, or `nil` when the body is outside the shape this reader takes.
    static func read(_ bytes: [UInt8]) -> RequestJSON? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = FastRequestReader(bytes: buffer)
            reader.skipSpace()
            guard let value = reader.value() else { return nil }
            reader.skipSpace()
            return reader.position == buffer.count ? value : nil
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func value() -> RequestJSON? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return integer()
        }
    }

    private mutating func literal(_ word: StaticString, _ value: RequestJSON) -> RequestJSON? {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return nil }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return nil }
        position += count
        return value
    }

    /// `-?(0|[1-9][0-9]*)` of at most 18 digits (so it cannot overflow), not followed by a
    /// fraction or an exponent.
    private mutating func integer() -> RequestJSON? {
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let start = position
        var number = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            // Past 18 digits the body is left to JSONDecoder; stop adding before `number` could overflow.
            if position - start < 18 { number = number * 10 + Int(bytes[position] - 0x30) }
            position += 1
        }
        let digits = position - start
        guard digits > 0, digits <= 18, digits == 1 || bytes[start] != 0x30, !(negative && number == 0) else {
            return nil
        }
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        return .int(negative ? -number : number)
    }

    /// A string of printable ASCII without escapes.
    private mutating func string() -> String? {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        return nil
    }

    private mutating func array() -> RequestJSON? {
        guard depth < Self.maxDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var items: [RequestJSON] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipSpace()
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default: return nil
            }
        }
    }

    private mutating func object() -> RequestJSON? {
        guard depth < Self.maxDepth else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var fields: [String: RequestJSON] = [:]
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(fields)
        }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipSpace()
            guard let item = value(), fields.updateValue(item, forKey: key) == nil else { return nil }
            skipSpace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(fields)
            default: return nil
            }
        }
    }
}
