import Foundation
import Traces

/// One RVTools tab exported as CSV, with typed cell access whose errors name the file, the
/// spreadsheet row and the column.
struct RVToolsSheet {
    /// The tab this file should be (`vInfo`, `vHost`, `vCluster`), for messages.
    let tab: String
    /// The file as given.
    let file: String
    let table: CSVTable

    /// Reads the file; a file that cannot be read or tokenized is an ``InventoryError``.
    init(url: URL, tab: String) throws {
        self.tab = tab
        file = url.relativePath
        do {
            let data = try CSVTable.load(url)
            table = try CSVTable.parse(data, file: file)
        } catch let error as CSVError {
            throw InventoryError(file: file, row: nil, column: nil, message: Self.lineNote(error))
        }
    }

    private static func lineNote(_ error: CSVError) -> String {
        guard let line = error.line else { return error.message }
        return "\(error.message) (line \(line))"
    }

    /// The number of data rows.
    var rowCount: Int { table.rows.count }

    /// The index of an optional column, or `nil` when the file lacks it.
    func index(of column: RVToolsColumn) -> Int? {
        column.index(in: table.header)
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
        let found = table.header.isEmpty ? "none" : table.header.joined(separator: " | ")
        let plural = missing.count == 1 ? "column" : "columns"
        throw InventoryError(file: file, row: 1, column: first.name,
                             message: "missing required \(plural) \(names.joined(separator: "; ")) — is this the "
                                 + "RVTools \(tab) tab? Headers found: \(found)")
    }

    /// The spreadsheet row of data row `index` (header = row 1).
    func rowNumber(_ index: Int) -> Int { index + 2 }

    /// An error at data row `index`, column `column`; names the physical line when it differs.
    func error(_ index: Int, _ column: RVToolsColumn?, _ message: String) -> InventoryError {
        let line = table.rowLines[index]
        let note = line == rowNumber(index) ? "" : " (line \(line))"
        return InventoryError(file: file, row: rowNumber(index), column: column?.name, message: message + note)
    }

    /// The trimmed text of a cell; `""` for a missing column or a short row.
    func text(_ index: Int, _ column: Int?) -> String {
        guard let column else { return "" }
        return table.cell(index, column).trimmingCharacters(in: .whitespaces)
    }

    /// The exact (untrimmed) text of a cell, for names.
    func name(_ index: Int, _ column: Int) -> String {
        table.cell(index, column)
    }

    /// A number; `nil` for an empty cell or a missing column, an error for anything else that
    /// is not a number.
    func optionalNumber(_ index: Int, _ column: Int?, _ definition: RVToolsColumn) throws -> Double? {
        let cell = text(index, column)
        guard !cell.isEmpty else { return nil }
        // At most 10¹⁵ (a petabyte in bytes): no real cell is larger, and larger values trapped
        // converting to Int (found by make fuzz, issue 17).
        guard let value = CSVNumber.parse(cell, decimalComma: table.separator != ","), value >= 0 else {
            throw error(index, definition, "'\(cell)' is not a non-negative number")
        }
        guard value <= 1e15 else { throw error(index, definition, "'\(cell)' is larger than 10^15") }
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
