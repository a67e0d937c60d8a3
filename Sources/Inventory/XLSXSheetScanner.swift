/// Reads the rows and cells of a SpreadsheetML worksheet part (ECMA-376 Part 1 §18.3) from its
/// bytes as they are inflated, chunk by chunk, so a sheet is never held whole in memory.
///
/// Why not `XMLParser` here: a worksheet is a long run of tiny, regular elements
/// (`<row r="7"><c r="B7" t="s"><v>12</v></c>…</row>`), and Foundation's `XMLParser` on Linux
/// spends a dictionary and several string conversions per element: an RVTools workbook of 20,000
/// VMs (vInfo alone has 93 columns: 3.8 million cells in the tabs read) took 12.5 s to import with
/// it, against a target of 2 s. The workbook's small parts (`workbook.xml`, relationships, shared
/// strings) are still read with `XMLParser`.
///
/// What it reads: `<row>` (its `r`), `<c>` (its `r` and `t`, self-closing or not), the text of
/// `<v>` and of `<t>` inside `<is>` (inline strings; phonetic runs `<rPh>` left out), with the
/// five XML entities, numeric character references and OOXML's `_xHHHH_` escapes decoded.
/// Formulas (`<f>`) and every other element are skipped. Names may carry a namespace prefix.
/// With a column filter, the cells of the columns the importer does not read (most of RVTools'
/// 93 vInfo columns) are skipped without decoding: they read as empty.
struct XLSXSheetScanner {
    /// One finished row: its number and its cells as text (see ``XLSXWorkbook`` for the types).
    typealias RowHandler = (_ number: Int, _ cells: [String]) -> Void

    private var pending: [UInt8] = []
    /// Where the search for the end of an unfinished tag at the start of `pending` resumes, and
    /// whether it was inside a quoted value (0: no search pending).
    private var resumeAt = 0
    private var resumeQuote: UInt8 = 0
    private let sharedStrings: [String]
    /// Given the first row (the header), which columns to read; the others are skipped unread.
    private let columnFilter: (([String]) -> [Bool])?
    private var keep: [Bool]?
    private var headerSeen = false
    private var skipCell = false
    private var rowNumber = 0
    private var row: [String] = []
    private var column = 0
    private var cellType: CellType = .number
    private var text: [UInt8] = []
    private var collecting = false
    private var inInlineString = false
    private var inPhonetic = false
    /// The first problem met (a shared-string index out of range), with its row.
    private(set) var problem: (row: Int, message: String)?

    enum CellType { case number, shared, inline, boolean, other }

    init(sharedStrings: [String], columnFilter: (([String]) -> [Bool])? = nil) {
        self.sharedStrings = sharedStrings
        self.columnFilter = columnFilter
    }

    /// Adds inflated bytes and reads them up to the last complete tag; an unfinished tag waits
    /// for the next chunk. Every other state (the row, the cell, its text) carries over, so the
    /// rows read do not depend on where the chunks are cut.
    mutating func feed(_ chunk: some Sequence<UInt8>, _ handle: RowHandler) {
        pending.append(contentsOf: chunk)
        let consumed = scan(handle)
        pending.removeSubrange(0..<consumed)
    }

    /// Reads what is left at the end of the part (an unfinished tag there is malformed: ignored).
    mutating func finish(_ handle: RowHandler) {
        _ = scan(handle)
        pending.removeAll()
        resumeAt = 0
    }

    /// Reads `pending`; returns how many bytes were used (all but an unfinished tag).
    private mutating func scan(_ handle: RowHandler) -> Int {
        let bytes = pending  // not copied (nothing writes `pending` meanwhile); keeps `self` free to mutate
        return bytes.withUnsafeBufferPointer { buffer in
            let end = buffer.count
            var i = 0
            while i < end {
                if buffer[i] != UInt8(ascii: "<") {
                    // text: collected only inside <v> and an inline string's <t>
                    let start = i
                    while i < end, buffer[i] != UInt8(ascii: "<") { i += 1 }
                    if collecting { text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i])) }
                    continue
                }
                // a tag: find its end, outside quoted attribute values (which may hold '>'),
                // resuming where the previous chunk's search stopped
                var close = i == 0 && resumeAt > 0 ? resumeAt : i + 1
                var quote: UInt8 = i == 0 && resumeAt > 0 ? resumeQuote : 0
                while close < end {
                    let b = buffer[close]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        quote = b
                    } else if b == UInt8(ascii: ">") {
                        break
                    }
                    close += 1
                }
                guard close < end else {
                    // unfinished: keep it (from offset 0 once the bytes before it are dropped)
                    resumeAt = close - i
                    resumeQuote = quote
                    return i
                }
                resumeAt = 0
                tag(UnsafeBufferPointer(rebasing: buffer[(i + 1)..<close]), handle)
                i = close + 1
            }
            return end
        }
    }

    /// One tag's content between `<` and `>`.
    private mutating func tag(_ tag: UnsafeBufferPointer<UInt8>, _ handle: RowHandler) {
        guard let first = tag.first else { return }
        let closing = first == UInt8(ascii: "/")
        let selfClosing = tag.last == UInt8(ascii: "/")
        var nameStart = closing ? 1 : 0
        var nameEnd = nameStart
        while nameEnd < tag.count, !Self.isNameEnd(tag[nameEnd]) {
            if tag[nameEnd] == UInt8(ascii: ":") { nameStart = nameEnd + 1 }
            nameEnd += 1
        }
        let name = UnsafeBufferPointer(rebasing: tag[nameStart..<nameEnd])
        switch (name.count, name.first) {
        case (1, UInt8(ascii: "c")):
            if closing {
                endCell()
                return
            }
            cellType = .number
            text.removeAll(keepingCapacity: true)
            Self.attributes(tag, from: nameEnd) { key, value in
                if Self.equals(key, "r"), let index = Self.columnIndex(value) { column = index }
                if Self.equals(key, "t") {
                    cellType = Self.equals(value, "s") ? .shared : Self.equals(value, "inlineStr") ? .inline
                        : Self.equals(value, "b") ? .boolean : Self.equals(value, "n") ? .number : .other
                }
            }
            if let keep { skipCell = column >= keep.count || !keep[column] }
            if selfClosing { endCell() }
        case (1, UInt8(ascii: "v")):
            collecting = !closing && !selfClosing && !skipCell
        case (1, UInt8(ascii: "t")):
            collecting = !closing && !selfClosing && inInlineString && !inPhonetic && !skipCell
        case (2, UInt8(ascii: "i")) where name[1] == UInt8(ascii: "s"):
            inInlineString = !closing && !selfClosing
        case (3, UInt8(ascii: "r")) where name[1] == UInt8(ascii: "P") && name[2] == UInt8(ascii: "h"):
            inPhonetic = !closing && !selfClosing
        case (3, UInt8(ascii: "r")) where name[1] == UInt8(ascii: "o") && name[2] == UInt8(ascii: "w"):
            if closing {
                endRow(handle)
                return
            }
            var number = rowNumber + 1
            Self.attributes(tag, from: nameEnd) { key, value in
                if Self.equals(key, "r"), let r = Int(String(decoding: value, as: UTF8.self)) { number = r }
            }
            rowNumber = number
            row.removeAll(keepingCapacity: true)
            column = 0
            if selfClosing { endRow(handle) }
        default:
            break
        }
    }

    private mutating func endCell() {
        collecting = false
        if skipCell {
            skipCell = false
            column += 1
            return
        }
        let raw = Self.decode(text)
        let value: String
        switch cellType {
        case .shared:
            if let index = Int(raw), sharedStrings.indices.contains(index) {
                value = sharedStrings[index]
            } else {
                if problem == nil { problem = (rowNumber, "cell refers to shared string '\(raw)', which does not exist") }
                value = ""
            }
        case .boolean: value = raw == "1" ? "True" : (raw == "0" ? "False" : raw)
        case .inline: value = Self.unescapeOOXML(raw)
        case .number, .other: value = raw
        }
        text.removeAll(keepingCapacity: true)
        if column < 16_384 {  // Excel's last column is XFD
            if column >= row.count {
                if !value.isEmpty {
                    row.append(contentsOf: repeatElement("", count: column - row.count + 1))
                    row[column] = value
                }
            } else {
                row[column] = value
            }
        }
        column += 1
    }

    private mutating func endRow(_ handle: RowHandler) {
        while row.last?.isEmpty == true { row.removeLast() }
        if !row.isEmpty {
            if !headerSeen {
                headerSeen = true
                keep = columnFilter?(row)
            }
            handle(rowNumber, row)
        }
        row.removeAll(keepingCapacity: true)
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// Calls `body` with each `key="value"` of a tag (after its name).
    private static func attributes(_ tag: UnsafeBufferPointer<UInt8>, from start: Int,
                                   _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        var i = start
        while i < tag.count {
            while i < tag.count, isNameEnd(tag[i]) { i += 1 }
            let keyStart = i
            while i < tag.count, tag[i] != UInt8(ascii: "="), !isNameEnd(tag[i]) { i += 1 }
            let keyEnd = i
            while i < tag.count, tag[i] != UInt8(ascii: "\""), tag[i] != UInt8(ascii: "'") { i += 1 }
            guard i < tag.count else { return }
            let quote = tag[i]
            i += 1
            let valueStart = i
            while i < tag.count, tag[i] != quote { i += 1 }
            var key = UnsafeBufferPointer(rebasing: tag[keyStart..<keyEnd])
            if let colon = key.lastIndex(of: UInt8(ascii: ":")) { key = UnsafeBufferPointer(rebasing: key[(colon + 1)...]) }
            body(key, UnsafeBufferPointer(rebasing: tag[valueStart..<min(i, tag.count)]))
            i += 1
        }
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { $0.elementsEqual(bytes) }
    }

    /// `"AB12"` → 27 (0-based column), `nil` when the reference has no letters.
    static func columnIndex(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
            default: return letters == 0 ? nil : index - 1
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }

    /// The text with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#N;` `&#xH;` decoded.
    static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "&"), let semicolon = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let entity = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: String(scalar).utf8)
                i = semicolon + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// OOXML's escapes of characters XML cannot carry (ECMA-376 Part 1 §22.9.2.19 ST_Xstring):
    /// `_x000D_` → carriage return, `_x005F_` → `_` (so a literal `_x0041_` is written `_x005F_x0041_`).
    static func unescapeOOXML(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.prefix(4), radix: 16), let scalar = Unicode.Scalar(value),
               hex.prefix(4).allSatisfy(\.isHexDigit) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
