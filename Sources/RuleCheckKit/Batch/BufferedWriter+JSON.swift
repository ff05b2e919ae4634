import RuleEngine

extension BufferedWriter {
    /// Writes bytes as a JSON string exactly as ``JSONValue`` renders the same text: `"`, `\`
    /// and control characters escaped, everything else as it is. ASCII is escaped byte by byte;
    /// text with other bytes goes through ``JSONValue``, which also repairs invalid UTF-8.
    func writeJSONString(_ bytes: UnsafeBufferPointer<UInt8>) throws(WriteError) {
        for byte in bytes where byte >= 0x80 {
            try write(JSONValue.string(String(decoding: bytes, as: UTF8.self)).rendered())
            return
        }
        try write(byte: 0x22)
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            try write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            try writeEscape(byte)
            runStart = index + 1
        }
        try write(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        try write(byte: 0x22)
    }

    private func writeEscape(_ byte: UInt8) throws(WriteError) {
        if let sequence = JSONValue.escapeSequence(UInt32(byte)) { try write(sequence) } else { try write(byte: byte) }
    }
}
