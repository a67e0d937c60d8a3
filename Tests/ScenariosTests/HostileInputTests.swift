import Foundation
import Testing
@testable import Scenarios

/// The classes of hostile or absurd input DESIGN §9 names that DocumentGuardTests and
/// ValidationClusterTests do not already cover: non-UTF-8 bytes, a 100 MB file, 10⁹ VMs,
/// counts that overflow, nested block sequences, and demand windows too long to keep in memory.
/// Each is refused with a clear message, quickly, before any large allocation.
@Suite struct HostileInputTests {
    @Test func nonUTF8BytesAreRefused() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("latin1.yaml")
        var bytes = Data(Fixture.minimal.utf8)
        bytes.append(contentsOf: [0x23, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A])   // "# café" in Latin-1
        try bytes.write(to: url)
        let error = try #require(throws: ScenarioErrors.self) { try ScenarioLoader.load(contentsOf: url) }
        #expect(error.issues.map(\.message) == ["the file is not UTF-8 text"])
        #expect(error.issues.first?.file == url.relativePath)
    }

    @Test func hundredMegabyteFileIsRefusedBeforeReading() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(Fixture.minimal.utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100_000_000)   // sparse: no disk, no time
        try handle.close()
        let clock = ContinuousClock()
        var messages: [String] = []
        let elapsed = clock.measure {
            do { _ = try ScenarioLoader.load(contentsOf: url) } catch let error as ScenarioErrors {
                messages = error.issues.map(\.message)
            } catch {
                messages = ["unexpected \(error)"]
            }
        }
        #expect(messages == ["the file is 100,000,000 bytes; the limit is 67,108,864 (64 MiB)"])
        #expect(elapsed < .seconds(1))
    }

    @Test func aBillionVMsAreRefusedBeforeExpansion() throws {
        let yaml = Fixture.replacing("{profile: web, count: 10}", with: "{profile: web, count: 1000000000}")
        let clock = ContinuousClock()
        var issues: [ValidationIssue] = []
        let elapsed = clock.measure { issues = Fixture.issues(yaml) }
        #expect(issues.map(\.message) == ["the scenario has more than 10,000,000 VMs; refusing to expand it"])
        #expect(issues.first?.keyPath == "clusters")
        #expect(elapsed < .seconds(1))
    }

    @Test func countsThatOverflowAreRefused() throws {
        let max = Int.max
        let yaml = Fixture.replacing("hosts: [{profile: r650, count: 4}]\n    vms: [{profile: web, count: 10}]",
                                     with: "hosts: [{profile: r650, count: \(max)}, {profile: r650, count: \(max)}]\n"
                                        + "    vms: [{profile: web, count: \(max)}, {profile: web, count: \(max)}]")
        let messages = Fixture.issues(yaml).map(\.message)
        #expect(messages == ["the scenario has more than 10,000,000 VMs; refusing to expand it",
                             "the scenario has more than 1,000,000 hosts; refusing to expand it"])
    }

    @Test func deeplyNestedBlockSequencesAreRefused() throws {
        let yaml = "x:\n" + String(repeating: "- ", count: 300) + "1\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.message == "nesting deeper than 200 levels")
        #expect(issue.line == 2)
    }

    @Test func demandHistoryTooLargeForMemoryIsRefused() throws {
        let yaml = Fixture.minimal + "sample_interval: 1s\ndrs: {demand_window: 36000d}\n"
        let issues = Fixture.issues(yaml)
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.keyPath == "clusters[0].drs.demand_window")
        #expect(issue.message == "drs.demand_window (36000d) at sample_interval 1s keeps 3,110,400,000 samples for each of "
                + "10 VMs; the limit is 100,000,000 samples per cluster: shorten the window or lengthen sample_interval")
    }

    @Test func ordinaryWindowsStayWellInsideTheHistoryLimit() {
        let yaml = Fixture.minimal + "sample_interval: 1s\ndpm: {history_power_off: 1d}\n"
        #expect(Fixture.issues(yaml).isEmpty)
    }
}
