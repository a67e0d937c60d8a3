import Foundation
import Experiments
import Testing
@testable import Inventory

/// `drsim import rvtools export.xlsx` on a workbook the tests write (``TestEstate``): every host
/// and powered-on VM imported, the settings and resource controls carried, the same scenario
/// from the CSV folder of the same export.
@Suite struct RVToolsWorkbookTests {
    static func scratch(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("drsim-workbook-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func importWorkbook(variability: Bool = true, test: String = #function) throws -> (RVToolsImportResult, URL) {
        let folder = scratch(test.filter { $0.isLetter })
        let workbook = folder.appendingPathComponent("export.xlsx")
        try TestEstate.writeWorkbook(to: workbook)
        let result = try RVToolsImport.run(try RVToolsExport.at(workbook),
                                           options: .init(scenarioName: "estate", variability: variability))
        return (result, folder)
    }

    @Test func everyHostAndPoweredOnVMIsImported() throws {
        let (result, folder) = try Self.importWorkbook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = result.yaml
        let clustered = TestEstate.hosts.filter { !$0.cluster.isEmpty }
        let running = TestEstate.vms.filter { $0.power == "poweredOn" && !$0.template && !$0.cluster.isEmpty }
        #expect(result.clustersImported == 3)
        #expect(result.hostsImported == clustered.count && clustered.count == 11)
        #expect(result.vmsImported == running.count && running.count == 102)
        #expect(result.templatesSkipped == 2)
        #expect(result.poweredOffSkipped == 4)  // 3 powered off + 1 suspended dev VMs
        for host in clustered { #expect(yaml.components(separatedBy: YAMLText.quoted(host.name)).count == 2, "\(host.name)") }
        for vm in running { #expect(yaml.components(separatedBy: YAMLText.quoted(vm.name)).count == 2, "\(vm.name)") }
        for vm in TestEstate.vms where vm.template || vm.power != "poweredOn" {
            #expect(!yaml.contains(YAMLText.quoted(vm.name)), "\(vm.name)")
        }
        // odd names survive, quoted: commas, quotes, unicode, a leading '=', padding
        for odd in [#""app, frontend 01""#, #""db \"primary\"""#, #""café-01""#, #""=cmd|' /C calc'!A0""#, #""  padded vm  ""#,
                    #""日本語-vm""#, #""x: y # not a comment""#, #""Prod, Site A""#] {
            #expect(yaml.contains(odd), "\(odd)")
        }
        #expect(result.summary.contains("skipped: 2 templates (never run), 3 powered off, 1 suspended, "
            + "1 powered-on VM whose cluster has no imported host, 1 standalone host (no cluster)"))
        #expect(result.summary.first == "tabs read: vInfo (109), vHost (12), vCluster (3), vCPU (109), vMemory (109), "
            + "vDatastore (4), vNetwork (115), vMetaData (1) rows")
    }

    @Test func clusterSettingsAndVersionsAreCarried() throws {
        let (result, folder) = try Self.importWorkbook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = result.yaml
        #expect(yaml.contains("start: 2026-03-02T00:00:00Z"))
        #expect(yaml.contains("""
              - name: "Prod, Site A"
                vsphere_version: "8.0"
                datastores: ["ds-prod", "local-a1"]
                networks: ["prod-net"]
                drs: {enabled: true, automation: fully_automated, threshold: 4}
                dpm: {enabled: false, automation: automatic}
                ha: {enabled: true, admission_control: {policy: cluster_resource_percentage, host_failures_to_tolerate: 1}}
            """))
        // the lowest ESXi version of the cluster's hosts (three 7.0.3, one 8.0.1)
        #expect(yaml.contains("  - name: \"VDI overcommit\"\n    vsphere_version: \"7.0\"\n"))
        #expect(yaml.contains("  - name: \"dev/test 6.7\"\n    vsphere_version: \"6.7\"\n"))
        #expect(yaml.contains("drs: {enabled: true, automation: partially_automated, threshold: 1}\n    dpm: {enabled: true, automation: automatic}\n    ha: {enabled: false, admission_control: false}"))
        #expect(yaml.contains("dpm: {enabled: false, automation: manual}"))
        // vDatastore: only esx-a1 mounts local-a1
        #expect(yaml.contains("""
                hosts:
                  - {profile: icelake-2x32c-1995mhz-512gb, names: ["esx-a1.example.com"]}
                  - {profile: icelake-2x32c-1995mhz-512gb, datastores: ["ds-prod"],
                     names: ["esx-a2.example.com", "esx-a3.example.com", "esx-a4.example.com"]}
            """))
        // vNetwork: the first NIC's port group; the second is a warning
        #expect(result.warnings.contains { $0.hasPrefix("6 VMs on more than one port group") })
    }

    @Test func resourceControlsAndUsageAreCarried() throws {
        let (result, folder) = try Self.importWorkbook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = result.yaml
        // 6 SQL VMs: 8 vCPUs, 64 GB, 40 % CPU (vCPU Overall / (8 × 1995 MHz)), 4000 MHz reserved, high shares
        #expect(yaml.contains("""
              - name: 8vcpu-64gb-cpu30-50-cres4000-cshigh-mres32gb-rphigh   # 6 VMs
                vcpus: 8
                memory_gb: 64
                disk_gb: 20
                shares: high
                reservation_mhz: 4000
                memory_reservation_gb: 32
                restart_priority: high
                workload:
                  cpu: {mean: 0.4, diurnal: {amplitude: 0.3, peak_hour: 14}, noise: {sigma: 0.15, correlation_time: 30m}}
                  memory: {active_fraction: 0.5, consumed_fraction: 1, noise_sigma: 0.1}
            """))
        #expect(yaml.contains("- name: 4vcpu-8gb-cpu30-50-clim4000-mlim4gb-mslow   # 1 VM\n"))
        #expect(yaml.contains("    limit_mhz: 4000\n    memory_limit_gb: 4\n    memory_shares: low\n"))
        #expect(yaml.contains("      memory: {active_fraction: 0.13, consumed_fraction: 0.73, noise_sigma: 0.1}\n"))  // VDI
        // the 80 VDI VMs share one profile; the 7 odd-named VMs another
        #expect(yaml.contains("- name: 2vcpu-16gb-cpu5-15   # 80 VMs\n"))
        #expect(yaml.contains("- name: 4vcpu-16gb-cpu15-30   # 7 VMs\n"))
        #expect(result.summary.contains("resource controls: CPU reservations on 6, CPU limits on 1, CPU shares other than normal on 6, "
            + "memory reservations on 6, memory limits on 1, memory shares other than normal on 1, HA restart priorities on 14 VMs"))
        #expect(result.summary.contains("CPU means: 102 from the VM's own vCPU usage, 0 from its host's usage, 0 assumed (0.25)"))
        // 102 VMs in 7 profiles; dev-01 alone in its own for its restart priority, the other dev
        // VMs take their cluster's default (low)
        #expect(result.vmProfiles == 7)
        #expect(yaml.contains("- name: 2vcpu-4gb-cpu5-15-rpdisabled   # 1 VM\n"))
        #expect(yaml.contains("- name: 2vcpu-4gb-cpu15-30-rplow   # 5 VMs\n"))
    }

    @Test func csvFolderGivesTheSameScenario() throws {
        let (fromWorkbook, folder) = try Self.importWorkbook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("csv")
        try TestEstate.writeCSVFolder(to: csv)
        let fromCSV = try RVToolsImport.run(try RVToolsExport.at(csv), options: .init(scenarioName: "estate"))
        let body = { (yaml: String) in yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n") }
        #expect(!fromCSV.yaml.isEmpty && body(fromCSV.yaml) == body(fromWorkbook.yaml))
        #expect(fromCSV.yaml.hasPrefix("# drsim scenario imported from RVTools (csv/ (RVTools_tabvInfo.csv, RVTools_tabvHost.csv, "))
        #expect(fromWorkbook.yaml.hasPrefix("# drsim scenario imported from RVTools (export.xlsx)\n"))
    }

    /// The imported scenario validates and runs; with the default variability two replications
    /// (seeds) differ, with `--no-variability` they are identical.
    @Test func replicationsDifferUnlessVariabilityIsOff() throws {
        for variability in [true, false] {
            let (result, folder) = try Self.importWorkbook(variability: variability, test: "replications\(variability)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let scenario = folder.appendingPathComponent("estate.yaml")
            try result.yaml.write(to: scenario, atomically: true, encoding: .utf8)
            let summaries = try [1, 2].map { seed in
                var request = RunRequest(scenarioPath: scenario.path)
                request.outDir = folder.appendingPathComponent("results-\(seed)").path
                request.overrides = ["duration=1d", "seed=\(seed)"]
                return try ScenarioRun.run(request).summary
            }
            #expect(summaries[0].simDays == 1 && summaries[0].energyKWh > 0)
            let differ = summaries[0].energyKWh != summaries[1].energyKWh || summaries[0].chlsdMean != summaries[1].chlsdMean
            #expect(differ == variability, "variability \(variability): \(summaries[0].energyKWh) vs \(summaries[1].energyKWh)")
        }
    }

    /// The library side of `drsim import rvtools export.xlsx --out … [--no-variability]`.
    @Test func importCommandWritesTheScenarioAndPrintsTheSummary() throws {
        let folder = Self.scratch("command")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("export.xlsx")
        try TestEstate.writeWorkbook(to: workbook)
        var request = InventoryImport.Request(out: folder.appendingPathComponent("estate.yaml").path)
        request.export = workbook.path
        request.variability = false
        let text = try InventoryImport.run(request)
        #expect(text.hasPrefix("wrote \(request.out): 3 clusters, 11 hosts, 102 VMs in 7 VM profiles (skipped 2 templates, 4 powered-off VMs)\n"
            + "  tabs read: vInfo (109), vHost (12)"))
        #expect(text.contains("\nwarning: 1 standalone host (no cluster) skipped: esx-standalone"))
        let written = try String(contentsOfFile: request.out, encoding: .utf8)
        #expect(written.contains("name: \"estate\"") && !written.contains("noise_sigma"))
        request.vInfo = "vInfo.csv"
        #expect(throws: InputError.self) { try InventoryImport.run(request) }
    }

    @Test func noVariabilityKeepsTheDeterministicForm() throws {
        let (result, folder) = try Self.importWorkbook(variability: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.yaml.contains("      cpu: {mean: 0.4, diurnal: {amplitude: 0.3, peak_hour: 14}}\n"))
        #expect(!result.yaml.contains("noise:") && !result.yaml.contains("noise_sigma"))
    }
}

/// The imported estate runs as vSphere runs it: the VDI cluster overcommits configured memory
/// (80 × 16 GB on 4 × 256 GB, 1.25 : 1) and, with admission by reservations + overhead (the
/// memory model), every powered-on VM of every cluster is admitted.
@Suite struct RVToolsWorkbookRunTests {
    @Test func overcommittedEstateRunsWithoutFailedAdmissions() throws {
        let (result, folder) = try RVToolsWorkbookTests.importWorkbook(variability: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("estate.yaml")
        try result.yaml.write(to: path, atomically: true, encoding: .utf8)
        var request = RunRequest(scenarioPath: path.path)
        request.outDir = folder.appendingPathComponent("results").path
        request.overrides = ["duration=1d"]
        request.checkInvariants = true
        request.options = RunOptions(threads: 2)
        let run = try ScenarioRun.run(request)
        #expect(run.summary.failedAdmissions == 0)
        #expect(run.summary.memOvercommitMax >= 1.25, "overcommit \(run.summary.memOvercommitMax)")
        #expect(run.summary.energyKWh > 0)
    }
}
