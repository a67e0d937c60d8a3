import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An error writing or moving output files, naming the path.
public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "cannot write \(path): \(message)" }
}

/// Appends text to a file through a 64 KiB buffer; every write error (disk full, read-only
/// folder) surfaces as an ``OutputError`` naming the path, at write, flush or close.
public final class BufferedFileWriter {
    public let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    public init(path: String) throws {
        self.path = path
        guard let f = fopen(path, "w") else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
        file = f
        buffer.reserveCapacity(capacity)
    }

    deinit { if let f = file { fclose(f) } }

    /// Appends `text` (UTF-8).
    public func write(_ text: String) throws {
        var t = text
        t.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes (UTF-8 text).
    public func write(bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes (UTF-8 text).
    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends one CSV line: the cells joined by commas, then `\n`.
    public func writeLine(_ cells: [String]) throws {
        for (i, c) in cells.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            var s = c
            s.withUTF8 { buffer.append(contentsOf: $0) }
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= capacity { try flush() }
    }

    /// Writes the buffer to the file.
    public func flush() throws {
        guard let f = file else { return }
        if !buffer.isEmpty {
            let n = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            let ok = n == buffer.count
            buffer.removeAll(keepingCapacity: true)
            if !ok { throw OutputError(path: path, message: String(cString: strerror(errno))) }
        }
        if fflush(f) != 0 { throw OutputError(path: path, message: String(cString: strerror(errno))) }
    }

    /// Flushes and closes; errors here mean the file is incomplete.
    public func close() throws {
        try flush()
        guard let f = file else { return }
        file = nil
        if fclose(f) != 0 { throw OutputError(path: path, message: String(cString: strerror(errno))) }
    }
}
