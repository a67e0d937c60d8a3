import Foundation

/// One launch of a built tool, with its exit status and output.
struct ToolRun {
    var status: Int32
    /// True when the process ended on a signal rather than by exiting.
    var killedBySignal: Bool
    var stdout: String
    var stderr: String
    var pid: Int32
    var seconds: Double
    /// Seconds from the signal to the exit (0 without a signal).
    var secondsAfterSignal: Double

    /// Runs `executable` with `arguments` in `folder`. With `signal`, sends it once `ready(pid)`
    /// holds (polled every 50 ms, for at most a minute) and `settle` more seconds have passed.
    static func launch(_ executable: URL, _ arguments: [String], in folder: URL, signal: Int32? = nil,
                       when ready: (Int32) -> Bool = { _ in true }, settle: Double = 0.5) throws -> ToolRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let outData = PipeReader(out), errData = PipeReader(err)
        let started = Date()
        var signalled: Date?
        try process.run()
        if let signal {
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && !ready(process.processIdentifier) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
            Thread.sleep(forTimeInterval: settle)
            kill(process.processIdentifier, signal)
            signalled = Date()
        }
        process.waitUntilExit()
        let ended = Date()
        return ToolRun(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                       stdout: outData.text(), stderr: errData.text(), pid: process.processIdentifier,
                       seconds: ended.timeIntervalSince(started),
                       secondsAfterSignal: signalled.map { ended.timeIntervalSince($0) } ?? 0)
    }

    /// A fresh empty temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drsim-cli-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            let all = handle.readDataToEndOfFile()
            lock.withLock { data = all }
            done.signal()
        }
    }

    /// Everything the child wrote, once it closed the pipe.
    func text() -> String {
        done.wait()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
