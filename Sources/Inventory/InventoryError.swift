/// An RVTools export that cannot be imported: names the file, the spreadsheet row (the header is
/// row 1), the column and what is wrong.
public struct InventoryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file as given on the command line.
    public let file: String
    /// The spreadsheet row (header = 1, first data row = 2), or `nil` for the whole file.
    public let row: Int?
    /// The column concerned (the importer's name for it), or `nil`.
    public let column: String?
    /// What is wrong.
    public let message: String

    public init(file: String, row: Int?, column: String?, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column '\(column)'" }
        return "\(place): \(message)"
    }
}
