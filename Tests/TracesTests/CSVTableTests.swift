import Foundation
import Testing
@testable import Traces

@Suite struct CSVTableTests {
    @Test func quotesCommasAndEmbeddedLineBreaks() throws {
        let text = "name,note,count\n\"web, 01\",\"said \"\"hi\"\"\",3\nplain,\"two\nlines\",\n,,\n"
        let table = try CSVTable.parse(Data(text.utf8), file: "q.csv")
        #expect(table.separator == ",")
        #expect(table.header == ["name", "note", "count"])
        #expect(table.rows == [["web, 01", "said \"hi\"", "3"], ["plain", "two\nlines", ""], ["", "", ""]])
        #expect(table.rowLines == [2, 3, 5])
    }

    @Test func byteOrderMarkCRLFAndSemicolons() throws {
        let text = "\u{FEFF}VM;Memory MiB;Annotation\r\n\"db;1\";4096;\"a, b\"\r\n\r\nweb;2048,5;\r\n"
        let table = try CSVTable.parse(Data(text.utf8), file: "s.csv")
        #expect(table.separator == ";")
        #expect(table.header == ["VM", "Memory MiB", "Annotation"])
        #expect(table.rows == [["db;1", "4096", "a, b"], ["web", "2048,5", ""]])
        #expect(table.rowLines == [2, 4])
        #expect(table.cell(1, 2) == "")
        #expect(table.cell(1, 7) == "")
    }

    @Test func tabsUTF16AndWindows1252() throws {
        let utf16 = try #require("a\tb\r\n1\t2\r\n".data(using: .utf16))  // with a BOM
        let table = try CSVTable.parse(utf16, file: "u.txt")
        #expect(table.separator == "\t")
        #expect(table.rows == [["1", "2"]])
        let latin = Data([0x56, 0x4D, 0x0A, 0x43, 0x61, 0x66, 0xE9, 0x0A])  // "VM\nCafé" in Windows-1252
        #expect(try CSVTable.parse(latin, file: "l.csv").rows == [["Café"]])
    }

    @Test func separatorDetectionIgnoresQuotedText() throws {
        let table = try CSVTable.parse(Data("\"a;b;c\",d\n1,2\n".utf8), file: "d.csv")
        #expect(table.separator == ",")
        #expect(table.header == ["a;b;c", "d"])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect(throws: CSVError(file: "bad.csv", line: 3, message: "a quoted field starting on this line is never closed")) {
            try CSVTable.parse(Data("a,b\n1,2\n3,\"oops\n4,5\n".utf8), file: "bad.csv")
        }
        #expect(throws: CSVError.self) { try CSVTable.parse(Data(), file: "empty.csv") }
    }

    @Test func numbers() {
        #expect(CSVNumber.parse(" 42 ", decimalComma: false) == 42)
        #expect(CSVNumber.parse("12,5", decimalComma: true) == 12.5)
        #expect(CSVNumber.parse("12,5", decimalComma: false) == nil)
        #expect(CSVNumber.parse("37 %", decimalComma: false) == 37)
        #expect(CSVNumber.parse("1\u{00A0}024", decimalComma: true) == 1_024)
        #expect(CSVNumber.parse("", decimalComma: false) == nil)
        #expect(CSVNumber.parse("nan", decimalComma: false) == nil)
        #expect(CSVNumber.parse("four", decimalComma: false) == nil)
        #expect(CSVNumber.parse("1e3", decimalComma: false) == 1_000)
    }
}
