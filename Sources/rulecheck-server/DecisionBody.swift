import NIOCore
import RuleEngine
import Synchronization

/// Writes a decision's JSON, the bytes of `Decision.json.rendered()`, with the parts that do
/// not depend on the input rendered once: each table's `policy` member, and the members after
/// `input` (cohort to rule) of each rule and set of derived values whose actions name no input.
/// One lives in each snapshot of the tables, which keeps those tables alive, so a table's
/// identifier is never reused for another while it is a key here, and a reload starts afresh.
final class DecisionBody: Sendable {
    private struct Key: Hashable, Sendable {
        let table: ObjectIdentifier
        let rule: Int
        let flags: UInt32
    }

    private let outcomes = Mutex<[Key: ByteBuffer]>([:])
    private let policies = Mutex<[ObjectIdentifier: ByteBuffer]>([:])

    /// Appends `decision` as compact JSON to `buffer`.
    func write(_ decision: Decision, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"policy\":")
        buffer.writeImmutableBuffer(Self.cached(in: policies, ObjectIdentifier(decision.table)) { decision.policyJSON })
        buffer.writeStaticString(",\"input\":")
        decision.inputJSON.write(into: &buffer)
        let members: ByteBuffer
        if decision.outcome.actions.contains(where: \.dependsOnInput) {
            members = Self.rendered(.object(decision.outcomeJSONMembers))
        } else {
            let key = Key(table: ObjectIdentifier(decision.table), rule: decision.ruleIndex, flags: decision.flags)
            members = Self.cached(in: outcomes, key) { .object(decision.outcomeJSONMembers) }
        }
        // `{"cohort":...,"rule":{...}}`: its members follow `input`, and its closing brace closes the decision.
        guard members.readableBytes > 2,
            let tail = members.getSlice(at: members.readerIndex + 1, length: members.readableBytes - 1)
        else {
            buffer.writeInteger(UInt8(ascii: "}"))
            return
        }
        buffer.writeInteger(UInt8(ascii: ","))
        buffer.writeImmutableBuffer(tail)
    }

    /// The bytes for `key`, rendered and kept on first use.
    private static func cached<Key: Hashable & Sendable>(
        in cache: borrowing Mutex<[Key: ByteBuffer]>, _ key: Key, render: () -> JSONValue
    ) -> ByteBuffer {
        if let known = cache.withLock({ $0[key] }) { return known }
        let bytes = rendered(render())
        cache.withLock { $0[key] = bytes }
        return bytes
    }

    private static func rendered(_ value: JSONValue) -> ByteBuffer {
        var bytes = ByteBuffer()
        value.write(into: &bytes)
        return bytes
    }
}
