import Foundation
import Testing
@testable import Scenarios

/// Trace paths resolve against the scenario's folder; folders must hold enough files.
@Suite struct TraceValidationTests {
    static func yaml(path: String, startIndex: Int = 0) -> String {
        Fixture.replacing("    memory_gb: 16\n", with: """
                memory_gb: 16
                workload:
                  trace: {format: planetlab, path: \(path), start_index: \(startIndex)}

            """)
    }

    @Test func missingTraceFolder() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = Self.yaml(path: "traces/day1")
        let issue = try #require(Fixture.issues(yaml, baseDirectory: folder).first)
        #expect(issue.keyPath == "vm_profiles[0].workload.trace.path")
        #expect(issue.line == Fixture.line(of: "trace:", in: yaml))
        #expect(issue.message.hasPrefix("trace folder 'traces/day1' does not exist"))
    }

    @Test func folderNeedsAFilePerVM() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let traces = folder.appendingPathComponent("traces/day1")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
        for index in 0..<12 {
            try Data("10\n20\n".utf8).write(to: traces.appendingPathComponent(String(format: "vm%02d", index)))
        }
        #expect(Fixture.issues(Self.yaml(path: "traces/day1", startIndex: 2), baseDirectory: folder).isEmpty)
        let issue = try #require(Fixture.issues(Self.yaml(path: "traces/day1", startIndex: 3), baseDirectory: folder).first)
        #expect(issue.message == "trace folder 'traces/day1' has 12 files but start_index 3 + 10 VMs of profile 'web' need 13")
        let loaded = try #require(Fixture.loaded(Self.yaml(path: "traces/day1"), baseDirectory: folder))
        let files = loaded.spec.vmProfiles[0].workload.trace?.files(relativeTo: folder) ?? []
        #expect(files.map(\.lastPathComponent).prefix(2) == ["vm00", "vm01"])
        #expect(loaded.spec.vmProfiles[0].workload.cpu == nil)
    }
}
