import Foundation
@testable import Experiments

/// Tiny sweep scenarios and file helpers for the sweep tests (each test works in its own folder).
enum SweepFixture {
    /// 3 hosts, 12 VMs with a diurnal and noisy load, 1 day sampled every 15 minutes: a run takes
    /// well under a second in a debug build. Axis: DRS threshold 3 and 5 (the baseline is 3).
    static let yaml = """
    schema_version: 1
    name: tiny-sweep
    seed: 7
    duration: 1d
    sample_interval: 15m
    drs: {enabled: true, threshold: 3, period: 5m}
    dpm: {enabled: false}
    host_profiles:
      - name: small
        cpu: {sockets: 1, cores_per_socket: 8, mhz: 2500}
        memory_gb: 128
        power: {model: linear, idle_w: 100, max_w: 300}
    vm_profiles:
      - name: app
        vcpus: 2
        memory_gb: 8
        workload:
          cpu: {mean: 0.35, diurnal: {amplitude: 0.5, peak_hour: 14}, noise: {sigma: 0.3, correlation_time: 30m}}
    clusters:
      - name: c1
        hosts: [{profile: small, count: 3}]
        vms: [{profile: app, count: 12}]
    sweep:
      axes:
        drs.threshold: [3, 5]
      replications: 2

    """

    /// A fresh empty folder under the temporary directory.
    static func folder(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("drsim-sweep-tests-\(ProcessInfo.processInfo.processIdentifier)-\(label)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `yaml` as `scenario.yaml` in a fresh folder; returns its path.
    static func scenarioFile(_ label: String, yaml: String = yaml) throws -> String {
        let url = folder(label).appendingPathComponent("scenario.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A request for `scenario` into `out`, one job unless told.
    static func request(_ scenario: String, out: URL, jobs: Int = 1, settings: [String] = []) -> SweepRequest {
        var r = SweepRequest(scenarioPath: scenario)
        r.outDir = out.path
        r.jobs = jobs
        r.settings = settings
        return r
    }

    /// The text of `name` in the sweep folder of `tiny-sweep` under `out`.
    static func text(_ out: URL, _ name: String, sweep: String = "tiny-sweep") -> String? {
        try? String(contentsOf: out.appendingPathComponent(sweep).appendingPathComponent(name), encoding: .utf8)
    }
}
