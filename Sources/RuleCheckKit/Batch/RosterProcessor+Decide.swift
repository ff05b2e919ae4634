import RuleEngine

extension RosterProcessor {
    /// Decides the current record, or says why it cannot be decided.
    @inline(__always)
    func decide(_ reader: CSVReader, _ layout: RosterLayout) -> RowResult {
        guard reader.fieldCount == layout.columnCount else {
            return .bad(RosterMessages.fieldCount(reader.fieldCount, expected: layout.columnCount))
        }
        var years = emptyYears
        for input in 0..<layout.yearColumns.count {
            let cell = reader.field(layout.yearColumns[input])
            if tables.isDate[input] {
                // A per-person date, in the roster's date format.
                switch RosterValue.date(cell, format: options.dateFormat) {
                case .date(let value):
                    switch tables.inputs[input].code(of: .date(value)) {
                    case .success(let code): years[input] = code
                    case .failure(let error): return .bad(error.description)
                    }
                case .empty:
                    return .bad(RosterMessages.missingValue(tables.yearInputNames[input]))
                case .invalid:
                    return .bad(
                        RosterMessages.notADate(
                            tables.yearInputNames[input], Self.text(cell), format: options.dateFormat))
                }
                continue
            }
            guard tables.isYear[input] else {
                let text = Self.text(cell)
                guard !text.isEmpty else { return .bad(RosterMessages.missingValue(tables.yearInputNames[input])) }
                switch tables.inputs[input].parse(text) {
                case .success(let value): years[input] = value
                case .failure(let error): return .bad(error.description)
                }
                continue
            }
            switch RosterValue.year(cell) {
            case .year(let value): years[input] = value
            case .none: years[input] = nil
            case .empty:
                guard tables.allowsNone[input] else {
                    return .bad(RosterMessages.missingValue(tables.yearInputNames[input]))
                }
                years[input] = nil
            case .invalid:
                return .bad(RosterMessages.notAYear(tables.yearInputNames[input], Self.text(cell)))
            }
        }
        var date = defaultAsOf
        if let column = layout.dateColumn {
            let cell = reader.field(column)
            switch RosterValue.date(cell, format: options.dateFormat) {
            case .date(let value): date = value
            case .empty: break
            case .invalid:
                return .bad(RosterMessages.notADate(tables.dateInputName, Self.text(cell), format: options.dateFormat))
            }
        }
        guard tables.hasTable(for: date) else {
            return .bad(RosterMessages.noTableInForce(date, windows: tables.history.windows))
        }
        do throws(EvaluationError) {
            let decision = try tables.history.evaluate(years, asOf: date)
            return .decided(decision, table: tables.position(of: decision.table))
        } catch {
            return .bad(error.description)
        }
    }

    /// A cell's text without leading and trailing spaces and tabs, for a message.
    static func text(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: RosterValue.trimmed(cell), as: UTF8.self)
    }
}
