import Foundation
import Testing
@testable import Scenarios

/// Hostile inputs are refused with a clear issue before heavy work.
@Suite struct DocumentGuardTests {
    @Test func aliasBombIsRefused() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var issues: [ValidationIssue] = []
        let elapsed = clock.measure { issues = Fixture.issues(yaml) }
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.message.contains("more than 2,000,000 nodes once aliases are expanded"))
        #expect(elapsed < .seconds(5))
    }

    @Test func aliasAsKeyIsRefused() throws {
        let issue = try #require(Fixture.issues("a: &k x\nb: {*k : 1}\n").first)
        #expect(issue.message == "aliases (*name) cannot be used as mapping keys")
        #expect(issue.line == 2)
    }

    @Test func deepNestingIsRefused() throws {
        let flow = "x: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let issue = try #require(Fixture.issues(flow).first)
        #expect(issue.message == "nesting deeper than 200 levels")
        #expect(issue.line == 1)
        let block = (0..<300).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
        #expect(Fixture.issues(block).first?.message == "nesting deeper than 200 levels")
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("name: x\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(DocumentGuard.maximumBytes + 1))   // sparse: instant
        try handle.close()
        do {
            _ = try ScenarioLoader.load(contentsOf: url)
            Issue.record("a 64 MiB + 1 byte file was accepted")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.message.contains("the limit is 67,108,864 (64 MiB)"))
            #expect(issue.file == url.relativePath)
        }
    }

    @Test func loadsFromAFileAndResolvesPathsAgainstItsFolder() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("mini.yaml")
        try Data(Fixture.minimal.utf8).write(to: url)
        let loaded = try ScenarioLoader.load(contentsOf: url, overrides: ["seed=7"])
        #expect(loaded.spec.seed == 7)
        #expect(loaded.baseDirectory.standardizedFileURL.path == folder.standardizedFileURL.path)
        #expect(loaded.fileName == url.relativePath)
    }

    @Test func ordinaryAnchorsAndMergeKeysStillWork() throws {
        let yaml = Fixture.replacing("vm_profiles:\n", with: """
            defaults: &small {vcpus: 2, memory_gb: 4}
            vm_profiles:
              - {<<: *small, name: tiny}

            """)
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.keyPath == "defaults")
        let fixed = yaml.replacingOccurrences(of: "defaults: &small {vcpus: 2, memory_gb: 4}\n", with: "")
            .replacingOccurrences(of: "{<<: *small, name: tiny}", with: "&small {vcpus: 2, memory_gb: 4, name: tiny}")
            .replacingOccurrences(of: "  - name: web\n    vcpus: 4\n", with: "  - <<: *small\n    name: web\n")
        let spec = try #require(Fixture.loaded(fixed)).spec
        #expect(spec.vmProfiles.map(\.name) == ["tiny", "web"])
        #expect(spec.vmProfiles[1].vcpus == 2 && spec.vmProfiles[1].memoryGB == 16)
    }
}
