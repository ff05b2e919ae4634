import Foundation
import RuleEngine
import Testing

@testable import RuleCheckKit

/// The readers accept exactly the keys the format's description lists, require exactly its
/// required keys, and the JSON Schemas show exactly its mappings: each described mapping is
/// tried in a small valid document, with every key any mapping of either format knows.
@Suite("The format described once")
struct FormatDescriptionTests {
    @Test("every described mapping of a rule table is tried here", arguments: [Format.table, .expectations])
    func everyMappingHasAPlace(format: Format) {
        let described = Set(format.mappings.map { ObjectIdentifier($0) })
        let tried = Set(format.places.map { ObjectIdentifier($0.keys) })
        #expect(described == tried, "add a place for each mapping of \(format) in FormatDescriptionTests")
    }

    @Test("the base documents are clean", arguments: [Format.table, .expectations])
    func baseIsClean(format: Format) throws {
        #expect(try diagnostics(format, Self.base(format)).isEmpty)
    }

    @Test("readers accept exactly the described keys", arguments: Self.allPlaces)
    func acceptsExactlyTheDescribedKeys(place: Place) throws {
        for key in Self.universe {
            let document = Self.base(place.format).setting(key, to: .scalar("x"), at: place.path, keepingExisting: true)
            let unknown = try diagnostics(place.format, document).contains { $0.hasPrefix("unknown key `\(key)` in") }
            if place.allowed.contains(key) {
                #expect(!unknown, "\(place): the reader refuses `\(key)`, which the description lists")
            } else {
                #expect(unknown, "\(place): the reader accepts `\(key)`, which the description lacks")
            }
        }
    }

    @Test("readers require exactly the described required keys", arguments: Self.allPlaces)
    func requiresExactlyTheRequiredKeys(place: Place) throws {
        let present = Self.base(place.format).keys(at: place.path)
        #expect(Set(place.required).isSubset(of: present), "\(place): the base document lacks a required key")
        for key in present {
            let document = Self.base(place.format).removing(key, at: place.path)
            let missing = try diagnostics(place.format, document).contains { $0.hasPrefix("missing key `\(key)` in") }
            #expect(missing == place.required.contains(key), "\(place): `\(key)`")
        }
    }

    @Test("readers read every described key: a wrong value is reported", arguments: Self.allPlaces)
    func readsEveryDescribedKey(place: Place) throws {
        let wrong: Document = [["zz_unknown": "x"]]
        for key in place.allowed {
            let document = Self.base(place.format).setting(key, to: wrong, at: place.path, keepingExisting: false)
            #expect(try !diagnostics(place.format, document).isEmpty, "\(place): `\(key)` is described but not read")
        }
    }

    @Test("the schemas show exactly the described mappings", arguments: [Format.table, .expectations])
    func schemaObjects(format: Format) {
        var shown: Set<[String]> = []
        JSONSchemaTests.visit(JSONSchema.document(format.schemaKind), path: "#") { _, value in
            guard let properties = JSONSchemaTests.member("properties", of: value) else { return }
            shown.insert(JSONSchemaTests.keys(properties))
        }
        let described = Set(format.places.map(\.allowed))
        #expect(shown == described)
    }

    @Test("the reference's table of top-level keys lists exactly the described keys")
    func readmeTopLevelKeys() throws {
        let readme = try String(contentsOfFile: TestSupport.path("docs/reference.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "The top-level keys:").dropFirst().first ?? ""
        let rows = section.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().drop(while: \.isEmpty)
            .prefix { !$0.isEmpty }
        let keys = rows.compactMap { row -> String? in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first, first.hasPrefix("`"), first.hasSuffix("`") else { return nil }
            return String(first.dropFirst().dropLast())
        }
        #expect(keys == TableKey.names)
    }

    // MARK: - Places

    /// Which format a document is in.
    enum Format: String, CustomStringConvertible, Sendable {
        case table, expectations

        var description: String { rawValue }

        var mappings: [any FormatKey.Type] {
            self == .table ? TableFormat.mappings : ExpectationsFormat.mappings
        }

        var schemaKind: JSONSchema.Kind { self == .table ? .table : .expectations }

        var places: [Place] { FormatDescriptionTests.allPlaces.filter { $0.format == self } }
    }

    /// A mapping of the description and where the base document holds one.
    struct Place: CustomStringConvertible, Sendable {
        let format: Format
        let keys: any FormatKey.Type
        let path: [Step]
        let allowed: [String]
        let required: [String]

        init<Key: FormatKey>(_ format: Format, _ keys: Key.Type, at path: [Step]) {
            self.format = format
            self.keys = keys
            self.path = path
            allowed = Key.names
            required = Key.requiredKeys.map(\.rawValue)
        }

        init(input type: InputType, at path: [Step], alsoRequired: [String] = []) {
            format = .table
            keys = InputKey.self
            self.path = path
            allowed = type.spec.keys.map(\.rawValue)
            required = type.spec.required.map(\.rawValue) + alsoRequired
        }

        var description: String { "\(format) \(keys) at /\(path.map(\.description).joined(separator: "/"))" }
    }

    static let allPlaces: [Place] = [
        Place(.table, TableKey.self, at: []),
        Place(.table, PolicyKey.self, at: ["policy"]),
        Place(.table, WindowKey.self, at: ["policy", "window"]),
        Place(.table, LabelsKey.self, at: ["labels"]),
        Place(input: .year, at: ["inputs", "ma_expires"]),
        Place(input: .date, at: ["inputs", "as_of"]),
        // A per-person date (a date input not marked `role: as_of`) also requires its domain.
        Place(input: .date, at: ["inputs", "certified_on"], alsoRequired: ["domain"]),
        Place(.table, DateDomainKey.self, at: ["inputs", "certified_on", "domain"]),
        Place(input: .enumeration, at: ["inputs", "level"]),
        Place(input: .integer, at: ["inputs", "service"]),
        Place(input: .boolean, at: ["inputs", "employed"]),
        Place(.table, YearDomainKey.self, at: ["inputs", "ma_expires", "domain"]),
        Place(.table, IntegerDomainKey.self, at: ["inputs", "service", "domain"]),
        Place(.table, CertificationKey.self, at: ["certifications", "ma"]),
        Place(.table, FeeKey.self, at: ["fees", "base"]),
        Place(.table, DeadlineKey.self, at: ["deadlines", "early"]),
        Place(.table, RuleKey.self, at: ["rules", 0]),
        Place(.table, OtherwiseKey.self, at: ["otherwise"]),
        Place(.table, OutcomeKey.self, at: ["rules", 0, "then"]),
        Place(.table, OutcomeKey.self, at: ["otherwise", "then"]),
        Place(.table, OutputKey.self, at: ["outputs", "level"]),
        Place(.table, YearConditionKey.self, at: ["rules", 0, "when", "ma_expires"]),
        Place(.table, ValueConditionKey.self, at: ["rules", 0, "when", "service"]),
        Place(.table, DateComparisonKey.self, at: ["rules", 0, "when", "as_of"]),
        Place(.table, DateComparisonKey.self, at: ["derived", "current", "as_of"]),
        Place(.expectations, ExpectationsKey.self, at: []),
        Place(.expectations, CertificationKey.self, at: ["certifications", "ma"]),
        Place(.expectations, ExpectationRowKey.self, at: ["expectations", 0]),
        Place(.expectations, ExpectedFieldKey.self, at: ["defaults"]),
        Place(.expectations, ExpectedFeeKey.self, at: ["expectations", 0, "expect", "fee"]),
        Place(.expectations, ExpectedDeadlineKey.self, at: ["expectations", 0, "expect", "deadlines", 0]),
        Place(.expectations, ExpectedBoolKey.self, at: ["expectations", 0, "expect", "current"]),
        Place(.expectations, YearConditionKey.self, at: ["expectations", 0, "when", "ma_expires"]),
        Place(.expectations, ValueConditionKey.self, at: ["expectations", 0, "when", "service"]),
        Place(.expectations, DateComparisonKey.self, at: ["expectations", 0, "when", "as_of"]),
    ]

    /// Every key any mapping of either format knows, and one that none does.
    static let universe: [String] = {
        var unique: [String] = []
        for name in allPlaces.flatMap(\.allowed) + ["zz_unknown"] where !unique.contains(name) { unique.append(name) }
        return unique
    }()

    // MARK: - Documents

    static func base(_ format: Format) -> Document {
        format == .table ? table : expectations
    }

    static let table: Document = [
        "format": "rulecheck/1",
        "policy": [
            "id": "minimal", "version": "\"1\"", "title": "Minimal", "source": "test", "time_zone": "America/New_York",
            "window": ["from": "2026-01-01", "to": "2026-12-31"],
        ],
        "cycle": "2026",
        "hit_policy": "unique",
        "inputs": [
            "ma_expires": ["type": "year", "label": "MA", "domain": ["from": "cycle - 1", "to": "cycle + 1"]],
            "nr_expires": ["type": "year", "domain": ["from": "cycle - 1", "to": "cycle + 1"], "none": "true"],
            "level": ["type": "enum", "label": "Level", "values": ["emt", "paramedic"]],
            "service": ["type": "integer", "label": "Years", "domain": ["from": "0", "to": "2"]],
            "employed": ["type": "boolean", "label": "Employed"],
            "certified_on": [
                "type": "date", "label": "Certified", "domain": ["from": "2000-01-01", "to": "2026-12-31"],
            ],
            "as_of": ["type": "date", "label": "Date", "role": "as_of"],
        ],
        "certifications": ["ma": ["input": "ma_expires", "expires": "03-31", "label": "MA"]],
        "fees": ["base": ["amount": "10.00", "currency": "USD", "label": "Base"]],
        "deadlines": [
            "early": [
                "date": "2026-02-15", "kind": "recommended", "inclusive": "true", "label": "Early",
                "precedes": "expiry",
            ],
            "expiry": ["date": "2026-03-31", "kind": "expiry", "inclusive": "true"],
        ],
        "derived": ["current": ["as_of": ["on_or_before": "ma.expiry"]]],
        "outputs": ["level": ["type": "enum", "values": ["low", "high"], "label": "Level", "default": "low"]],
        "actions": ["act": "Do the thing."],
        "rules": [
            [
                "id": "early",
                "when": [
                    "ma_expires": ["from": "cycle"], "service": ["in": ["1", "2"]], "level": "paramedic",
                    "employed": "true", "as_of": ["by": "early"],
                ],
                "then": ["cohort": "a", "status": "early", "fee": "base", "deadlines": ["early"], "actions": ["act"]],
                "note": "A note.",
            ]
        ],
        "otherwise": ["id": "rest", "then": ["cohort": "b", "status": "other", "actions": ["act"]], "note": "Rest."],
        "labels": ["cohorts": ["a": "First"], "statuses": ["other": "Everyone else"]],
    ]

    static let expectations: Document = [
        "format": "rulecheck-expect/1",
        "table": "minimal.yaml",
        "certifications": ["ma": ["input": "ma_expires", "expires": "03-31"]],
        "defaults": ["cohort": "b", "status": "other", "fee": "none", "deadlines": ["2026-02-15"]],
        "expectations": [
            [
                "id": "e1",
                "when": [
                    "ma_expires": ["from": "cycle"], "service": ["not_in": ["0"]], "as_of": ["before": "2026-02-01"],
                ],
                "expect": [
                    "cohort": "a",
                    "fee": ["amount": "10.00", "currency": "USD"],
                    "deadlines": [["date": "2026-02-15", "inclusive": "true", "kind": "recommended"]],
                    "current": ["when": ["as_of": ["on_or_before": "ma.expiry"]]],
                ],
                "note": "A row.",
            ]
        ],
    ]

    /// The messages of every diagnostic for a document of `format`.
    func diagnostics(_ format: Format, _ document: Document) throws -> [String] {
        switch format {
        case .table:
            return TableLoader.load(yaml: document.yaml, file: "minimal.yaml").diagnostics.map(\.message)
        case .expectations:
            let compiled = try TestSupport.compiled(TableLoader.load(yaml: Self.table.yaml, file: "minimal.yaml"))
            let result = ExpectationsLoader.load(
                bytes: Array(document.yaml.utf8), file: "minimal.expect.yaml", for: compiled.definition)
            return result.diagnostics.map(\.message)
        }
    }
}
