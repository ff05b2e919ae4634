/// How a roster's dates are written: one of a documented list, never guessed.
public enum RosterDateFormat: String, Sendable, CaseIterable {
    /// `2026-03-31`, the default.
    case iso = "YYYY-MM-DD"
    /// `3/31/2026` or `03/31/2026`: month, day, four-digit year, as US spreadsheets write them.
    case monthDayYear = "M/D/YYYY"
}

/// How the options are spelled where the roster comes from, for the hints in header errors.
public enum RosterOptionSpelling: Sendable {
    /// Command-line flags: `--delimiter ';'`, `--column INPUT=HEADER`.
    case flags
    /// HTTP query parameters: `delimiter=%3B`, `column=INPUT%3DHEADER`.
    case queryParameters
}

/// How ``RosterProcessor`` reads a roster's header and cells and writes CSV: the delimiters,
/// which header names each input, and how dates are written.
public struct RosterOptions: Sendable {
    /// The delimiter of the input, for the hint when the header splits on another one.
    public var inputDelimiter: UInt8
    /// The delimiter of the CSV output.
    public var outputDelimiter: UInt8
    /// The header of an input whose column is named otherwise (`ma_expires` → `MA Expiration`).
    public var columns: [String: String]
    /// How date cells are written.
    public var dateFormat: RosterDateFormat
    /// How header errors name the options that would fix them.
    public var spelling = RosterOptionSpelling.flags

    /// Commas in and out, each input in the column of its own name, dates as `YYYY-MM-DD`.
    public init(
        inputDelimiter: UInt8 = UInt8(ascii: ","), outputDelimiter: UInt8? = nil, columns: [String: String] = [:],
        dateFormat: RosterDateFormat = .iso
    ) {
        self.inputDelimiter = inputDelimiter
        self.outputDelimiter = outputDelimiter ?? inputDelimiter
        self.columns = columns
        self.dateFormat = dateFormat
    }

    /// A delimiter as people write it: `,`, `;` or `\t`.
    public static func shown(_ delimiter: UInt8) -> String {
        delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter))
    }
}
