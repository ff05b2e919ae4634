import Foundation

/// A one-line progress report on standard error (rows, rows per second, and, when the input's
/// size is known, a bar and the time left), redrawn at most ten times a second. It draws
/// nothing when standard error is not a terminal, and nothing for runs shorter than 0.1 s.
final class ProgressBar {
    private let enabled: Bool
    private let totalBytes: Int?
    private let started: UInt64
    private var lastDrawn: UInt64
    private var drawn = false

    /// A bar for an input of `totalBytes` (unknown for a pipe), shown only when `enabled`.
    init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes.flatMap { $0 > 0 ? $0 : nil }
        started = DispatchTime.now().uptimeNanoseconds
        lastDrawn = started
    }

    /// Redraws the line if a tenth of a second has passed since the last time.
    func update(rows: Int, bytesRead: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        let seconds = Double(now - started) / 1e9
        var line = "\(Self.grouped(rows)) rows  \(Self.grouped(Int(Double(rows) / max(seconds, 1e-3)))) rows/s"
        if let totalBytes {
            let fraction = min(Double(bytesRead) / Double(totalBytes), 1)
            let filled = Int(fraction * 24)
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 24 - filled)
            let left = fraction > 0 ? Int((seconds / fraction - seconds).rounded()) : 0
            line += "  [\(bar)] \(Int(fraction * 100))%  ETA \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)"
        }
        Terminal.writeError("\r\u{1B}[K\(line)")
        drawn = true
    }

    /// Removes the line, so that a message or the summary can be printed.
    func clear() {
        guard drawn else { return }
        Terminal.writeError("\r\u{1B}[K")
        drawn = false
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
