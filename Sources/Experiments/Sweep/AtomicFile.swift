import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes whole files through a temporary sibling and a rename, so a reader (or a concurrent
/// writer of the same bytes) never sees a half-written file.
enum AtomicFile {
    /// Writes `data` to `url`, replacing any earlier file.
    static func write(_ data: Data, to url: URL) throws {
        let tmp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(hostName)-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw OutputError(path: tmp.path, message: "cannot write")
        }
        guard rename(tmp.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw OutputError(path: url.path, message: message)
        }
    }

    /// This machine's name (shards on several nodes may write the same file of a shared folder).
    private static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `text` (UTF-8) to `url`.
    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
