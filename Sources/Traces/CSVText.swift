import Foundation

/// Turns the raw bytes of a text file into UTF-8 bytes without a byte-order mark.
///
/// Spreadsheet exports come in several encodings: UTF-8 with or without a BOM (Excel adds one),
/// UTF-16 with a BOM (Excel's "Unicode text"), or a Windows code page for older exports. UTF-8 is
/// tried first; bytes that are not valid UTF-8 are read as Windows-1252.
enum CSVText {
    static func utf8Bytes(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let text = String(data: data, encoding: .utf16) {
                return Array(text.utf8).dropBOM()
            }
        }
        if String(data: data, encoding: .utf8) != nil { return bytes }
        if let text = String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1) {
            return Array(text.utf8)
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// Drops a leading UTF-8 byte-order mark, if any.
    fileprivate func dropBOM() -> [UInt8] {
        starts(with: [0xEF, 0xBB, 0xBF]) ? Array(dropFirst(3)) : self
    }
}
