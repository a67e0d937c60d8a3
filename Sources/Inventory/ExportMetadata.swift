import Foundation

/// The RVTools `vMetaData` tab: the version and the time of the export.
struct ExportMetadata: Sendable {
    /// `RVTools version` ("4.6.1.1"), or "".
    let version: String
    /// The calendar day of the export (`xlsx creation datetime`), as `YYYY-MM-DD`.
    let exportDay: String?

    /// The columns read from `vMetaData`.
    enum Columns {
        static let version = RVToolsColumn("RVTools version", ["Version"])
        static let created = RVToolsColumn("xlsx creation datetime", ["csv creation datetime", "Creation datetime", "Export date"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [version, created]
    }

    /// Reads the first row of a `vMetaData` tab; a date it cannot read is a warning, not an error.
    static func read(_ sheet: RVToolsSheet, warnings: inout [String]) -> ExportMetadata {
        guard sheet.rowCount > 0 else { return ExportMetadata(version: "", exportDay: nil) }
        let created = sheet.text(0, sheet.index(of: Columns.created))
        let day = created.isEmpty ? nil : Self.day(created)
        if !created.isEmpty, day == nil {
            warnings.append("\(sheet.file): export date '\(created)' not understood; the scenario keeps the default start")
        }
        return ExportMetadata(version: sheet.text(0, sheet.index(of: Columns.version)), exportDay: day)
    }

    /// `YYYY-MM-DD` of a cell holding a date: an Excel serial (days since 1899-12-30, the 1900
    /// date system; the fraction is the time of day), `2024-06-28 04:55:40`, `2024/06/28 …`,
    /// `28.06.2024 …` (day first), `6/28/2024 …` (month first, unless the first number is above 12).
    static func day(_ text: String) -> String? {
        if let serial = Double(text), serial >= 1, serial < 2_958_466 {
            let days = Int(serial.rounded(.down))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            guard let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30)),
                  let date = calendar.date(byAdding: .day, value: days, to: epoch) else { return nil }
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
            return format(y, m, d)
        }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).prefix(3).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let separator = text.first { !$0.isNumber && !$0.isWhitespace }
        if numbers[0] >= 1_000 { return format(numbers[0], numbers[1], numbers[2]) }
        guard numbers[2] >= 1_000 else { return nil }
        if separator == "." || separator == "-" || numbers[0] > 12 { return format(numbers[2], numbers[1], numbers[0]) }
        return format(numbers[2], numbers[0], numbers[1])
    }

    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
