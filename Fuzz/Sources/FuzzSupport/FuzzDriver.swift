import Foundation
import RuleEngine

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// What every fuzz target shares: libFuzzer's driver, and the tables the targets decide with.
public enum FuzzDriver {
    /// Hands control to libFuzzer's driver, which parses its own flags (`-max_total_time=...`).
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, callback))
    }

    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped 2026 table, compiled once.
    public static let table2026: CompiledTable? = {
        let path = root.appendingPathComponent("rules/2026.yaml").path
        return (try? TableLoader.load(path: path))?.table
    }()

    /// The input's bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Loads bytes as a table; `nil` when it has errors.
    public static func table(_ bytes: [UInt8], file: String = "fuzz.yaml") -> CompiledTable? {
        TableLoader.load(bytes: bytes, file: file).table
    }

    /// A few inputs of a table to decide: each year input's first, last and `none` values, on
    /// the window's first day, a middle day and its last day.
    public static func probes(_ table: CompiledTable) -> [(YearValues, LocalDate)] {
        let inputs = table.definition.yearInputs
        let choices = inputs.map { input in [input.values.first ?? nil, input.values.last ?? nil, nil] }
        var years: [[Int?]] = [[]]
        for options in choices { years = years.flatMap { prefix in options.map { prefix + [$0] } } }
        let start = table.policy.windowStart
        let end = table.policy.windowEnd
        let middle = LocalDate(dayNumber: (start.dayNumber + end.dayNumber) / 2)
        return years.prefix(9).flatMap { values in [start, middle, end].map { (YearValues(values), $0) } }
    }
}
