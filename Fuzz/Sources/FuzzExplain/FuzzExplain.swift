import Foundation
import FuzzSupport
import RuleCheckKit
import RuleEngine

/// One fuzz input: a table that loads is explained on a few inputs (the domain's ends and
/// `none`, on the window's first, middle and last days), and each explanation's decision is
/// checked against `evaluate`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExplain(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let table = FuzzDriver.table(FuzzDriver.bytes(data, size)) else { return 0 }
    for (years, date) in FuzzDriver.probes(table) {
        guard let explanation = try? table.explain(years, asOf: date) else { continue }
        let decision = try? table.evaluate(years, asOf: date)
        if decision?.rule.id != explanation.decision.rule.id {
            FileHandle.standardError.write(Data("explain and evaluate disagree on \(years) at \(date)\n".utf8))
            abort()
        }
    }
    return 0
}

@main
struct FuzzExplainMain {
    static func main() { FuzzDriver.run(fuzzExplain) }
}
