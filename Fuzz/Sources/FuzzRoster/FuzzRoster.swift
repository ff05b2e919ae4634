import Foundation
import FuzzSupport
import RuleCheckKit
import RuleEngine

/// The output of every run goes to /dev/null, opened once.
let devNull = open("/dev/null", O_WRONLY)

/// One fuzz input: any bytes are read as a roster and classified with the shipped table, in
/// both output formats and with `--excel-safe`, through the CSV reader with a small chunk size
/// (so records cross refills). libFuzzer reports any crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoster(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let table = FuzzDriver.table2026, let tables = try? RosterTables([table]) else { return 0 }
    let bytes = FuzzDriver.bytes(data, size)
    for (format, excelSafe) in [(RosterFormat.csv, false), (.jsonl, false), (.csv, true)] {
        var processor = RosterProcessor(tables: tables, defaultAsOf: table.policy.windowStart, format: format)
        processor.excelSafe = excelSafe
        let reader = CSVReader(
            source: MemorySource(bytes, chunkSize: 17), options: CSVReader.Options(chunkSize: 16, maxRecordBytes: 4096))
        let writer = BufferedWriter(fileDescriptor: devNull, capacity: 64)
        _ = try? processor.run(reader: reader, writer: writer, onBadRow: { _ = UntrustedText.terminal($0.message) })
    }
    return 0
}

@main
struct FuzzRosterMain {
    static func main() { FuzzDriver.run(fuzzRoster) }
}
