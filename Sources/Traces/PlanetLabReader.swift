import Foundation

/// Reads PlanetLab (CoMon) CPU traces: one file per VM, one integer CPU percent (0–100) per
/// line, one line per 5-minute step (288 lines = one day).
///
/// The files of a day's folder are taken in sorted name order (byte order of the UTF-8 names,
/// as `LC_ALL=C ls` sorts them); VM k of a group replays file `start_index + k`.
/// Source of the format: Beloglazov & Buyya's CloudSim PlanetLab workload
/// (`planetlab/<yyyymmdd>/<host>_<slice>`), the traces under `../shared/traces/planetlab/`.
public enum PlanetLabReader {
    /// The step between two lines of a PlanetLab file: 5 minutes.
    public static let intervalSeconds: Double = 300

    /// The regular, non-hidden files of `folder`, sorted by the bytes of their names.
    /// Throws when the folder is missing, is not a folder, or holds no files.
    public static func sortedFiles(in folder: URL) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw TraceError(file: folder.path, line: nil, message: "no such trace folder")
        }
        guard isFolder.boolValue else {
            throw TraceError(file: folder.path, line: nil, message: "is a file, expected a folder of trace files")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw TraceError(file: folder.path, line: nil, message: "cannot list the folder (\((error as NSError).localizedDescription))")
        }
        let files = names
            .filter { !$0.hasPrefix(".") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { folder.appendingPathComponent($0) }
            .filter { url in
                var isSubfolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: url.path, isDirectory: &isSubfolder) && !isSubfolder.boolValue
            }
        guard !files.isEmpty else {
            throw TraceError(file: folder.path, line: nil, message: "the trace folder holds no files")
        }
        return files
    }

    /// Reads one PlanetLab file.
    public static func read(_ file: URL) throws -> UtilizationTrace {
        let data: Data
        do {
            data = try CSVTable.load(file)
        } catch let error as CSVError {
            throw TraceError(file: error.file, line: nil, message: error.message)
        }
        return try parse(data, file: file.path)
    }

    /// Parses the bytes of a PlanetLab file. Lines may end in LF or CRLF and carry spaces around
    /// the number; blank lines are allowed only at the end. A value that is not an integer in
    /// 0...100 is an error naming the line.
    public static func parse(_ data: Data, file: String) throws -> UtilizationTrace {
        var values: [UInt8] = []
        values.reserveCapacity(288)
        var line = 1
        var blankLine: Int?
        var value = 0
        var digits = 0
        var junk = false
        var closed = false
        func finishLine() throws {
            defer { value = 0; digits = 0; junk = false; closed = false; line += 1 }
            if digits == 0 && !junk {
                if blankLine == nil { blankLine = line }
                return
            }
            if let blank = blankLine {
                throw TraceError(file: file, line: blank, message: "blank line inside the trace (every line is one 5-minute step)")
            }
            guard !junk, value <= 100 else {
                throw TraceError(file: file, line: line, message: "expected an integer CPU percent 0–100")
            }
            values.append(UInt8(value))
        }
        for byte in data {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if closed { junk = true }
                digits += 1
                if digits <= 4 { value = value * 10 + Int(byte - UInt8(ascii: "0")) } else { junk = true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                if digits > 0 { closed = true }
            case UInt8(ascii: "\n"):
                try finishLine()
            default:
                junk = true
            }
        }
        if digits > 0 || junk { try finishLine() }
        guard !values.isEmpty else {
            throw TraceError(file: file, line: nil, message: "the trace file holds no samples")
        }
        return UtilizationTrace(cpuPercent: values, intervalSeconds: intervalSeconds)
    }
}
