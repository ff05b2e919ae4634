import Foundation
import RuleCheckKit
import RuleEngine

/// One fuzz input: any bytes are loaded as a rule table; a table that loads is evaluated and
/// its timeline rendered. libFuzzer reports any crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let result = TableLoader.load(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.yaml")
    if let table = result.table {
        let years = YearValues(table.definition.yearInputs.map { $0.values.first ?? nil })
        _ = try? table.evaluate(years, asOf: table.policy.windowStart)
        _ = DecisionMatrix(table: table).timelineText()
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands control to libFuzzer's driver, which parses its own flags (`-max_total_time=...`).
@main
struct FuzzLoaderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzzOne))
    }
}
