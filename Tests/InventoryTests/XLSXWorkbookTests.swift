import Foundation
import Testing
@testable import Inventory

/// The `.xlsx` reader: every cell type, sparse rows, sheet lookup and the errors it gives.
@Suite struct XLSXWorkbookTests {
    @Test func cellTypesReadAsText() throws {
        let folder = RVToolsWorkbookTests.scratch("cells")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cells.xlsx")
        try XLSXTestWriter.write([
            .init(name: "Other", rows: [[.text("ignored")]]),
            .init(name: "vInfo", rows: [
                [.text("A"), .text("B"), .text("C"), .text("D"), .text("E")],
                [.text("=SUM(A1)"), .inline("  inline, \"quoted\" <x> & y  "), .number(4096), .bool(true), .date(46_083.5)],
                [.empty, .empty, .empty, .empty, .empty],
                [.empty, .empty, .number(1.5e-3), .bool(false), .text("日本語")],
            ]),
        ], to: url)
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheets.map(\.name) == ["Other", "vInfo"])
        let path = try #require(workbook.sheetPath(named: "VINFO"))
        let rows = try workbook.rows(ofSheetAt: path, sheetName: "vInfo", sharedStrings: workbook.sharedStrings())
        #expect(rows.rowNumbers == [1, 2, 4])  // the empty row 3 is left out
        #expect(rows.rows[1] == ["=SUM(A1)", "  inline, \"quoted\" <x> & y  ", "4096.0", "True", "46083.5"])
        #expect(rows.rows[2] == ["", "", "0.0015", "False", "日本語"])
        #expect(XLSXWorkbook.resolve("worksheets/sheet1.xml", from: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(XLSXWorkbook.resolve("/xl/worksheets/sheet2.xml", from: "xl/") == "xl/worksheets/sheet2.xml")
        #expect(XLSXWorkbook.resolve("../shared/strings.xml", from: "book/xl/") == "book/shared/strings.xml")
        #expect(XLSXWorkbook.resolve("xl/workbook.xml", from: "") == "xl/workbook.xml")
        #expect(ExportMetadata.day("46083.5") == "2026-03-02")
        #expect(ExportMetadata.day("2026/03/02 14:30:00") == "2026-03-02")
        #expect(ExportMetadata.day("02.03.2026 14:30") == "2026-03-02")
        #expect(ExportMetadata.day("3/2/2026 2:30:00 PM") == "2026-03-02")
        #expect(ExportMetadata.day("yesterday") == nil)
    }

    @Test func missingTabsAndBrokenFilesAreClearErrors() throws {
        let folder = RVToolsWorkbookTests.scratch("broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let noHost = folder.appendingPathComponent("no-vhost.xlsx")
        try XLSXTestWriter.write([.init(name: "vInfo", rows: [[.text("VM")]]), .init(name: "vCPU", rows: [[.text("VM")]])], to: noHost)
        #expect(throws: InventoryError(file: noHost.relativePath, row: nil, column: nil, message: "no 'vHost' tab: sheets found: vInfo, vCPU")) {
            try RVToolsImport.run(try RVToolsExport.at(noHost), options: .init(scenarioName: "x"))
        }
        let notZip = folder.appendingPathComponent("not.xlsx")
        try Data("VM,Powerstate\n".utf8).write(to: notZip)
        #expect(throws: InventoryError(file: notZip.relativePath, row: nil, column: nil,
                                       message: "not an Excel workbook (.xlsx): the file is not a ZIP archive")) {
            try RVToolsImport.run(try RVToolsExport.at(notZip), options: .init(scenarioName: "x"))
        }
        let badCell = folder.appendingPathComponent("bad.xlsx")
        try XLSXTestWriter.write([
            .init(name: "vHost", rows: [["Host", "Cluster", "CPU Model", "Speed", "# CPU", "# Cores", "# Memory"].map { .text($0) },
                                        [.text("h1"), .text("c"), .text("Xeon"), .text("fast"), .number(2), .number(8), .number(1024)]]),
            .init(name: "vInfo", rows: [[.text("VM")]]),
        ], to: badCell)
        #expect(throws: InventoryError(file: "\(badCell.relativePath), sheet vHost", row: 2, column: "Speed",
                                       message: "'fast' is not a non-negative number")) {
            try RVToolsImport.run(try RVToolsExport.at(badCell), options: .init(scenarioName: "x"))
        }
        #expect(throws: InventoryError.self) { try RVToolsExport.at(folder.appendingPathComponent("nothing-here")) }
        // a folder holding several workbooks and no CSV files: name one
        let error = #expect(throws: InventoryError.self) { try RVToolsExport.at(folder) }
        #expect(error?.message.hasSuffix(", and 3 .xlsx workbooks: name one") == true)
        let single = folder.appendingPathComponent("single")
        try FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: noHost, to: single.appendingPathComponent("export.xlsx"))
        #expect(try RVToolsExport.at(single).label == "export.xlsx")
    }
}

/// The worksheet scanner on hand-written SpreadsheetML: any chunking gives the same rows.
@Suite struct XLSXSheetScannerTests {
    static let xml = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D3"/>
    <x:sheetData><x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t='inlineStr'><x:is><x:r><x:t>a &amp; b</x:t></x:r><x:r><x:t xml:space="preserve"> &lt;c&gt;</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHONETIC</x:t></x:rPh></x:is></x:c></x:row>
    <x:row r="2"/><x:row r="3"><x:c r="A3"><x:f>SUM(B3:C3)</x:f><x:v>42</x:v></x:c><x:c r="B3" s="1"/><x:c r="D3" t="inlineStr"><x:is><x:t>line_x000D_break &#233;&#x263A; _x005F_x0041_</x:t></x:is></x:c></x:row>
    <x:row><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>
    """#

    static func scan(chunk: Int, filter: (([String]) -> [Bool])? = nil) -> [(Int, [String])] {
        var scanner = XLSXSheetScanner(sharedStrings: ["zero", "Name, with \"quotes\""], columnFilter: filter)
        var rows: [(Int, [String])] = []
        let bytes = Array(xml.utf8)
        var start = 0
        while start < bytes.count {
            scanner.feed(bytes[start..<min(start + chunk, bytes.count)]) { rows.append(($0, $1)) }
            start += chunk
        }
        scanner.finish { rows.append(($0, $1)) }
        return rows
    }

    @Test func readsEveryCellKindWhateverTheChunks() {
        let whole = Self.scan(chunk: 1 << 20)
        #expect(whole.map(\.0) == [1, 3, 4])
        #expect(whole.count == 3 && whole[0].1 == ["Name, with \"quotes\"", "", "a & b <c>"])
        #expect(whole.count == 3 && whole[1].1 == ["42", "", "", "line\rbreak é☺ _x0041_"])
        #expect(whole.count == 3 && whole[2].1 == ["False", "#N/A"])
        for chunk in [1, 2, 3, 7, 64] {
            let parts = Self.scan(chunk: chunk)
            #expect(parts.map(\.0) == whole.map(\.0) && parts.map(\.1) == whole.map(\.1), "chunk \(chunk)")
        }
    }

    @Test func filteredColumnsReadAsEmptyTheHeaderStaysWhole() {
        // keep B and C of the 3-column header: row 3 (A and D only) is left out as empty
        let rows = Self.scan(chunk: 5) { header in header.indices.map { $0 != 0 } }
        #expect(rows.map(\.0) == [1, 4])
        #expect(rows.map(\.1) == [["Name, with \"quotes\"", "", "a & b <c>"], ["", "#N/A"]])
    }

    /// 300 corruptions of the sample (bytes replaced, dropped or repeated; fixed seed): none
    /// crashes, and feeding each in random chunks gives exactly the rows of feeding it whole.
    @Test func corruptedInputNeverCrashesAndChunkingNeverMatters() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let original = Array(Self.xml.utf8)
        let alphabet = Array("<>/=\"' &;#x:rcvtis_0A9".utf8)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + next(8)) {
                let at = next(bytes.count)
                switch next(3) {
                case 0: bytes[at] = alphabet[next(alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(at + next(20), bytes.count)], at: at)
                }
            }
            func rows(chunked: Bool) -> [[String]] {
                var scanner = XLSXSheetScanner(sharedStrings: ["s0", "s1"])
                var out: [[String]] = []
                var start = 0
                while start < bytes.count {
                    let end = chunked ? min(bytes.count, start + 1 + next(40)) : bytes.count
                    scanner.feed(bytes[start..<end]) { out.append([String($0)] + $1) }
                    start = end
                }
                scanner.finish { out.append([String($0)] + $1) }
                return out
            }
            #expect(rows(chunked: true) == rows(chunked: false))
        }
    }

    @Test func aMissingSharedStringIsAProblem() {
        var scanner = XLSXSheetScanner(sharedStrings: [])
        scanner.feed(Array(#"<row r="5"><c r="A5" t="s"><v>3</v></c></row>"#.utf8)) { _, _ in }
        scanner.finish { _, _ in }
        #expect(scanner.problem?.row == 5)
        #expect(scanner.problem?.message == "cell refers to shared string '3', which does not exist")
    }
}
