import FuzzSupport
import RuleCheckKit
import RuleEngine

/// One fuzz input: any bytes are loaded as a table; its diagnostics are rendered as text and
/// SARIF, and a table that loads is rendered as the HTML page and the Markdown document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRenderers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let result = TableLoader.load(bytes: FuzzDriver.bytes(data, size), file: "fuzz.yaml")
    _ = DiagnosticRenderer(colored: true, sources: ["fuzz.yaml": result.source]).render(result.diagnostics)
    _ = SARIFLog(toolVersion: "fuzz", workingDirectory: "/").document(
        files: ["fuzz.yaml"], diagnostics: result.diagnostics
    ).pretty()
    guard let table = result.table else { return 0 }
    let matrix = DecisionMatrix(table: table)
    _ = try? MatrixHTML(matrix: matrix).render(asOf: table.policy.windowStart)
    _ = try? MatrixMarkdown(matrix: matrix).render(asOf: table.policy.windowEnd)
    return 0
}

@main
struct FuzzRenderersMain {
    static func main() { FuzzDriver.run(fuzzRenderers) }
}
