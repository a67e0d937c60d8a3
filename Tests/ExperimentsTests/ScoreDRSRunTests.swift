import Experiments
import Foundation
import Testing

/// Score DRS through the library's run path: chosen by `vsphere_version` (also by `--set`),
/// overridden by `drs.algorithm`, visible in drs_passes.csv, timeseries.csv, summary.csv and the
/// console; a CRN comparison of thresholds 1/3/5; the planner's `drs_score` service level.
@Suite struct ScoreDRSRunTests {
    /// Runs drs-thresholds.yaml for two hours with `overrides`; returns the console text and the
    /// run folder's drs_passes.csv and timeseries.csv rows (header dropped), split at commas.
    func run(_ overrides: [String], label: String) throws -> (console: String, passes: [[String]], series: [[String]], header: [String]) {
        let out = TestPaths.scratch(label)
        defer { try? FileManager.default.removeItem(at: out) }
        var request = RunRequest(scenarioPath: TestPaths.scenario("drs-thresholds.yaml"))
        request.outDir = out.path
        request.overrides = ["duration=2h"] + overrides
        let result = try ScenarioRun.run(request)
        func rows(_ file: String) throws -> [[String]] {
            let text = try String(contentsOf: URL(fileURLWithPath: result.folder).appendingPathComponent(file), encoding: .utf8)
            return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        let passes = try rows("drs_passes.csv"), series = try rows("timeseries.csv")
        return (RunReport.text(result), Array(passes.dropFirst()), Array(series.dropFirst()), passes[0])
    }

    @Test(arguments: [(["vsphere_version=8.0"], "score"), (["vsphere_version=7.0.3"], "score"), ([], "classic"),
                      (["vsphere_version=8.0", "drs.algorithm=classic"], "classic"), (["drs.algorithm=score"], "score")])
    func versionChoosesTheAlgorithmAndTheKeyOverrides(overrides: [String], expected: String) throws {
        let r = try run(overrides, label: "score-\(expected)")
        let column = try #require(r.header.firstIndex(of: "algorithm"))
        #expect(!r.passes.isEmpty)
        #expect(r.passes.allSatisfy { $0[column] == expected })
        #expect(r.console.contains("DRS           \(expected)"))
        let scoreCell = try #require(r.header.firstIndex(of: "drs_score"))
        #expect(r.passes.allSatisfy { $0[scoreCell].isEmpty == (expected == "classic") })
        // Score DRS every minute, classic every 5 minutes (drs.period): 121 or 25 passes in 2 h.
        #expect(r.passes.count == (expected == "score" ? 120 : 24))
        #expect(r.series.allSatisfy { $0.last?.isEmpty == (expected == "classic") })
    }

    /// A CPU-tight cluster (6 hosts at ~85 % on average, noisy VMs) at thresholds 1, 3 and 5 on the
    /// same seeds (common random numbers): vMotions never fall and the cluster DRS score never
    /// falls as the threshold rises (paired differences, 95 % intervals not below 0 … in mean).
    @Test func thresholdSweepMovesMoreAndScoresNoLower() throws {
        let folder = TestPaths.scratch("score-crn")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tight.yaml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.tightYAML.write(to: path, atomically: true, encoding: .utf8)
        var moves: [[Double]] = [], scores: [[Double]] = []
        for t in [1, 3, 5] {
            var m: [Double] = [], s: [Double] = []
            for seed in 1...3 {
                var request = RunRequest(scenarioPath: path.path)
                request.outDir = folder.appendingPathComponent("out").path
                request.seed = UInt64(seed)
                request.overrides = ["drs.threshold=\(t)"]
                let summary = try ScenarioRun.run(request).summary
                m.append(Double(summary.migrationsDRS))
                s.append(try #require(summary.drsScoreMean))
            }
            moves.append(m); scores.append(s)
        }
        #expect(moves[0].allSatisfy { $0 == 0 }, "threshold 1 moves: \(moves[0])")
        #expect(moves[2].reduce(0, +) > 0, "threshold 5 moves: \(moves[2])")
        for i in 1..<3 {
            let dm = zip(moves[i], moves[i - 1]).map { $0 - $1 }, ds = zip(scores[i], scores[i - 1]).map { $0 - $1 }
            #expect(dm.reduce(0, +) >= 0, "paired vMotion differences \(dm): \(moves)")
            #expect(ds.reduce(0, +) >= -1e-9, "paired score differences \(ds): \(scores)")
        }
    }

    static let tightYAML = """
        schema_version: 1
        name: tight
        seed: 1
        duration: 12h
        vsphere_version: "8.0"
        drs: {enabled: true, threshold: 3}
        host_profiles:
          - name: h
            cpu: {vendor: intel, generation: icelake, sockets: 2, cores_per_socket: 8, mhz: 2000}
            memory_gb: 512
            power: {model: linear, idle_w: 100, max_w: 300}
        vm_profiles:
          - name: noisy
            vcpus: 4
            vcpu_mhz: 2000
            memory_gb: 4
            workload:
              cpu: {mean: 0.33, noise: {sigma: 0.5, correlation_time: 30m}}
        clusters:
          - name: c
            hosts: [{profile: h, count: 6}]
            vms: [{profile: noisy, count: 60}]
        """

    /// `drs_score>=X` is on once timeseries.csv has the column: a runway plan judges it.
    @Test func plannerJudgesTheDRSScoreServiceLevel() throws {
        let metric = try #require(PlanMetric.named("drs_score"))
        #expect(metric.isAvailable)
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: 30, hosts: 2, extra: "vsphere_version: \"8.0\""),
                                                       label: "slo-score")
        let r = try TestPaths.drsim(["plan", "runway", path, "--slo", "drs_score>=50", "--replications", "1",
                                     "--out", folder.path, "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let runwayFile = try #require(files.first { $0.lastPathComponent == "runway.csv" })
        let runway = try String(contentsOf: runwayFile, encoding: .utf8)
        #expect(runway.contains("drs_score>=50"))
    }

    /// On a classic-DRS cluster `drs_score` would be judged on empty cells: refused, exit 2.
    @Test func plannerRefusesDRSScoreOnClassicClusters() throws {
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: 30, hosts: 2), label: "slo-classic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try TestPaths.drsim(["plan", "runway", path, "--slo", "drs_score>=50", "--out", folder.path, "--quiet"])
        #expect(r.code == 2)
        #expect(r.err.contains("drs_score needs score DRS") && r.err.contains("'c1' runs classic DRS"), "\(r.err)")
    }
}
