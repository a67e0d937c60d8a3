import Foundation

/// A small vSphere estate written as an RVTools export, for the workbook tests: three clusters
/// on ESXi 6.7, 7.0 (one 8.0 host among them) and 8.0; HA, DRS and DPM settings; CPU and memory
/// reservations, a limit and high shares; an overcommitted VDI cluster (80 × 16 GB VMs on
/// 4 × 256 GB hosts: 1.25 : 1, low active memory); templates, powered-off and suspended VMs;
/// odd names (spaces, commas, quotes, unicode, a leading '=', padding); a local datastore
/// mounted by one host; a VM with two NICs. Deterministic: no randomness.
enum TestEstate {
    struct Host {
        let name, cluster, model: String
        let mhz, sockets, cores, memoryMB: Int
        let cpuPct, memPct: Double
        let esx: String
    }

    struct VM {
        let name, power: String
        let template: Bool
        let vcpus, memoryMB: Int
        let cluster, host, datastore: String
        let networks: [String]
        var cpuUsageMHz = 0.0
        var activeMB = 0.0
        var consumedMB = 0.0
        var cpuReservation = 0.0, cpuLimit = -1.0
        var cpuLevel = "normal"
        var memReservation = 0.0, memLimit = -1.0
        var memLevel = "normal"
        var restartPriority = "clusterRestartPriority"
        var id = ""
    }

    static let prod = "Prod, Site A"
    static let dev = "dev/test 6.7"
    static let vdi = "VDI overcommit"
    static let oddNames = ["app, frontend 01", #"db "primary""#, "café-01", "=cmd|' /C calc'!A0", "  padded vm  ",
                           "日本語-vm", "x: y # not a comment"]

    static var hosts: [Host] {
        var hosts: [Host] = []
        for i in 1...4 {
            hosts.append(Host(name: "esx-a\(i).example.com", cluster: prod, model: "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
                              mhz: 1995, sockets: 2, cores: 32, memoryMB: 524_288, cpuPct: 20 + Double(i), memPct: 40,
                              esx: "VMware ESXi 8.0.2 build-22380479"))
        }
        for i in 1...3 {
            hosts.append(Host(name: "esx-d\(i).lab", cluster: dev, model: "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz",
                              mhz: 2397, sockets: 2, cores: 14, memoryMB: 262_144, cpuPct: 10, memPct: 30,
                              esx: "VMware ESXi 6.7.0 build-17700523"))
        }
        for i in 1...4 {
            hosts.append(Host(name: "esx-v\(i).vdi", cluster: vdi, model: "AMD EPYC 7543 32-Core Processor",
                              mhz: 2794, sockets: 1, cores: 32, memoryMB: 262_144, cpuPct: 35, memPct: 85,
                              esx: i == 4 ? "VMware ESXi 8.0.1 build-21495797" : "VMware ESXi 7.0.3 build-21930508"))
        }
        hosts.append(Host(name: "esx-standalone", cluster: "", model: "Intel(R) Xeon(R) Silver 4114 CPU @ 2.20GHz",
                          mhz: 2200, sockets: 1, cores: 10, memoryMB: 65_536, cpuPct: 5, memPct: 5, esx: "VMware ESXi 7.0.3 build-1"))
        return hosts
    }

    static var vms: [VM] {
        var vms: [VM] = []
        func add(_ vm: VM) {
            var vm = vm
            vm.id = "vm-\(1000 + vms.count)"
            vms.append(vm)
        }
        // Prod: odd names, reservations, a limit, high shares, restart priorities, a local datastore.
        for (i, name) in oddNames.enumerated() {
            var vm = VM(name: name, power: "poweredOn", template: false, vcpus: 4, memoryMB: 16_384, cluster: prod,
                        host: "esx-a\(i % 4 + 1).example.com", datastore: "ds-prod", networks: ["prod-net"])
            vm.cpuUsageMHz = 4 * 1995 * 0.2
            vm.activeMB = 4_096
            vm.consumedMB = 12_288
            add(vm)
        }
        for i in 1...6 {
            var vm = VM(name: "sql-\(i)", power: "poweredOn", template: false, vcpus: 8, memoryMB: 65_536, cluster: prod,
                        host: "esx-a\(i % 4 + 1).example.com", datastore: "ds-prod", networks: ["prod-net", "backup-net"])
            vm.cpuUsageMHz = 8 * 1995 * 0.4
            vm.activeMB = 32_768
            vm.consumedMB = 65_536
            vm.cpuReservation = 4_000
            vm.memReservation = 32_768
            vm.cpuLevel = "high"
            vm.restartPriority = "high"
            add(vm)
        }
        var capped = VM(name: "batch-capped", power: "poweredOn", template: false, vcpus: 4, memoryMB: 8_192, cluster: prod,
                        host: "esx-a1.example.com", datastore: "local-a1", networks: ["prod-net"])
        capped.cpuUsageMHz = 3_000
        capped.activeMB = 1_024
        capped.consumedMB = 4_096
        capped.cpuLimit = 4_000
        capped.memLimit = 4_096
        capped.memLevel = "low"
        add(capped)
        add(VM(name: "gold-template", power: "poweredOff", template: true, vcpus: 2, memoryMB: 4_096, cluster: prod,
               host: "esx-a1.example.com", datastore: "ds-prod", networks: ["prod-net"]))
        // Dev: small VMs, templates, powered-off and suspended VMs.
        for i in 1...12 {
            var vm = VM(name: String(format: "dev-%02d", i), power: i % 4 == 0 ? "poweredOff" : (i == 6 ? "suspended" : "poweredOn"),
                        template: false, vcpus: 2, memoryMB: 4_096, cluster: dev, host: "esx-d\(i % 3 + 1).lab",
                        datastore: "dev-nfs", networks: ["dev-net"])
            vm.cpuUsageMHz = 2 * 2397 * (0.05 + 0.02 * Double(i))
            vm.activeMB = 1_024
            vm.consumedMB = 3_000
            vm.restartPriority = i == 1 ? "disabled" : "clusterRestartPriority"
            add(vm)
        }
        add(VM(name: "win2022-template", power: "poweredOff", template: true, vcpus: 2, memoryMB: 8_192, cluster: dev,
               host: "esx-d1.lab", datastore: "dev-nfs", networks: ["dev-net"]))
        // VDI: 80 × 16 GB on 4 × 256 GB hosts, active memory low.
        for i in 1...80 {
            var vm = VM(name: String(format: "vdi-%03d", i), power: "poweredOn", template: false, vcpus: 2, memoryMB: 16_384,
                        cluster: vdi, host: "esx-v\(i % 4 + 1).vdi", datastore: "vdi-vsan", networks: ["vdi-net"])
            vm.cpuUsageMHz = 2 * 2794 * 0.12
            vm.activeMB = 2_048
            vm.consumedMB = 12_000
            add(vm)
        }
        add(VM(name: "on-standalone", power: "poweredOn", template: false, vcpus: 1, memoryMB: 2_048, cluster: "",
               host: "esx-standalone", datastore: "local-s", networks: ["VM Network"]))
        return vms
    }

    typealias Cell = XLSXTestWriter.Cell

    /// The export's tabs as cells (strings shared, vInfo's VM names inline).
    static var sheets: [XLSXTestWriter.Sheet] {
        let hosts = self.hosts, vms = self.vms
        func n(_ x: Double) -> Cell { .number(x) }
        func t(_ s: String) -> Cell { s.isEmpty ? .empty : .text(s) }
        let vInfo = [["VM", "Powerstate", "Template", "CPUs", "Memory", "Active Memory", "Network #1", "In Use MiB", "Path",
                      "Annotation", "Cluster", "Host", "HA Restart Priority", "VM ID"].map(t)]
            + vms.map { vm in
                [.inline(vm.name), t(vm.power), .bool(vm.template), n(Double(vm.vcpus)), n(Double(vm.memoryMB)), n(vm.activeMB),
                 t(vm.networks[0]), n(20_480), t("[\(vm.datastore)] \(vm.name)/\(vm.name).vmx"), t("owner: \"team\", cost=42"),
                 t(vm.cluster), t(vm.host), t(vm.restartPriority), t(vm.id)]
            }
        let vCPU = [["VM", "Powerstate", "Template", "CPUs", "Max", "Overall", "Level", "Shares", "Reservation", "Limit", "VM ID"].map(t)]
            + vms.map { vm in
                let perVCPU: Double = (["high": 2_000, "normal": 1_000, "low": 500] as [String: Double])[vm.cpuLevel] ?? 1_000
                return [t(vm.name), t(vm.power), .bool(vm.template), n(Double(vm.vcpus)), n(Double(vm.vcpus) * 2_000), n(vm.cpuUsageMHz),
                        t(vm.cpuLevel), n(perVCPU * Double(vm.vcpus)), n(vm.cpuReservation), n(vm.cpuLimit), t(vm.id)]
            }
        let vMemory = [["VM", "Powerstate", "Template", "Size MiB", "Memory Reservation Locked To Max", "Consumed", "Ballooned",
                        "Swapped", "Active", "Level", "Shares", "Reservation", "Limit", "VM ID"].map(t)]
            + vms.map { vm in
                let perMB: Double = (["high": 20, "normal": 10, "low": 5] as [String: Double])[vm.memLevel] ?? 10
                return [t(vm.name), t(vm.power), .bool(vm.template), n(Double(vm.memoryMB)), .bool(false), n(vm.consumedMB), n(0), n(0),
                        n(vm.activeMB), t(vm.memLevel), n(perMB * Double(vm.memoryMB)), n(vm.memReservation), n(vm.memLimit), t(vm.id)]
            }
        let vHost = [["Host", "Datacenter", "Cluster", "CPU Model", "Speed", "# CPU", "Cores per CPU", "# Cores", "CPU usage %",
                      "# Memory", "Memory usage %", "ESX Version"].map(t)]
            + hosts.map { h in
                [t(h.name), t("DC1"), t(h.cluster), t(h.model), n(Double(h.mhz)), n(Double(h.sockets)), n(Double(h.cores)),
                 n(Double(h.sockets * h.cores)), n(h.cpuPct), n(Double(h.memoryMB)), n(h.memPct), t(h.esx)]
            }
        let vCluster = [["Name", "NumHosts", "HA enabled", "Failover Level", "AdmissionControlEnabled", "Restart Priority",
                         "DRS enabled", "DRS default VM behavior", "DRS vmotion rate", "DPM enabled", "DPM default behavior"].map(t),
                        [t(prod), n(4), .bool(true), n(1), .bool(true), t("medium"), .bool(true), t("fullyAutomated"), n(2),
                         .bool(false), t("automated")],
                        [t(dev), n(3), .bool(false), n(1), .bool(false), t("low"), .bool(true), t("partiallyAutomated"), n(5),
                         .bool(true), t("automated")],
                        [t(vdi), n(4), .bool(true), n(1), .bool(true), t("medium"), .bool(true), t("fullyAutomated"), n(3),
                         .bool(false), t("manual")]]
        let vDatastore = [["Name", "Type", "# Hosts", "Hosts"].map(t),
                          [t("ds-prod"), t("VMFS"), n(4), t((1...4).map { "esx-a\($0).example.com" }.joined(separator: ", "))],
                          [t("local-a1"), t("VMFS"), n(1), t("esx-a1.example.com")],
                          [t("dev-nfs"), t("NFS"), n(3), t("esx-d1.lab, esx-d2.lab, esx-d3.lab")],
                          [t("vdi-vsan"), t("vsan"), n(4), t((1...4).map { "esx-v\($0).vdi" }.joined(separator: ", "))]]
        var vNetwork = [["VM", "NIC label", "Network", "VM ID"].map(t)]
        for vm in vms {
            for (i, network) in vm.networks.enumerated() { vNetwork.append([t(vm.name), t("Network adapter \(i + 1)"), t(network), t(vm.id)]) }
        }
        // 2026-03-02 14:30 as an Excel serial (46083 = 2026-03-02).
        let vMetaData = [["RVTools major version", "RVTools version", "xlsx creation datetime", "Server"].map(t),
                         [n(4), t("4.6.1.1"), .date(46_083.6042), t("vcenter.example.com")]]
        return [("vInfo", vInfo), ("vCPU", vCPU), ("vMemory", vMemory), ("vHost", vHost), ("vCluster", vCluster),
                ("vDatastore", vDatastore), ("vNetwork", vNetwork), ("vMetaData", vMetaData)]
            .map { XLSXTestWriter.Sheet(name: $0.0, rows: $0.1) }
    }

    /// Writes the workbook.
    static func writeWorkbook(to url: URL) throws {
        try XLSXTestWriter.write(sheets, to: url)
    }

    /// Writes the same tabs as "Export all to CSV" files (`RVTools_tabvInfo.csv` …) into `folder`;
    /// the export date is written as text, as RVTools' CSV export does.
    static func writeCSVFolder(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sheet in sheets {
            var text = ""
            for row in sheet.rows {
                text += row.map { cell -> String in
                    switch cell {
                    case .text(let s), .inline(let s): return csvField(s)
                    case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
                    case .bool(let b): return b ? "True" : "False"
                    case .date: return "2026/03/02 14:30:00"
                    case .empty: return ""
                    }
                }.joined(separator: ",") + "\r\n"
            }
            try Data(text.utf8).write(to: folder.appendingPathComponent("RVTools_tab\(sheet.name).csv"))
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) || s.hasPrefix(" ")
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
