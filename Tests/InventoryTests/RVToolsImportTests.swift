import Foundation
import Testing
@testable import Inventory

@Suite struct RVToolsImportTests {
    static func importFixture(_ layout: String) throws -> RVToolsImportResult {
        try RVToolsImport.run(vInfo: TestSupport.fixture("\(layout)/vInfo.csv"), vHost: TestSupport.fixture("\(layout)/vHost.csv"),
                              vCluster: TestSupport.fixture("\(layout)/vCluster.csv"), scenarioName: "fixture import")
    }

    @Test func countsWhatWasImportedAndSkipped() throws {
        let result = try Self.importFixture("rvtools4")
        #expect(result.clustersImported == 3)
        #expect(result.hostsImported == 25)      // 26 rows, one standalone host
        #expect(result.vmsImported == 312)       // 351 rows − 11 templates − 27 off/suspended − 1 orphan
        #expect(result.templatesSkipped == 11)
        #expect(result.poweredOffSkipped == 27)
        #expect(result.yaml.hasPrefix("# drsim scenario imported from RVTools (vInfo.csv, vHost.csv, vCluster.csv)\n"
            + "# Imported: 3 clusters, 25 hosts, 312 powered-on VMs.\n"
            + "# Skipped: 11 templates, 27 powered-off or suspended VMs (not simulated).\n"))
        #expect(result.warnings == [
            "1 standalone host (no cluster) skipped: esx-standalone.lab.local",
            "1 powered-on VM skipped, no imported host in the cluster: orphan-on-standalone",
            "duplicate VM name 'dup-vm' renamed 'dup-vm (2)'",
            "13 VMs without a usable host 'CPU usage %' (host missing from vHost or the cell empty): cpu.mean 0.25 "
                + "assumed for eu-app-006, eu-app-013, eu-app-018, eu-app-042, eu-app-054 … and 8 more",
        ])
        for warning in result.warnings { #expect(result.yaml.contains("#  - " + warning)) }
    }

    @Test func bothRVToolsLayoutsGiveTheSameScenario() throws {
        // rvtools3: ';' separators, decimal commas, MB headers, no 'Cores per CPU', LF, no BOM.
        let modern = try Self.importFixture("rvtools4")
        let legacy = try Self.importFixture("rvtools3")
        #expect(legacy.yaml == modern.yaml)
        #expect(legacy.warnings == modern.warnings)
    }

    @Test func scenarioFollowsTheSchema() throws {
        let yaml = try Self.importFixture("rvtools4").yaml
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keys = lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(keys == ["schema_version: 1", "name: \"fixture import\"", "seed: 1", "duration: 7d", "sample_interval: 5m",
                         "host_profiles:", "vm_profiles:", "clusters:"])
        #expect(!yaml.contains("\t"))
        #expect(yaml.hasSuffix("\n"))
        // every profile a cluster refers to is defined, and every defined profile is used
        let defined = Set(lines.compactMap { Self.capture(#"^  - name: ([a-z0-9-]+)"#, $0) })
        let used = Set(lines.compactMap { Self.capture(#"profile: ([a-z0-9-]+)"#, $0) })
        #expect(!used.isEmpty && used == defined)
        #expect(yaml.contains("""
              - name: icelake-2x32c-1995mhz-512gb
                cpu: {vendor: intel, generation: icelake, sockets: 2, cores_per_socket: 32, mhz: 1995}
                memory_gb: 512
                power: {model: linear, idle_w: 223, max_w: 676}   # estimate for 64 cores
            """))
        #expect(yaml.contains("cpu: {vendor: amd, generation: zen3, sockets: 2, cores_per_socket: 32, mhz: 2794}"))
        #expect(yaml.contains("cpu: {vendor: intel, generation: cascadelake, sockets: 2, cores_per_socket: 20, mhz: 2494}"))
        #expect(yaml.contains("cpu: {vendor: intel, generation: broadwell, sockets: 2, cores_per_socket: 14, mhz: 2397}"))
        #expect(yaml.contains("cpu: {vendor: intel, generation: westmere, sockets: 2, cores_per_socket: 6, mhz: 2933}"))
        #expect(yaml.contains("      cpu: {mean: "))
        #expect(yaml.contains(", diurnal: {amplitude: 0.3, peak_hour: 14}, noise: {sigma: 0.15, correlation_time: 30m}}"))
        #expect(yaml.contains("      memory: {active_fraction: "))
        #expect(yaml.contains(", noise_sigma: 0.1}\n"))
        #expect(yaml.contains("    memory_gb: 1.5\n"))  // 1,536 MB
    }

    @Test func clustersKeepTheirNamesAndSettings() throws {
        let yaml = try Self.importFixture("rvtools4").yaml
        #expect(yaml.contains("""
              - name: "Prod, EU"
                vsphere_version: "6.7"
                evc: cascadelake
                datastores: ["eu nfs [gold]", "eu-vsan-01"]
                networks: ["VM Network", "eu-app, vlan 100"]
                drs: {enabled: true, automation: fully_automated, threshold: 3}
                dpm: {enabled: false}
                ha: {enabled: true}
                hosts:
                  - {profile: cascadelake-2x20c-2494mhz-384gb, names: ["esx11.eu.example.com", "esx12.eu.example.com"]}
            """))
        #expect(yaml.contains("drs: {enabled: true, automation: partially_automated, threshold: 4}\n    dpm: {enabled: true}"))
        #expect(yaml.contains("  - name: \"Dev Lab\"\n    vsphere_version: \"6.0\"\n    datastores: [\"lab-local\"]"))
        #expect(yaml.contains("drs: {enabled: false, automation: manual, threshold: 1}"))
        let body = yaml.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(!body.contains("Empty Cluster"))
        #expect(!body.contains("esx-standalone"))  // named only in the warning comment
        #expect(yaml.contains("#  - 1 standalone host (no cluster) skipped: esx-standalone.lab.local"))
    }

    @Test func everyPoweredOnVMAppearsOnceTemplatesAndPoweredOffNever() throws {
        let yaml = try Self.importFixture("rvtools4").yaml
        var warnings: [String] = []
        let records = try VMRecord.read(TestSupport.fixture("rvtools4/vInfo.csv"), warnings: &warnings)
        var expected = Set<String>()
        for vm in records where !vm.isTemplate && vm.powerState == .poweredOn && vm.name != "orphan-on-standalone" {
            expected.insert(vm.name)
        }
        #expect(expected.count == 311)  // plus the renamed second "dup-vm"
        for name in expected {
            #expect(yaml.components(separatedBy: YAMLText.quoted(name)).count == 2, "\(name)")
        }
        #expect(yaml.contains(#""dup-vm (2)""#))
        for vm in records where vm.isTemplate || vm.powerState != .poweredOn {
            #expect(!yaml.contains(YAMLText.quoted(vm.name)), "\(vm.name)")
        }
        for odd in [#""app, frontend 01""#, #""db \"primary\"""#, #""café-01""#, #""  padded vm  ""#, #""x: y # not a comment""#] {
            #expect(yaml.contains(odd))
        }
    }

    @Test func profileMeansKeepTheObservedDemand() throws {
        var warnings: [String] = []
        let hosts = try HostRecord.read(TestSupport.fixture("rvtools4/vHost.csv"), warnings: &warnings)
        let vms = try VMRecord.read(TestSupport.fixture("rvtools4/vInfo.csv"), warnings: &warnings)
        var planner = InventoryPlanner(hosts: hosts, vms: vms, clusterSettings: [], warnings: [])
        let plan = planner.plan()
        #expect(plan.vmProfiles.reduce(0) { $0 + $1.vmCount } == plan.vmsImported)
        let imported = vms.filter { !$0.isTemplate && $0.powerState == .poweredOn && $0.name != "orphan-on-standalone" }
        let usage = VMUsage(hosts: hosts.filter { !$0.cluster.isEmpty }, vms: imported)
        let observed = zip(imported, usage.cpuMean).reduce(0.0) { $0 + Double($1.0.vcpus) * $1.1 }
        let modeled = plan.vmProfiles.reduce(0.0) { $0 + Double($1.vcpus * $1.vmCount) * $1.cpuMean }
        let vcpus = Double(imported.reduce(0) { $0 + $1.vcpus })
        #expect(abs(modeled - observed) <= 0.0005 * vcpus)  // only the 3-decimal rounding of the means
        #expect(plan.vmProfiles.count == 40)  // 61 with the 10-point buckets of before
        for profile in plan.vmProfiles {
            // the band is in the name: 4vcpu-16gb-cpu15-30 holds VMs observed at 15–30 %
            let band = profile.name.split(separator: "-").dropFirst(2).prefix(2).map { Int($0.replacingOccurrences(of: "cpu", with: "")) ?? -1 }
            #expect(band.count == 2 && Double(band[0]) <= profile.cpuMean * 100 + 0.05 && profile.cpuMean * 100 <= Double(band[1]) + 0.05,
                    "\(profile.name) mean \(profile.cpuMean)")
        }
    }
}

extension RVToolsImportTests {
    /// The first capture group of `pattern` in `line`.
    static func capture(_ pattern: String, _ line: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
              let range = Range(match.range(at: 1), in: line) else { return nil }
        return String(line[range])
    }
}
