import Foundation

/// Streams the records of a CSV text one at a time: the RFC 4180 state machine behind
/// ``CSVTable``, for readers of large files that should not keep every row.
///
/// The text is decoded as ``CSVTable`` describes (BOM, UTF-16, Windows-1252) and the separator is
/// detected from the header line. Lenient where RFC 4180 is strict, as spreadsheet exports need:
/// a quote inside an unquoted field is kept literally, text after a closing quote is appended,
/// a lone CR ends a line. Blank lines are skipped.
public struct CSVRecordReader {
    /// The file path as given (for messages).
    public let file: String
    /// The detected separator: `,`, `;` or tab.
    public let separator: Character
    private let bytes: [UInt8]
    private let separatorByte: UInt8
    private var position = 0
    private var line = 1

    public init(data: Data, file: String) {
        self.file = file
        bytes = CSVText.utf8Bytes(data)
        separatorByte = CSVTable.detectSeparator(bytes)
        separator = Character(UnicodeScalar(separatorByte))
    }

    /// Whether numbers may use a decimal comma: the separator is not a comma.
    public var allowsDecimalComma: Bool { separatorByte != UInt8(ascii: ",") }

    /// The next non-blank record (fields and the 1-based line it starts on), or `nil` at the end.
    /// Throws ``CSVError`` for a quoted field that is never closed.
    public mutating func next() throws -> (fields: [String], line: Int)? {
        let separator = separatorByte
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let count = bytes.count
        while position < count {
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var inQuotes = false
            var quoteLine = line
            var ended = false
            while position < count, !ended {
                let byte = bytes[position]
                position += 1
                if inQuotes {
                    if byte == quote {
                        if position < count, bytes[position] == quote {
                            field.append(quote)
                            position += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == newline { line += 1 }
                        field.append(byte)
                    }
                } else if byte == quote, field.isEmpty, !quoted {
                    inQuotes = true
                    quoted = true
                    quoteLine = line
                } else if byte == separator {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    quoted = false
                } else if byte == newline || byte == carriageReturn {
                    if byte == carriageReturn, position < count, bytes[position] == newline { position += 1 }
                    line += 1
                    ended = true
                } else {
                    field.append(byte)
                }
            }
            if inQuotes {
                throw CSVError(file: file, line: quoteLine, message: "a quoted field starting on this line is never closed")
            }
            if fields.isEmpty, field.isEmpty, !quoted { continue }
            fields.append(String(decoding: field, as: UTF8.self))
            return (fields, startLine)
        }
        return nil
    }
}
