import Foundation
import Testing

/// `batch` and `eval` must agree: one evaluation path, two front ends.
@Suite("rulecheck batch agrees with eval")
struct BatchEquivalenceTests {
    @Test("a generated 5,000-row roster: 50 sampled rows match `eval --format json` exactly")
    func sampleMatchesEval() throws {
        let folder = try BatchCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path
        let generated = try CLI.run(["generate-roster", "--rows", "5000", "--seed", "2026", "--output", roster])
        #expect(generated.status == 0, "\(generated.stderr)")
        let batch = try CLI.run(["batch", roster, "--as-of", "2026-01-15"] + BatchCLITests.rules)
        #expect(batch.status == 0, "\(batch.stderr)")
        let rows = CSV.parse(batch.stdout)
        try #require(rows.count == 5001)
        let header = rows[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (ma, nr, asOf) = (try column("ma_expires"), try column("nr_expires"), try column("as_of"))
        let (cohort, status, staff) = (try column("cohort"), try column("status"), try column("can_staff_ambulance"))
        let (fee, rule, error) = (try column("fee"), try column("rule"), try column("error"))

        var random = SystemRandomNumberGenerator()
        let sample = Array((1...5000).shuffled(using: &random).prefix(50)).sorted()
        for index in sample {
            let row = rows[index]
            let date = row[asOf].isEmpty ? "2026-01-15" : row[asOf]
            let eval = try CLI.run(
                ["eval", "--ma", row[ma], "--nr", row[nr], "--as-of", date, "--format", "json"] + BatchCLITests.rules)
            try #require(eval.status == 0, "row \(index): \(eval.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
            let money = json["fee"] as? [String: String]
            let expected = [
                json["cohort"] as? String, json["status"] as? String,
                (json["can_staff_ambulance"] as? Bool).map { $0 ? "true" : "false" },
                money.map { "\($0["amount"] ?? "") \($0["currency"] ?? "")" } ?? "",
                (json["rule"] as? [String: Any])?["id"] as? String, "",
            ]
            let actual = [row[cohort], row[status], row[staff], row[fee], row[rule], row[error]]
            #expect(actual == expected, "row \(index) (line \(index + 1)): \(row)")
        }
    }
}
