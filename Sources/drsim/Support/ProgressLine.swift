import Foundation

/// A one-line progress display on stderr, only when stderr is a terminal and not `--quiet`.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let started = Date()
    private let lock = NSLock()
    private var last = Date.distantPast

    init(quiet: Bool) { enabled = !quiet && isatty(STDERR_FILENO) == 1 }

    /// Shows `text`, at most ten times a second.
    func show(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(last) > 0.1 else { return }
            last = now
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text()).utf8))
        }
    }

    /// Seconds since the display was created.
    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
