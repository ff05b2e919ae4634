import RuleEngine

extension TableDiff {
    private func describe(_ input: HarnessInput, shift: Int) -> String {
        old.definition.assignments(
            years: old.definition.shifted(input.years, by: shift), asOf: input.asOf.adding(years: shift))
    }

    private func place(_ location: SourceLocation?) -> String {
        location.map { "\($0.file):\($0.line)" } ?? "-"
    }

    /// The difference for people: each region of inputs whose decision changes, then each
    /// changed item with its lines in both files, then a one-line verdict.
    public func text() -> String {
        var lines = [
            "Comparing \(old.definition.file) (version \(old.policy.version)) with \(new.definition.file) (version \(new.policy.version))"
        ]
        if shiftYears == 0 {
            lines.append("Dates compared as they are: \(dates.lowerBound) to \(dates.upperBound).")
        } else {
            lines.append(
                "Each old input is compared with the new input \(shiftYears) year\(abs(shiftYears) == 1 ? "" : "s") later "
                    + "(years and dates); old dates \(dates.lowerBound) to \(dates.upperBound).")
        }
        lines.append("\(comparedInputs) input combinations compared.")
        lines.append("")
        if decisionChanges.isEmpty {
            lines.append("No decision changes.")
        } else {
            lines.append("Decisions that change (\(decisionChanges.count)):")
            for change in decisionChanges {
                lines.append("  \(change.field): \(change.old) → \(change.new) on \(change.count) inputs")
                for description in change.descriptions.prefix(5) {
                    lines.append("    \(description)")
                }
                if change.regions.count > 5 { lines.append("    and \(change.regions.count - 5) more regions") }
                let example = "\(describe(change.example, shift: 0))"
                lines.append(
                    "    example: "
                        + (shiftYears == 0 ? example : "\(example) ↔ \(describe(change.example, shift: shiftYears))"))
            }
        }
        lines.append("")
        if itemChanges.isEmpty {
            lines.append("No changes to rules, fees, deadlines, actions or inputs.")
        } else {
            lines.append("Items that change (\(itemChanges.count)):")
            for change in itemChanges {
                let locations = "(\(place(change.oldLocation)) → \(place(change.newLocation)))"
                let placeText = change.oldLocation == nil && change.newLocation == nil ? "" : "  \(locations)"
                let note = change.isMetadata ? "  [description only]" : ""
                lines.append(
                    "  \(change.item) `\(change.id)` \(change.kind.rawValue): \(change.detail)\(placeText)\(note)")
            }
        }
        lines.append("")
        lines.append(isEquivalent ? "The tables are equivalent." : "The tables differ.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The difference as JSON.
    public var json: JSONValue {
        func location(_ location: SourceLocation?) -> JSONValue {
            location.map { .object([("file", .string($0.file)), ("line", .int($0.line))]) } ?? .null
        }
        return .object([
            ("old", .object([("file", .string(old.definition.file)), ("version", .string(old.policy.version))])),
            ("new", .object([("file", .string(new.definition.file)), ("version", .string(new.policy.version))])),
            ("shift_years", .int(shiftYears)),
            ("dates", .object([("from", .string("\(dates.lowerBound)")), ("to", .string("\(dates.upperBound)"))])),
            ("compared_inputs", .int(comparedInputs)),
            (
                "decision_changes",
                .array(
                    decisionChanges.map { change in
                        .object([
                            ("field", .string(change.field)), ("old", .string(change.old)),
                            ("new", .string(change.new)),
                            ("count", .int(change.count)),
                            (
                                "regions",
                                .array(change.descriptions.map { .string($0) })
                            ),
                            ("example_old", .string(describe(change.example, shift: 0))),
                            ("example_new", .string(describe(change.example, shift: shiftYears))),
                        ])
                    })
            ),
            (
                "item_changes",
                .array(
                    itemChanges.map { change in
                        .object([
                            ("item", .string(change.item)), ("id", .string(change.id)),
                            ("kind", .string(change.kind.rawValue)),
                            ("detail", .string(change.detail)), ("old", location(change.oldLocation)),
                            ("new", location(change.newLocation)), ("metadata", .bool(change.isMetadata)),
                        ])
                    })
            ),
            ("equivalent", .bool(isEquivalent)),
        ])
    }
}
