import Foundation

/// Constant-demand scenarios for the planning tests: flat VM demand (no cycles, no noise), so
/// demand and capacity are known exactly and the closed forms of docs/planning.md apply.
enum PlanningFixture {
    /// `vms` VMs of 2 vCPUs × 2000 MHz at 50 % (2000 MHz each), on `hosts` hosts of profile
    /// `small` (2 × 10 cores × 2000 MHz = 40,000 MHz); profile `big` has 80,000 MHz.
    static func yaml(vms: Int, hosts: Int, extra: String = "") -> String {
        """
        schema_version: 1
        name: flat
        seed: 3
        duration: 1d
        sample_interval: 15m
        drs: {enabled: true, threshold: 3}
        pue: 1.5
        price_per_kwh: 0.25
        co2_g_per_kwh: 400
        license_per_core: 5
        \(extra)
        host_profiles:
          - name: small
            cpu: {vendor: intel, generation: icelake, sockets: 2, cores_per_socket: 10, mhz: 2000}
            memory_gb: 512
            power: {model: linear, idle_w: 100, max_w: 300}
            cost: {purchase: 6000, amortization_months: 60}
          - name: big
            cpu: {vendor: intel, generation: icelake, sockets: 2, cores_per_socket: 20, mhz: 2000}
            memory_gb: 1024
            power: {model: linear, idle_w: 150, max_w: 450}
            cost: {purchase: 10000, amortization_months: 50}
        vm_profiles:
          - name: flat
            vcpus: 2
            vcpu_mhz: 2000
            memory_gb: 4
            workload: {cpu: {mean: 0.5}}
        clusters:
          - name: c1
            hosts: [{profile: small, count: \(hosts)}]
            vms: [{profile: flat, count: \(vms)}]

        """
    }

    /// Writes `yaml` into a fresh folder; returns the scenario path and the folder.
    static func write(_ yaml: String, label: String) throws -> (path: String, folder: URL) {
        let folder = TestPaths.scratch(label)
        let path = folder.appendingPathComponent("scenario.yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return (path.path, folder)
    }

    /// The cell `key` of `row` as a number (NaN when missing or empty).
    static func number(_ row: [String: String], _ key: String) -> Double { Double(row[key] ?? "") ?? .nan }

    /// The rows of a CSV file as dictionaries by header name.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
