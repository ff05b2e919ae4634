import FuzzSupport
import RuleCheckKit
import RuleEngine

/// One fuzz input: any bytes are loaded as an expectations file for the shipped table, and
/// standalone; a file that loads is run by the harness and its report rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpectations(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let table = FuzzDriver.table2026 else { return 0 }
    let bytes = FuzzDriver.bytes(data, size)
    _ = ExpectationsLoader.load(bytes: bytes, file: "fuzz.expect.yaml", for: nil)
    let loaded = ExpectationsLoader.load(bytes: bytes, file: "fuzz.expect.yaml", for: table.definition)
    if let expectations = loaded.expectations {
        let report = Harness.run(table: table, expectations: expectations)
        _ = report.text()
        _ = report.json.rendered()
    }
    return 0
}

@main
struct FuzzExpectationsMain {
    static func main() { FuzzDriver.run(fuzzExpectations) }
}
