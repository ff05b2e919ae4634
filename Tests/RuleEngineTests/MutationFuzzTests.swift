import Testing

@testable import RuleEngine

/// Damaged copies of the shipped table (bytes flipped, dropped, duplicated) never crash the
/// loader: each either loads or reports at least one error with a position inside the file.
@Suite("Damaged tables")
struct MutationFuzzTests {
    @Test("random damage to rules/2026.yaml gives diagnostics, never a crash", arguments: 0..<8)
    func damage(batch: UInt64) throws {
        let original = Array(try TestSupport.table2026Text().utf8)
        var generator = RandomTable.Generator(state: batch &* 7919 &+ 17)
        let alphabet = Array(":-[]{}&*!|>'\"#\n\t, 0123456789abcz".utf8) + [0x00, 0xC3, 0xFF]
        for _ in 0..<40 {
            var bytes = original
            for _ in 0..<(1 + generator.next(4)) {
                let position = generator.next(bytes.count)
                switch generator.next(4) {
                case 0: bytes[position] = alphabet[generator.next(alphabet.count)]
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(alphabet[generator.next(alphabet.count)], at: position)
                default:
                    let end = min(bytes.count, position + generator.next(80))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                }
            }
            let result = TableLoader.load(bytes: bytes, file: "damaged.yaml")
            if result.table == nil {
                let errors = result.diagnostics.filter { $0.severity == .error }
                #expect(!errors.isEmpty)
                let lines = SourceText(bytes: bytes).lineCount
                #expect(errors.allSatisfy { ($0.location?.line ?? 1) <= lines })
            }
        }
    }
}
