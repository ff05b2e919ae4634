import RuleEngine

/// Writing one CSV field per RFC 4180: a field that holds a comma, a quote, a CR or an LF is
/// enclosed in quotes with each quote doubled; any other field is written as it is.
public enum CSVField {
    /// Whether the bytes must be quoted.
    @inline(__always)
    public static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            return true
        }
        return false
    }

    /// Whether a spreadsheet would read the cell as a formula: it starts with `=`, `+`, `-`,
    /// `@`, TAB or CR (OWASP, "CSV Injection").
    @inline(__always)
    public static func looksLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        return first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
    }

    /// Appends the field to `output`, quoted when needed; with `excelSafe`, a cell that looks
    /// like a formula gets a `'` in front.
    public static func append(_ text: String, to output: inout [UInt8], excelSafe: Bool = false) {
        var bytes = Array(text.utf8)
        if excelSafe, bytes.withUnsafeBufferPointer(looksLikeFormula) { bytes.insert(0x27, at: 0) }
        let quoted = bytes.withUnsafeBufferPointer { needsQuotes($0) }
        guard quoted else {
            output += bytes
            return
        }
        output.append(0x22)
        for byte in bytes {
            output.append(byte)
            if byte == 0x22 { output.append(0x22) }
        }
        output.append(0x22)
    }

    /// The field as it appears in a CSV file.
    public static func encoded(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

extension BufferedWriter {
    /// Writes one field, quoted per RFC 4180 when needed.
    @inline(__always)
    public func writeCSVField(_ bytes: UnsafeBufferPointer<UInt8>) throws(WriteError) {
        guard CSVField.needsQuotes(bytes) else {
            try write(bytes)
            return
        }
        try write(byte: 0x22)
        var runStart = 0
        for index in bytes.indices where bytes[index] == 0x22 {
            try write(UnsafeBufferPointer(rebasing: bytes[runStart...index]))
            try write(byte: 0x22)
            runStart = index + 1
        }
        try write(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        try write(byte: 0x22)
    }

    /// Writes one field given as text, quoted per RFC 4180 when needed; with `excelSafe`, a
    /// cell that looks like a formula gets a `'` in front.
    public func writeCSVField(_ text: String, excelSafe: Bool = false) throws(WriteError) {
        var bytes: [UInt8] = []
        CSVField.append(text, to: &bytes, excelSafe: excelSafe)
        try write(bytes)
    }
}
