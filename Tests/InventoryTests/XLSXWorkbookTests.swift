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
    }
}
