import Foundation

/// Paths of the repository and scratch folders for Experiments tests.
enum TestPaths {
    /// The repository root (two levels above this file's folder).
    static let repo: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) -> String { repo.appendingPathComponent("scenarios/\(name)").path }

    /// A fresh temporary folder.
    static func scratch(_ label: String = "drsim") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The debug `drsim` binary built next to the tests.
    static var drsimBinary: String { repo.appendingPathComponent(".build/debug/drsim").path }

    /// Every `.yaml` in scenarios/, sorted.
    static var exampleScenarios: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent("scenarios").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Runs the drsim binary; returns exit code, stdout and stderr.
    static func drsim(_ args: [String], cwd: URL? = nil) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: drsimBinary)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
