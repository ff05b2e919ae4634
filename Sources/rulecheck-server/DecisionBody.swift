import NIOCore
import RuleEngine
import Synchronization

/// Writes a decision's JSON, the bytes of `Decision.json.rendered()`, with the parts that do
/// not depend on the input rendered once per table, rule and set of derived values: the
/// `policy` member, the input's keys, and the members after `input` (cohort to rule) when the
/// rule's actions name no input. One lives in each snapshot of the tables, which keeps those
/// tables alive, so a table's identifier is never reused for another while it is a key here,
/// and a reload starts afresh.
final class DecisionBody: Sendable {
    private struct Key: Hashable, Sendable {
        let table: ObjectIdentifier
        let rule: Int
        let flags: UInt32
    }

    /// What is rendered once for a key.
    private struct Parts: Sendable {
        /// `{"policy":{...},"input":{"` up to the first input's name, then each later input's
        /// `,"name":`; the first entry holds everything before the first input's value.
        let inputKeys: [ByteBuffer]
        /// `,"as_of":` (the date input's key) after the inputs.
        let dateKey: ByteBuffer
        /// `,"cohort":...,"rule":{...}}` (the closing brace of the decision included), or `nil`
        /// when an action names an input, so that they are rendered for each decision.
        let members: ByteBuffer?
    }

    private let parts = Mutex<[Key: Parts]>([:])

    /// Appends `decision` as compact JSON to `buffer`.
    func write(_ decision: Decision, into buffer: inout ByteBuffer) {
        let key = Key(table: ObjectIdentifier(decision.table), rule: decision.ruleIndex, flags: decision.flags)
        let known = parts.withLock { $0[key] }
        let parts = known ?? Self.render(decision)
        if known == nil { self.parts.withLock { $0[key] = parts } }
        let inputs = decision.table.definition.yearInputs
        for index in inputs.indices where index < parts.inputKeys.count {
            buffer.writeImmutableBuffer(parts.inputKeys[index])
            inputs[index].json(decision.years[index]).write(into: &buffer)
        }
        buffer.writeImmutableBuffer(parts.dateKey)
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeString(decision.asOf.description)
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeInteger(UInt8(ascii: "}"))
        guard let members = parts.members else {
            Self.writeMembers(.object(decision.outcomeJSONMembers), into: &buffer)
            return
        }
        buffer.writeImmutableBuffer(members)
    }

    private static func render(_ decision: Decision) -> Parts {
        let table = decision.table.definition
        // Each input's key with what precedes it: the policy and the opening of `input` before
        // the first, a comma before the others; the date input's key comes last.
        let names = table.yearInputs.map(\.name) + [table.dateInputName]
        var keys = names.enumerated().map { index, name in
            var key = ByteBuffer()
            if index == 0 {
                key.writeStaticString("{\"policy\":")
                decision.policyJSON.write(into: &key)
                key.writeStaticString(",\"input\":{")
            } else {
                key.writeInteger(UInt8(ascii: ","))
            }
            JSONValue.string(name).write(into: &key)
            key.writeInteger(UInt8(ascii: ":"))
            return key
        }
        let dateKey = keys.removeLast()
        var members: ByteBuffer?
        if !decision.outcome.actions.contains(where: \.dependsOnInput) {
            var bytes = ByteBuffer()
            writeMembers(.object(decision.outcomeJSONMembers), into: &bytes)
            members = bytes
        }
        return Parts(inputKeys: keys, dateKey: dateKey, members: members)
    }

    /// The members of `object` after a comma, and its closing brace, which closes the decision:
    /// `,"cohort":...,"rule":{...}}` (only `}` for an object without members).
    private static func writeMembers(_ object: JSONValue, into buffer: inout ByteBuffer) {
        var rendered = ByteBuffer()
        object.write(into: &rendered)
        guard rendered.readableBytes > 2 else {
            buffer.writeInteger(UInt8(ascii: "}"))
            return
        }
        rendered.moveReaderIndex(forwardBy: 1)
        buffer.writeInteger(UInt8(ascii: ","))
        buffer.writeBuffer(&rendered)
    }
}
