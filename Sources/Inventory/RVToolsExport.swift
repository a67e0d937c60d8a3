import Foundation

/// Where the RVTools tabs come from: an `.xlsx` workbook ("Export all to Excel"), a folder of
/// "Export all to CSV" files (`RVTools_tabvInfo.csv` …, or plain `vInfo.csv` …), or single CSV
/// files named per tab. ``sheet(_:)`` returns a tab, or `nil` when the export lacks it.
public struct RVToolsExport: Sendable {
    enum Source: Sendable {
        case workbook(URL)
        case files([String: URL])
    }

    let source: Source
    /// What was read, for the scenario's header comment ("export.xlsx", "vInfo.csv, vHost.csv").
    let label: String

    /// An `.xlsx` workbook, or a folder of CSV exports, chosen by what `url` is.
    public static func at(_ url: URL) throws -> RVToolsExport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw InventoryError(file: url.relativePath, row: nil, column: nil, message: "no such file or folder")
        }
        if isFolder.boolValue { return try folder(url) }
        return RVToolsExport(source: .workbook(url), label: url.lastPathComponent)
    }

    /// CSV files given one per tab (`["vInfo": …, "vHost": …]`).
    public static func files(_ files: [String: URL]) -> RVToolsExport {
        let order = RVToolsExport.tabs.compactMap { files[$0]?.lastPathComponent }
        return RVToolsExport(source: .files(files), label: order.joined(separator: ", "))
    }

    /// The tabs the importer reads, in the order it reads them.
    public static let tabs = ["vInfo", "vHost", "vCluster", "vCPU", "vMemory", "vDatastore", "vNetwork", "vMetaData"]

    /// A folder of CSV exports: `RVTools_tabvInfo.csv` (RVTools' "Export all to CSV" names),
    /// `vInfo.csv`, or any name ending in `tabvInfo.csv`; case does not matter. A folder without
    /// them that holds a single `.xlsx` workbook stands for that workbook.
    static func folder(_ url: URL) throws -> RVToolsExport {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        var files: [String: URL] = [:]
        for tab in tabs {
            let wanted = tab.lowercased()
            let match = names.first { name in
                let lowered = name.lowercased()
                guard lowered.hasSuffix(".csv") else { return false }
                let stem = lowered.dropLast(4)
                return stem == wanted || stem.hasSuffix("tab" + wanted)
            }
            if let match { files[tab] = url.appendingPathComponent(match) }
        }
        guard files["vInfo"] != nil || files["vHost"] != nil else {
            let workbooks = names.filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") }
            if workbooks.count == 1, let only = workbooks.first {  // a folder holding one workbook
                return RVToolsExport(source: .workbook(url.appendingPathComponent(only)), label: only)
            }
            throw InventoryError(file: url.relativePath, row: nil, column: nil,
                                 message: "no RVTools CSV export here (expected RVTools_tabvInfo.csv and RVTools_tabvHost.csv, "
                                     + "or vInfo.csv and vHost.csv)"
                                     + (workbooks.isEmpty ? "" : ", and \(workbooks.count) .xlsx workbooks: name one"))
        }
        let label = url.lastPathComponent + "/ (" + tabs.compactMap { files[$0]?.lastPathComponent }.joined(separator: ", ") + ")"
        return RVToolsExport(source: .files(files), label: label)
    }

    /// Opens the export for reading (a workbook reads its sheet list and shared strings once).
    func open() throws -> Reader {
        switch source {
        case .workbook(let url):
            let workbook = try XLSXWorkbook(url: url)
            return Reader(workbook: workbook, sharedStrings: try workbook.sharedStrings(), files: [:])
        case .files(let files):
            return Reader(workbook: nil, sharedStrings: [], files: files)
        }
    }

    /// Reads tabs of an opened export.
    struct Reader {
        let workbook: XLSXWorkbook?
        let sharedStrings: [String]
        let files: [String: URL]

        /// The tab, or `nil` when the export does not have it. From a workbook, only the cells of
        /// `columns` are read (the header whole); the others read as empty.
        func sheet(_ tab: String, columns: [RVToolsColumn]) throws -> RVToolsSheet? {
            if let workbook {
                guard let path = workbook.sheetPath(named: tab) else { return nil }
                let filter = { (header: [String]) -> [Bool] in
                    let wanted = Set(columns.compactMap { $0.index(in: header) })
                    return header.indices.map { wanted.contains($0) }
                }
                let rows = try workbook.rows(ofSheetAt: path, sheetName: tab, sharedStrings: sharedStrings, columnFilter: filter)
                return RVToolsSheet(workbookRows: rows, file: "\(workbook.file), sheet \(tab)", tab: tab)
            }
            guard let url = files[tab] else { return nil }
            return try RVToolsSheet(url: url, tab: tab)
        }

        /// A tab the import cannot do without.
        func requiredSheet(_ tab: String, columns: [RVToolsColumn]) throws -> RVToolsSheet {
            if let sheet = try sheet(tab, columns: columns) { return sheet }
            let file = workbook?.file ?? files.values.map(\.relativePath).sorted().first ?? "export"
            let found = workbook.map { ": sheets found: " + $0.sheets.map(\.name).joined(separator: ", ") } ?? ""
            throw InventoryError(file: file, row: nil, column: nil, message: "no '\(tab)' tab\(found)")
        }
    }
}
