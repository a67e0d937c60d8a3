import Foundation
import Testing
@testable import Scenarios

/// The classes of hostile or absurd input docs/reliability.md names that DocumentGuardTests and
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

    // MARK: Issue 17 (red-team pass): each case crashed, hung or misled before its fix.

    /// Item 6: `sockets: 9223372036854775807` in a file trapped on an overflow in validation
    /// (SIGILL); now a range error.
    @Test func socketsAtInt64MaxAreARangeError() {
        let yaml = Fixture.replacing("sockets: 2", with: "sockets: 9223372036854775807")
        let messages = Fixture.issues(yaml).map(\.message)
        #expect(messages == ["sockets must be between 1 and 64 (got 9,223,372,036,854,775,807)"])
    }

    /// Item 6: values that trapped in a spec accessor or stalled a run are refused by range.
    @Test func absurdNumbersAreRangeErrors() {
        let cases: [(String, String)] = [
            ("host_profiles.r650.memory_gb=1e16", "memory_gb must be between 0.001 and 1048576 (got 1e+16)"),
            ("vmotion.nic_efficiency=1e-300", "nic_efficiency must be between 0.01 and 1 (got 1e-300)"),
            ("host_profiles.r650.vmotion_nic_gbps=1e-300", "vmotion_nic_gbps must be between 0.01 and 10000 (got 1e-300)"),
            ("host_profiles.r650.cpu.cores_per_socket=4294967296", "cores_per_socket must be between 1 and 1,024 (got 4,294,967,296)"),
            ("vm_profiles.web.vcpus=9223372036854775807", "vcpus must be between 1 and 4,096 (got 9,223,372,036,854,775,807)"),
            ("drs.period=1us", "period must be at least 1s"),
        ]
        for (override, message) in cases {
            let messages = Fixture.issues(Fixture.minimal, overrides: [override]).map(\.message)
            #expect(messages.contains { $0.hasPrefix(message) }, "\(override): \(messages)")
        }
    }

    /// Item 6: the products validation reads before it reports the factors saturate, never trap.
    @Test func capacityProductsSaturate() {
        let cpu = CPUSpec(sockets: .max, coresPerSocket: 2, mhz: .max)
        #expect(cpu.totalCores == .max)
        #expect(cpu.capacityMHz == .max)
        var profile = HostProfileSpec(name: "x", cpu: cpu, memoryGB: 1e300, power: .linear(idleW: 1, maxW: 2))
        #expect(profile.memoryMB == .max)
        profile.memoryGB = .nan
        #expect(profile.memoryMB == 0)
    }

    /// Item 7: 10⁸ churn arrivals a day passed validation and exhausted memory at build time.
    @Test func churnArrivalsCountAgainstTheVMLimit() {
        let yaml = Fixture.replacing("{profile: web, count: 10}",
                                     with: "{profile: web, count: 10, churn: {arrivals_per_day: 1e6}}")
        let clock = ContinuousClock()
        var issues: [ValidationIssue] = []
        let elapsed = clock.measure { issues = Fixture.issues(Fixture.replacing("duration: 1d", with: "duration: 30d", in: yaml)) }
        #expect(issues.map(\.message) == ["the scenario's 10 VMs and about 30,000,000 churn arrivals over 30d exceed the "
                                          + "10,000,000-VM limit; lower arrivals_per_day or duration"])
        // Refused before anything is built: well under a second alone; the bound leaves room for
        // the whole suite running in parallel on 2 cores.
        #expect(elapsed < .seconds(10))
    }

    /// Item 7: an alias bomb in a `--set` value bypassed the 2,000,000-node guard of files.
    @Test func aliasBombInAnOverrideIsRefused() {
        let bomb = "[&a0 [1,1,1,1,1,1,1,1,1,1], " + (1...8).map { level in
            "&a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]"
        }.joined(separator: ", ") + "]"
        let clock = ContinuousClock()
        var messages: [String] = []
        let elapsed = clock.measure { messages = Fixture.issues(Fixture.minimal, overrides: ["name=" + bomb]).map(\.message) }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("value refused: it has more than 2,000,000 nodes") == true, "\(messages)")
        // 0.6 s alone (it ran for more than 20 s before the guard); slack for a loaded machine.
        #expect(elapsed < .seconds(10))
    }

    /// Item 4: a value with terminal escapes is echoed escaped in the issue, never raw.
    @Test func controlCharactersInMessagesAreEscaped() {
        let yaml = Fixture.replacing("name: prod-a", with: "name: \"prod\\e]0;pwned\\a\\u009b\"")
        let issues = Fixture.issues(yaml)
        let issue = issues.first
        #expect(issues.count == 1)
        #expect(issue?.message == "cluster name 'prod\\e]0;pwned\\u{7}\\u{9b}' contains a control character")
        #expect(!(issue?.description.unicodeScalars.contains(where: TerminalText.isControl) ?? true))
        #expect(TerminalText.escaped("a\tb\nc\u{1B}[2J") == "a\\tb\\nc\\e[2J")
        #expect(TerminalText.escaped("line1\nline2\u{7}", keepingNewlines: true) == "line1\nline2\\u{7}")
    }

    /// Item 10: a 250-byte scenario name passed validation but its run's `.partial-<pid>` folder
    /// name exceeded 255 bytes; names with TAB passed the RVTools import but not validation.
    @Test func nameRulesAreOneFunction() {
        let long = String(repeating: "n", count: 250)
        let messages = Fixture.issues(Fixture.minimal, overrides: ["name=" + long]).map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("scenario name '\(String(repeating: "n", count: 40))…' is 250 bytes long; "
                                          + "the limit is 200") == true, "\(messages)")
        #expect(EntityNaming.nameProblem(String(repeating: "é", count: 100)) == nil)   // 200 bytes
        #expect(EntityNaming.nameProblem("web\t01") == "'web\t01' contains a control character")
        #expect(EntityNaming.nameProblem("  ") == "must not be empty")
        #expect(EntityNaming.nameProblem("=HYPERLINK(\"x\")") == nil)   // legal; neutralised in CSVs
    }

    /// Item 17: `duration: 7 days` said "unknown unit nothing"; weeks were no unit.
    @Test func spacedDurationsGetAClearMessageAndWeeksAreAUnit() throws {
        let messages = Fixture.issues(Fixture.replacing("duration: 1d", with: "duration: 7 days")).map(\.message)
        #expect(messages == ["duration '7 days' has a space: write the number and a unit symbol together (write it as 7d) "
                             + "(units: w, d, h, m, s, ms, us; e.g. 7d, 2w, 1d6h)"])
        #expect(try DurationValue.parse("2w").get() == .days(14))
        #expect(DurationValue.days(14).description == "14d")
    }
}

