import FuzzSupport
import RuleCheckKit
import RuleEngine

/// One fuzz input: any bytes are loaded as a rule table; a table that loads is evaluated and
/// its timeline rendered. libFuzzer reports any crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let table = FuzzDriver.table(FuzzDriver.bytes(data, size)) else { return 0 }
    let years = YearValues(table.definition.yearInputs.map { $0.values.first ?? nil })
    _ = try? table.evaluate(years, asOf: table.policy.windowStart)
    _ = DecisionMatrix(table: table).timelineText()
    return 0
}

@main
struct FuzzLoaderMain {
    static func main() { FuzzDriver.run(fuzzOne) }
}
