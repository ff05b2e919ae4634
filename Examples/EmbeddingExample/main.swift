// An example of a tool that embeds the engine: it loads a table once, decides a small roster
// from several tasks at once, then reloads the table while deciding, as a service would when
// policy staff publish a new version. Run it with `swift run EmbeddingExample [TABLE]`.
import Foundation
import RuleEngine

let path = CommandLine.arguments.dropFirst().first ?? "rules/2026.yaml"
let loaded: LoadResult
do {
    loaded = try TableLoader.load(path: path)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
guard let table = loaded.table else {
    for diagnostic in loaded.diagnostics {
        print(
            "\(diagnostic.location?.line ?? 0):\(diagnostic.location?.column ?? 0): \(diagnostic.code) \(diagnostic.message)"
        )
    }
    exit(1)
}

let store = TableStore(table)
let asOf = table.policy.windowStart.adding(days: 60)
let roster: [(name: String, ma: Int?, nr: Int?)] = [
    ("Avery", 2026, 2027), ("Blake", 2027, 2026), ("Casey", 2027, 2028), ("Devon", 2028, 2028), ("Emery", 2026, nil),
]

// Decide everyone concurrently with the table in force.
let lines = await withTaskGroup(of: String.self) { group in
    for person in roster {
        group.addTask {
            do {
                let decision = try store.evaluate(YearValues(person.ma, person.nr), asOf: asOf)
                let staff = decision.derived("can_staff_ambulance").map { $0 ? "may staff" : "may not staff" } ?? ""
                let fee = decision.outcome.feeText.map { ", fee \($0)" } ?? ""
                return "\(person.name): \(decision.outcome.cohort) / \(decision.outcome.status)\(fee), \(staff)"
            } catch {
                return "\(person.name): \(error)"
            }
        }
    }
    var collected: [String] = []
    for await line in group { collected.append(line) }
    return collected.sorted()
}
print("As of \(asOf), with \(table.policy.title) (version \(table.policy.version)):")
for line in lines { print("  \(line)") }

// Reload while deciding: each decision comes whole from the version it started on.
let reload = try store.reload(path: path)
print("Reloaded \(path): \(reload.table == nil ? "kept the old table (errors)" : "new table in force")")
