import FuzzSupport
import RuleCheckKit
import RuleEngine

/// The line that separates the old table from the new in a seed.
let separator = Array("\n#---8<---\n".utf8)

/// One fuzz input: the bytes before the separator line are the old table, those after it the
/// new (without a separator, the input is compared with itself); two tables that
/// load are compared, also shifted by a year, and the difference rendered as text and JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiff(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    var old: CompiledTable?
    var new: CompiledTable?
    if let cut = firstRange(of: separator, in: bytes) {
        old = FuzzDriver.table(Array(bytes[..<cut]), file: "old.yaml")
        new = FuzzDriver.table(Array(bytes[(cut + separator.count)...]), file: "new.yaml")
    } else {
        old = FuzzDriver.table(bytes, file: "old.yaml")
        new = old
    }
    guard let old, let new else { return 0 }
    for shift in [0, 1] {
        if let difference = try? TableDiffer.diff(old: old, new: new, shiftYears: shift) {
            _ = difference.text()
            _ = difference.json.rendered()
        }
    }
    return 0
}

/// Where `needle` first starts in `haystack`.
func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return start
    }
    return nil
}

@main
struct FuzzDiffMain {
    static func main() { FuzzDriver.run(fuzzDiff) }
}
