import Foundation
import Testing

/// The built `drsim` binary on bad sweep input: exit code 2, a clear message, nothing written.
@Suite struct SweepCLITests {
    /// The `drsim` executable in the build products folder that holds the tests
    /// (`swift build --build-tests` builds both).
    static var drsim: URL {
        let folders = [Bundle.main.executableURL?.deletingLastPathComponent(), Bundle.main.bundleURL,
                       Bundle.main.bundleURL.deletingLastPathComponent()].compactMap { $0 }
        let candidates = folders.map { $0.appendingPathComponent("drsim") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = drsim
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func badShardAndBadAxisExitWithTwo() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.drsim.path), "build drsim first: \(Self.drsim.path)")
        let scenario = try SweepFixture.scenarioFile("cli")
        let out = SweepFixture.folder("cli-out")
        let shard = try Self.run(["sweep", scenario, "--out", out.path, "--shard", "3/2"])
        #expect(shard.status == 2)
        #expect(shard.stderr.contains("--shard 3/2: the shard number must be between 1 and 2"))
        let axis = try Self.run(["sweep", scenario, "--out", out.path, "--set", "drs.treshold=1,2"])
        #expect(axis.status == 2)
        #expect(axis.stderr.contains("unknown key 'treshold'"))
        #expect(axis.stderr.contains("nothing was run"))
        let merge = try Self.run(["merge", out.path])
        #expect(merge.status == 2)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
    }
}
