import Foundation
import Synchronization
import Testing

@testable import RuleEngine

/// Many tasks evaluate while another swaps table versions: every answer must come whole from
/// one version.
@Suite("Concurrent evaluation and reload")
struct ConcurrencyTests {
    @Test("answers from many tasks during reloads each match exactly one table version", .timeLimit(.minutes(1)))
    func evaluateWhileReloading() async throws {
        let old = try TestSupport.table2026()
        let new = try TestSupport.compiled(
            TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml")))
        let store = TableStore(old)
        let years = YearValues(2027, 2028)
        let day = TestSupport.date("2027-01-15")
        let done = Counter()
        let readers = 8

        let results = try await withThrowingTaskGroup(of: (versions: Set<String>, wrong: Int).self) { group in
            group.addTask {
                var flip = false
                while done.value.load(ordering: .acquiring) < readers {
                    store.replace(with: flip ? old : new)
                    flip.toggle()
                    await Task.yield()
                }
                return ([], 0)
            }
            for _ in 0..<readers {
                group.addTask {
                    var versions: Set<String> = []
                    var wrong = 0
                    for iteration in 0..<200_000 {
                        let decision = try store.evaluate(years, asOf: day)
                        let version = decision.table.policy.version
                        versions.insert(version)
                        let outcome = decision.outcome
                        switch version {
                        case "2026":
                            if outcome.cohort != "alignment-not-yet-due" || outcome.fee != nil { wrong += 1 }
                        case "2027-example":
                            let consistent =
                                outcome.cohort == "one-year-alignment" && outcome.fee?.money.amount == "65.00"
                                && outcome.deadlines.first?.date == TestSupport.date("2027-02-15")
                            if !consistent { wrong += 1 }
                        default:
                            wrong += 1
                        }
                        if versions.count == 2, iteration > 1000 { break }
                        if iteration % 64 == 0 { await Task.yield() }
                    }
                    done.value.add(1, ordering: .releasing)
                    return (versions, wrong)
                }
            }
            var all: [(versions: Set<String>, wrong: Int)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.reduce(0) { $0 + $1.wrong } == 0)
        let seen = results.reduce(into: Set<String>()) { $0.formUnion($1.versions) }
        #expect(seen == ["2026", "2027-example"])
    }

    @Test("reload keeps the table in force when the new file has errors")
    func reloadWithErrors() throws {
        let store = TableStore(try TestSupport.table2026())
        let result = try store.reload(
            path: TestSupport.fixtures.appendingPathComponent("schema/undefined-fee.yaml").path)
        #expect(result.table == nil)
        #expect(store.current.policy.version == "2026")
        try store.reload(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml"))
        #expect(store.current.policy.version == "2027-example")
    }
}

/// A shared counter the tasks can capture.
final class Counter: Sendable {
    let value = Atomic<Int>(0)
}

/// Two reloads that overlap: the one that started later wins, whichever finishes last.
@Suite("Serialised reloads")
struct ReloadOrderTests {
    @Test("a reload that started earlier and finishes later never replaces the newer table", .timeLimit(.minutes(1)))
    func olderReloadLoses() throws {
        let older = try TableLoader.load(path: TestSupport.path("rules/2026.yaml"))
        let newer = try TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml"))
        let store = TableStore(try TestSupport.compiled(older))
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        // The slow reload takes its ticket, signals, and waits before returning the older content;
        // it runs on its own thread so that no cooperative-pool thread blocks.
        let slow = Thread {
            _ = try? store.reload { () throws(FileReadError) in
                started.signal()
                release.wait()
                return older
            }
            finished.signal()
        }
        slow.start()
        started.wait()
        try store.reload { () throws(FileReadError) in newer }
        #expect(store.current.policy.version == newer.table?.policy.version)
        release.signal()
        finished.wait()
        #expect(store.current.policy.version == newer.table?.policy.version)
        #expect(newer.table?.policy.version != older.table?.policy.version)
    }

    @Test("reloads that do not overlap each put their table in force")
    func sequentialReloads() throws {
        let first = try TableLoader.load(path: TestSupport.path("rules/2026.yaml"))
        let second = try TableLoader.load(path: TestSupport.path("Tests/Fixtures/policies/2027-example.yaml"))
        let store = TableStore(try TestSupport.compiled(first))
        try store.reload { () throws(FileReadError) in second }
        #expect(store.current.policy.version == second.table?.policy.version)
        try store.reload { () throws(FileReadError) in first }
        #expect(store.current.policy.version == first.table?.policy.version)
    }
}
