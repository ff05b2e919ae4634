import Foundation
import FuzzSupport
import RuleCheckKit
import RuleEngine

/// The output of every run goes to /dev/null, opened once.
let devNull = open("/dev/null", O_WRONLY)

/// One fuzz input: any bytes are read as a roster and classified with the shipped table, in
/// both output formats and with `--excel-safe`, through the CSV reader with a small chunk size
/// (so records cross refills), and once more as CSV with the default chunks, where the row
/// loop reads whole 64-byte windows (the AVX2 loop, on processors that have it). libFuzzer
/// reports any crash, hang or leak; AddressSanitizer any read or write out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let table = FuzzDriver.table2026, let tables = try? RosterTables([table]) else { return 0 }
    let bytes = FuzzDriver.bytes(data, size)
    let runs: [(RosterFormat, excelSafe: Bool, chunk: Int)] = [
        (.csv, false, 16), (.jsonl, false, 16), (.csv, true, 16), (.csv, false, 65_536),
    ]
    for (format, excelSafe, chunk) in runs {
        var processor = RosterProcessor(tables: tables, defaultAsOf: table.policy.windowStart, format: format)
        processor.excelSafe = excelSafe
        let reader = CSVReader(
            source: MemorySource(bytes, chunkSize: chunk + 1),
            options: CSVReader.Options(chunkSize: chunk, maxRecordBytes: 4096))
        let writer = BufferedWriter(fileDescriptor: devNull, capacity: chunk == 16 ? 64 : 65_536)
        _ = try? processor.run(reader: reader, writer: writer, onBadRow: { _ = UntrustedText.terminal($0.message) })
    }
    return 0
}

@main
struct FuzzRosterMain {
    static func main() { FuzzDriver.run(fuzzRoster) }
}
