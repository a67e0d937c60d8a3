import Foundation

/// A small RFC 4180 CSV reader shared by the trace and inventory readers.
///
/// Handles quoted fields (separators, doubled quotes and line breaks inside quotes), empty
/// cells, CRLF or LF line ends, a UTF-8 byte-order mark (and UTF-16 or Windows-1252 files), and
/// detects the separator — `,`, `;` or tab — from the header line (the most frequent one outside
/// quotes; a tie prefers `,`, then `;`). Blank lines are skipped. Each row remembers the physical
/// line it starts on, so errors can name it. Rows keep the cells they have: a short row reads as
/// empty cells through ``cell(_:_:)``.
public struct CSVTable: Sendable {
    /// The file path as given (for messages).
    public let file: String
    /// The detected separator: `,`, `;` or tab.
    public let separator: Character
    /// The header cells, as written.
    public let header: [String]
    /// The data rows (header excluded).
    public let rows: [[String]]
    /// For each data row, the 1-based physical line it starts on.
    public let rowLines: [Int]

    /// Reads and parses a file.
    public static func read(contentsOf url: URL) throws -> CSVTable {
        try parse(try CSVTable.load(url), file: url.path)
    }

    /// Parses CSV text given as bytes (any encoding ``CSVTable`` understands).
    public static func parse(_ data: Data, file: String) throws -> CSVTable {
        var reader = CSVRecordReader(data: data, file: file)
        guard let header = try reader.next() else {
            throw CSVError(file: file, line: nil, message: "the file is empty (no header row)")
        }
        var rows: [[String]] = []
        var rowLines: [Int] = []
        while let record = try reader.next() {
            rows.append(record.fields)
            rowLines.append(record.line)
        }
        return CSVTable(file: file, separator: reader.separator, header: header.fields, rows: rows, rowLines: rowLines)
    }

    /// The cell at (`row`, `column`), or `""` when the row is shorter.
    public func cell(_ row: Int, _ column: Int) -> String {
        let fields = rows[row]
        return column < fields.count ? fields[column] : ""
    }

    /// Reads a file's bytes, mapping a failure to a ``CSVError`` that names the file.
    public static func load(_ url: URL) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw CSVError(file: url.path, line: nil, message: "no such file")
        }
        if isFolder.boolValue {
            throw CSVError(file: url.path, line: nil, message: "is a folder, not a file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw CSVError(file: url.path, line: nil, message: "cannot read the file (\(Self.reason(error)))")
        }
    }

    /// The most frequent of `,` `;` tab outside quotes on the first line (ties: `,` then `;`).
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            counts[byte]? += 1
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
