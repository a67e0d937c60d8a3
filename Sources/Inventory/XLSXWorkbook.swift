import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An Excel workbook (`.xlsx`, Office Open XML SpreadsheetML, ECMA-376 Part 1 §18) read with
/// ZIPFoundation for the ZIP container, Foundation's `XMLParser` (SAX, event by event: no
/// document tree is built) for the workbook, its relationships and the shared strings, and
/// ``XLSXSheetScanner`` for the worksheets.
///
/// - `_rels/.rels` names the workbook part (conventionally `xl/workbook.xml`), which lists the
///   sheets (`<sheet name="vInfo" r:id="rId1"/>`); its relationships (`xl/_rels/workbook.xml.rels`)
///   map each id to its part (`worksheets/sheet1.xml`, relative to the workbook's folder);
/// - `xl/sharedStrings.xml` holds the strings cells refer to by index (`t="s"`), rich-text runs
///   concatenated, phonetic runs (`<rPh>`) left out;
/// - a sheet part holds `<row r="N">` elements of `<c r="B7" t="…"><v>…</v></c>` cells: shared
///   strings (`s`), inline strings (`inlineStr`, `<is><t>…</t></is>`), formula strings (`str`),
///   booleans (`b`, read as `True`/`False`), errors (`e`, read as written: `#N/A`), ISO dates
///   (`d`) and numbers (no `t`, or `n`: the text of `<v>`, so a date stored as a serial stays a
///   serial). A formula's own text (`<f>`) is never read: the cell is its cached value. Sheets are
///   read by ``XLSXSheetScanner`` (not `XMLParser`: see there why) as they are inflated.
///
/// Only the sheets asked for are decompressed.
struct XLSXWorkbook {
    /// The file as given, for messages.
    let file: String
    private let archive: Archive
    /// Sheet names in workbook order, with their part paths inside the archive.
    let sheets: [(name: String, path: String)]
    private let sharedStringsPath: String?

    init(url: URL) throws {
        file = url.relativePath
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw InventoryError(file: file, row: nil, column: nil, message: "no such file")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InventoryError(file: file, row: nil, column: nil,
                                 message: "not an Excel workbook (.xlsx): the file is not a ZIP archive")
        }
        // the workbook part: the package's officeDocument relationship (conventionally xl/workbook.xml)
        var workbookPath = "xl/workbook.xml"
        if archive["_rels/.rels"] != nil {
            let package = try Self.parse(archive, "_rels/.rels", file: file, RelationshipsHandler())
            if let target = package.officeDocumentTarget { workbookPath = Self.resolve(target, from: "") }
        }
        let folder = workbookPath.contains("/") ? String(workbookPath[...(workbookPath.lastIndex(of: "/") ?? workbookPath.startIndex)]) : ""
        let name = String(workbookPath.dropFirst(folder.count))
        let workbook = try Self.parse(archive, workbookPath, file: file, WorkbookHandler())
        let relationships = try Self.parse(archive, folder + "_rels/" + name + ".rels", file: file, RelationshipsHandler())
        var sheets: [(String, String)] = []
        for (sheet, id) in workbook.sheets {
            guard let target = relationships.targets[id] else {
                throw InventoryError(file: file, row: nil, column: nil,
                                     message: "sheet '\(sheet)' has no part (relationship '\(id)' missing from \(name).rels)")
            }
            sheets.append((sheet, Self.resolve(target, from: folder)))
        }
        self.sheets = sheets
        let shared = relationships.sharedStringsTarget.map { Self.resolve($0, from: folder) } ?? folder + "sharedStrings.xml"
        sharedStringsPath = archive[shared] == nil ? nil : shared
    }

    /// A relationship target as a path in the archive: `/xl/…` → `xl/…`; relative targets are
    /// relative to the folder of the part that refers to them (`worksheets/sheet1.xml` from `xl/`
    /// → `xl/worksheets/sheet1.xml`; `../x.xml` climbs a folder).
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// The sheet named `name` (case-insensitive, surrounding spaces ignored), or `nil`.
    func sheetPath(named name: String) -> String? {
        let wanted = name.lowercased()
        return sheets.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }?.path
    }

    /// The shared strings (read once per call: callers read them once per import).
    func sharedStrings() throws -> [String] {
        guard let sharedStringsPath else { return [] }
        return try Self.parse(archive, sharedStringsPath, file: file, SharedStringsHandler()).strings
    }

    /// The cells of the sheet at `path`: one array per non-empty row, with the row's number. The
    /// part is scanned as it is inflated (``XLSXSheetScanner``).
    func rows(ofSheetAt path: String, sheetName: String, sharedStrings: [String],
              columnFilter: (([String]) -> [Bool])? = nil) throws -> XLSXSheetRows {
        let place = "\(file), sheet \(sheetName)"
        guard let entry = archive[path] else {
            throw InventoryError(file: place, row: nil, column: nil, message: "not an Excel workbook (.xlsx): '\(path)' is missing")
        }
        var scanner = XLSXSheetScanner(sharedStrings: sharedStrings, columnFilter: columnFilter)
        var rows: [[String]] = []
        var numbers: [Int] = []
        let keep: XLSXSheetScanner.RowHandler = { number, cells in
            rows.append(cells)
            numbers.append(number)
        }
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in scanner.feed(chunk, keep) }
        } catch {
            throw InventoryError(file: place, row: nil, column: nil, message: "cannot decompress '\(path)' (\(error))")
        }
        scanner.finish(keep)
        if let problem = scanner.problem {
            throw InventoryError(file: place, row: problem.row, column: nil, message: problem.message)
        }
        return XLSXSheetRows(rows: rows, rowNumbers: numbers)
    }

    /// Inflates the part at `path` and runs `handler` over it.
    private static func parse<Handler: XMLParserDelegate>(_ archive: Archive, _ path: String, file: String,
                                                          _ handler: Handler) throws -> Handler {
        guard let entry = archive[path] else {
            throw InventoryError(file: file, row: nil, column: nil,
                                 message: "not an Excel workbook (.xlsx): '\(path)' is missing")
        }
        var data = Data()
        data.reserveCapacity(Int(clamping: min(entry.uncompressedSize, 1 << 30)))
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        } catch {
            throw InventoryError(file: file, row: nil, column: nil, message: "cannot decompress '\(path)' (\(error))")
        }
        // Fed to libxml2 in chunks through a stream: one call with a whole large part (Excel writes
        // a part on one line) stops at libxml2's 10 MB input lookup limit.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw InventoryError(file: file, row: nil, column: nil,
                                 message: "'\(path)' is not valid XML (line \(parser.lineNumber): \(reason))")
        }
        return handler
    }
}

/// The rows of one sheet as text cells (see ``XLSXWorkbook`` for how each cell type reads).
struct XLSXSheetRows {
    /// Non-empty rows in sheet order, each padded to its last non-empty cell.
    let rows: [[String]]
    /// The spreadsheet row number (1-based) of each row.
    let rowNumbers: [Int]
}

/// `<sheet name=… r:id=…/>` elements of `workbook.xml`.
private final class WorkbookHandler: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard localName(element) == "sheet", let name = attributes["name"] else { return }
        let id = attributes.first { localName($0.key) == "id" && $0.key.contains(":") }?.value ?? attributes["id"] ?? ""
        sheets.append((name, id))
    }
}

/// `<Relationship Id=… Target=…/>` elements of a `.rels` part.
private final class RelationshipsHandler: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    var sharedStringsTarget: String?
    var officeDocumentTarget: String?

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard localName(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
        if attributes["Type"]?.hasSuffix("/sharedStrings") == true { sharedStringsTarget = target }
        if attributes["Type"]?.hasSuffix("/officeDocument") == true { officeDocumentTarget = target }
    }
}

/// The `<si>` items of `sharedStrings.xml`: the text of their `<t>` elements, rich-text runs
/// concatenated, phonetic runs (`<rPh>`) left out.
private final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(element) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(element) {
        case "si": strings.append(XLSXSheetScanner.unescapeOOXML(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// `"x:sheet"` → `"sheet"`.
private func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}
