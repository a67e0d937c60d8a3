import Foundation

/// Merges per-cluster part files into one CSV ordered by (key, cluster index), where each part
/// line starts with an integer sort key and a comma. Streams line by line: memory stays flat.
enum PartFileMerger {
    /// Writes `header` then the merged lines of `parts` (in cluster order) to `output`.
    /// With `numbering`, each line is prefixed by its 1-based row number (e.g. `migration_id`).
    static func merge(parts: [String], header: [String], output: String, numbering: Bool = false) throws {
        let writer = try BufferedFileWriter(path: output)
        try writer.writeLine(header)
        var readers = try parts.map { try LineReader(path: $0) }
        var heads: [(key: Int64, rest: Substring)?] = try readers.indices.map { try next(&readers[$0]) }
        var row = 0
        while true {
            var best = -1
            for i in heads.indices {
                guard let h = heads[i] else { continue }
                if best < 0 || h.key < heads[best]!.key { best = i }
            }
            guard best >= 0, let h = heads[best] else { break }
            row += 1
            if numbering { try writer.write(String(row) + ",") }
            try writer.write(String(h.rest))
            try writer.write("\n")
            heads[best] = try next(&readers[best])
        }
        try writer.close()
    }

    private static func next(_ r: inout LineReader) throws -> (key: Int64, rest: Substring)? {
        guard let line = try r.nextLine() else { return nil }
        guard let comma = line.firstIndex(of: ","), let key = Int64(line[..<comma]) else {
            throw OutputError(path: r.path, message: "malformed part line")
        }
        return (key, line[line.index(after: comma)...])
    }
}

/// Reads a text file line by line in 64 KiB chunks (a moving offset, no per-line shifting).
struct LineReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false

    init(path: String) throws {
        self.path = path
        guard let h = FileHandle(forReadingAtPath: path) else { throw OutputError(path: path, message: "cannot open for reading") }
        handle = h
    }

    mutating func nextLine() throws -> String? {
        while true {
            if let nl = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<nl], as: UTF8.self)
                start = nl + 1
                return line
            }
            if eof {
                if start >= buffer.count { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
