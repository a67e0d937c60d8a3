import Experiments
import Foundation
import Testing

/// Each class of bad input gives a message naming the file, key path and line, exit code 2, and
/// no output folder (docs/reliability.md).
@Suite struct BadInputTests {
    static let valid = """
    schema_version: 1
    name: tiny
    duration: 1d
    host_profiles:
      - name: small
        cpu: {vendor: intel, sockets: 1, cores_per_socket: 8, mhz: 2000}
        memory_gb: 64
        power: {model: linear, idle_w: 100, max_w: 200}
    vm_profiles:
      - name: app
        vcpus: 2
        memory_gb: 8
    clusters:
      - name: c1
        hosts: [{profile: small, count: 2}]
        vms: [{profile: app, count: 4}]
    """

    /// (case, text replaced, replacement, expected key path, expected line, words in the message)
    static let cases: [(String, String, String, String, Int, String)] = [
        ("unknown key", "    memory_gb: 64", "    memory_gb: 64\n    memroy_gb: 64", "host_profiles[0].memroy_gb", 8, "memory_gb"),
        ("wrong type", "vcpus: 2", "vcpus: two", "vm_profiles[0].vcpus", 11, "integer"),
        ("non-positive size", "memory_gb: 8", "memory_gb: 0", "vm_profiles[0].memory_gb", 12, "positive"),
        ("unknown profile", "vms: [{profile: app, count: 4}]", "vms: [{profile: ap, count: 4}]", "clusters[0].vms[0].profile", 16, "app"),
        ("duplicate name", "  - name: app\n", "  - name: app\n    vcpus: 1\n    memory_gb: 1\n  - name: app\n", "vm_profiles[1].name", 13, "duplicate"),
        ("VM larger than every host", "memory_gb: 8", "memory_gb: 4096", "clusters[0].vms[0].profile", 16, "larger than every host"),
        ("missing trace file", "    memory_gb: 8", "    memory_gb: 8\n    workload: {trace: {format: planetlab, path: no-such-folder}}",
         "vm_profiles[0].workload.trace.path", 13, "no-such-folder"),
    ]

    @Test(arguments: cases.map { $0.0 })
    func badInputIsReportedWithPathAndLineAndExitCode2(label: String) throws {
        let (_, old, new, keyPath, line, word) = Self.cases.first { $0.0 == label }!
        #expect(Self.valid.contains(old))
        let dir = TestPaths.scratch("bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tiny.yaml")
        try Self.valid.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        for sub in ["validate", "run"] {
            let r = try TestPaths.drsim(sub == "run" ? [sub, file.path, "--out", dir.appendingPathComponent("out").path] : [sub, file.path])
            #expect(r.code == 2, "\(label) \(sub): exit \(r.code)\n\(r.err)")
            #expect(r.err.contains("tiny.yaml:\(line):"), "\(label): no line \(line) in\n\(r.err)")
            #expect(r.err.contains(keyPath), "\(label): no key path \(keyPath) in\n\(r.err)")
            #expect(r.err.lowercased().contains(word.lowercased()), "\(label): '\(word)' not in\n\(r.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/tiny").path))
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        let dir = TestPaths.scratch("bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tiny.yaml")
        let text = Self.valid.replacingOccurrences(of: "vcpus: 2", with: "vcpus: -1")
            .replacingOccurrences(of: "count: 2}", with: "count: 2, colour: red}")
            .replacingOccurrences(of: "duration: 1d", with: "duration: 1 day")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try TestPaths.drsim(["validate", file.path])
        #expect(r.code == 2)
        #expect(r.err.contains("3 problems"), "\(r.err)")
    }

    @Test func validScenarioValidates() throws {
        let dir = TestPaths.scratch("ok")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tiny.yaml")
        try Self.valid.write(to: file, atomically: true, encoding: .utf8)
        let r = try TestPaths.drsim(["validate", file.path])
        #expect(r.code == 0 && r.out.contains("ok: tiny: 1 cluster, 2 hosts, 4 VMs"), "\(r.out)\(r.err)")
    }

    @Test func aFailedRunNeverReplacesACompletedResult() throws {
        let dir = TestPaths.scratch("keep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tiny.yaml")
        try Self.valid.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        #expect(try TestPaths.drsim(["run", file.path, "--out", out, "--quiet"]).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/tiny/timeseries.csv"))
        try Self.valid.replacingOccurrences(of: "vcpus: 2", with: "vcpus: 0").write(to: file, atomically: true, encoding: .utf8)
        #expect(try TestPaths.drsim(["run", file.path, "--out", out, "--quiet"]).code == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/tiny/timeseries.csv")) == before)
    }
}
