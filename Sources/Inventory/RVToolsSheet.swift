import Foundation
import Traces

/// One RVTools tab — a CSV export or a sheet of an `.xlsx` workbook — with typed cell access
/// whose errors name the file, the spreadsheet row and the column.
struct RVToolsSheet {
    /// The tab this is (`vInfo`, `vHost`, `vCluster` …), for messages.
    let tab: String
    /// The file as given (`vInfo.csv`, or `export.xlsx, sheet vInfo`).
    let file: String
    let header: [String]
    /// Data rows (the header row excluded).
    let rows: [[String]]
    /// The spreadsheet row of each data row (header = row 1 in a CSV file).
    let rowNumbers: [Int]
    /// The physical line where each data row starts (CSV only; differs when cells span lines).
    let lines: [Int]?
    /// Numbers may use a decimal comma (a `;` or tab separated CSV file).
    let decimalComma: Bool

    /// Reads a CSV export; a file that cannot be read or tokenized is an ``InventoryError``.
    init(url: URL, tab: String) throws {
        self.tab = tab
        file = url.relativePath
        let table: CSVTable
        do {
            let data = try CSVTable.load(url)
            table = try CSVTable.parse(data, file: file)
        } catch let error as CSVError {
            throw InventoryError(file: file, row: nil, column: nil, message: Self.lineNote(error))
        }
        header = table.header
        rows = table.rows
        rowNumbers = table.rows.indices.map { $0 + 2 }
        lines = table.rowLines
        decimalComma = table.separator != ","
    }

    /// A sheet of a workbook: its first non-empty row is the header.
    init(workbookRows: XLSXSheetRows, file: String, tab: String) {
        self.tab = tab
        self.file = file
        header = workbookRows.rows.first ?? []
        rows = Array(workbookRows.rows.dropFirst())
        rowNumbers = Array(workbookRows.rowNumbers.dropFirst())
        lines = nil
        decimalComma = false
    }

    private static func lineNote(_ error: CSVError) -> String {
        guard let line = error.line else { return error.message }
        return "\(error.message) (line \(line))"
    }

    /// The number of data rows.
    var rowCount: Int { rows.count }

    /// The index of an optional column, or `nil` when the file lacks it.
    func index(of column: RVToolsColumn) -> Int? {
        column.index(in: header)
    }

    /// The indices of required columns; throws one error naming every missing column and
    /// listing the headers found.
    func require(_ columns: [RVToolsColumn]) throws -> [Int] {
        var indices: [Int] = []
        var missing: [RVToolsColumn] = []
        for column in columns {
            if let index = index(of: column) { indices.append(index) } else { missing.append(column) }
        }
        guard let first = missing.first else { return indices }
        let names = missing.map { "'\($0.name)' (accepted: \($0.aliases.joined(separator: ", ")))" }
        let found = header.isEmpty ? "none" : header.joined(separator: " | ")
        let plural = missing.count == 1 ? "column" : "columns"
        throw InventoryError(file: file, row: 1, column: first.name,
                             message: "missing required \(plural) \(names.joined(separator: "; ")) — is this the "
                                 + "RVTools \(tab) tab? Headers found: \(found)")
    }

    /// The spreadsheet row of data row `index` (header = row 1).
    func rowNumber(_ index: Int) -> Int { rowNumbers[index] }

    /// An error at data row `index`, column `column`; names the physical line when it differs.
    func error(_ index: Int, _ column: RVToolsColumn?, _ message: String) -> InventoryError {
        let line = lines?[index] ?? rowNumber(index)
        let note = line == rowNumber(index) ? "" : " (line \(line))"
        return InventoryError(file: file, row: rowNumber(index), column: column?.name, message: message + note)
    }

    /// The trimmed text of a cell; `""` for a missing column or a short row.
    func text(_ index: Int, _ column: Int?) -> String {
        guard let column else { return "" }
        let value = cell(index, column)
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return value }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// The exact (untrimmed) text of a cell, for names.
    func name(_ index: Int, _ column: Int) -> String {
        cell(index, column)
    }

    /// The raw cell; `""` past the end of a short row.
    func cell(_ index: Int, _ column: Int) -> String {
        let fields = rows[index]
        return column < fields.count ? fields[column] : ""
    }

    /// A number; `nil` for an empty cell or a missing column, an error for anything else that
    /// is not a number.
    func optionalNumber(_ index: Int, _ column: Int?, _ definition: RVToolsColumn) throws -> Double? {
        let cell = text(index, column)
        guard !cell.isEmpty else { return nil }
        // At most 10¹⁵ (a petabyte in bytes): no real cell is larger, and larger values trapped
        // converting to Int (found by make fuzz, issue 17).
        guard let value = Self.plainNumber(cell) ?? CSVNumber.parse(cell, decimalComma: decimalComma), value >= 0 else {
            throw error(index, definition, "'\(cell)' is not a non-negative number")
        }
        guard value <= 1e15 else { throw error(index, definition, "'\(cell)' is larger than 10^15") }
        return value
    }

    /// The value of a cell written as a plain number (`4096`, `0.25`, `1.5E-3`: what a workbook's
    /// numeric cells hold), without ``CSVNumber``'s clean-up; `nil` for anything else.
    static func plainNumber(_ cell: String) -> Double? {
        for byte in cell.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return nil
            }
        }
        guard let value = Double(cell), value.isFinite else { return nil }
        return value
    }

    /// A required non-negative number.
    func number(_ index: Int, _ column: Int, _ definition: RVToolsColumn) throws -> Double {
        guard let value = try optionalNumber(index, column, definition) else {
            throw error(index, definition, "empty cell, expected a number")
        }
        return value
    }

    /// A required whole number.
    func wholeNumber(_ index: Int, _ column: Int, _ definition: RVToolsColumn) throws -> Int {
        let value = try number(index, column, definition)
        guard value == value.rounded(), value < 1e9 else {
            throw error(index, definition, "'\(text(index, column))' is not a whole number")
        }
        return Int(value)
    }

    /// A True/False cell (also yes/no, 1/0); empty or missing reads as `false`.
    func flag(_ index: Int, _ column: Int?, _ definition: RVToolsColumn) throws -> Bool {
        switch text(index, column).lowercased() {
        case "true", "yes", "y", "1", "on", "enabled", "wahr", "ja": return true
        case "false", "no", "n", "0", "off", "disabled", "", "falsch", "nein": return false
        default: throw error(index, definition, "'\(text(index, column))' is not True or False")
        }
    }
}

extension RVToolsSheet {
    /// A number that may be negative (RVTools writes `-1` for "unlimited"); `nil` when empty.
    func optionalSignedNumber(_ index: Int, _ column: Int?, _ definition: RVToolsColumn) throws -> Double? {
        let cell = text(index, column)
        guard !cell.isEmpty else { return nil }
        guard let value = Self.plainNumber(cell) ?? CSVNumber.parse(cell, decimalComma: decimalComma) else {
            throw error(index, definition, "'\(cell)' is not a number")
        }
        return value
    }
}
