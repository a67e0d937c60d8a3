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
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw OutputError(path: tmp.path, message: "cannot write")
        }
        guard rename(tmp.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw OutputError(path: url.path, message: message)
        }
    }

    /// Writes `text` (UTF-8) to `url`.
    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
