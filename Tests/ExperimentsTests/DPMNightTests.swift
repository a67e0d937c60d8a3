import Experiments
import Foundation
import Testing

/// scenarios/dpm-night.yaml with the same seed, DPM on and off: DPM powers hosts down at night and
/// back up before the morning peak, saves energy, keeps min_hosts_on, and its unmet demand is reported.
@Suite struct DPMNightTests {
    func run(dpm: Bool, out: URL) throws -> (summary: RunSummary, rows: [[String: String]]) {
        var request = RunRequest(scenarioPath: TestPaths.scenario("dpm-night.yaml"))
        request.outDir = out.appendingPathComponent(dpm ? "on" : "off").path
        request.overrides = ["duration=3d", "dpm.enabled=\(dpm)"]
        request.checkInvariants = true
        let result = try ScenarioRun.run(request)
        let lines = try String(contentsOfFile: result.folder + "/timeseries.csv", encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let rows = lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
        return (result.summary, rows)
    }

    @Test func dpmSavesEnergyAtNightAndWakesBeforeThePeak() throws {
        let out = TestPaths.scratch("dpm")
        defer { try? FileManager.default.removeItem(at: out) }
        let on = try run(dpm: true, out: out), off = try run(dpm: false, out: out)
        #expect(on.summary.energyKWh < 0.85 * off.summary.energyKWh, "on \(on.summary.energyKWh) kWh, off \(off.summary.energyKWh) kWh")
        func row(_ r: [[String: String]], _ ts: String) -> [String: String] { r.first { $0["timestamp"] == ts }! }
        for day in ["06", "07"] {
            #expect(Int(row(on.rows, "2026-01-\(day) 03:00:00")["hosts_standby"]!)! >= 6)
            let peak = row(on.rows, "2026-01-\(day) 13:00:00")
            #expect(Int(peak["hosts_on"]!)! >= 10 && Double(peak["max_host_cpu_util"]!)! <= 0.9)
        }
        #expect(on.rows.allSatisfy { Int($0["hosts_on"]!)! >= 2 })                 // min_hosts_on (HA: 2)
        #expect(off.rows.allSatisfy { $0["hosts_standby"] == "0" })
        #expect(on.summary.dpmPowerOffs > 0 && on.summary.hostPowerCycles > 0)
        #expect(on.summary.cpuUnmetPct >= off.summary.cpuUnmetPct && on.summary.cpuUnmetPct < 0.5)
    }
}
