/// Groups the hosts and VMs read from RVTools into the profiles and clusters of a scenario.
///
/// Rules (documented in docs/rvtools-import.md):
/// - hosts without a cluster (standalone) are skipped; identical hosts — same vendor,
///   generation, sockets, cores per socket, MHz and memory (GB, rounded) — share a host profile;
/// - templates and VMs that are not powered on are skipped and counted; a VM whose cluster has no
///   imported host is skipped with a warning;
/// - each VM's CPU mean is its host's `CPU usage %` shared per vCPU (see ``VMUsage``) and VMs
///   with the same vCPUs, memory and 10-point CPU bucket share a VM profile;
/// - duplicate names get " (2)", " (3)" … with a warning. Every order is a sort or the order of
///   the rows in the files — never a dictionary's.
struct InventoryPlanner {
    let hosts: [HostRecord]
    let vms: [VMRecord]
    let clusterSettings: [ClusterRecord]
    var warnings: [String]

    init(hosts: [HostRecord], vms: [VMRecord], clusterSettings: [ClusterRecord], warnings: [String]) {
        self.hosts = hosts
        self.vms = vms
        self.clusterSettings = clusterSettings
        self.warnings = warnings
    }

    /// Builds the plan.
    mutating func plan() -> InventoryPlan {
        var allHosts = hosts
        renameDuplicates(&allHosts, what: "host")
        let standalone = allHosts.filter { $0.cluster.isEmpty }
        if !standalone.isEmpty {
            warnings.append("\(Self.count(standalone.count, "standalone host")) (no cluster) skipped: \(Self.examples(standalone.map(\.name)))")
        }
        let clustered = allHosts.filter { !$0.cluster.isEmpty }
        let clusterNames = Self.sortedUnique(clustered.map(\.cluster))
        let (hostProfiles, hostProfileOf) = makeHostProfiles(clustered)

        let selection = selectVMs(clusterNames: clusterNames, hosts: clustered)
        let usage = VMUsage(hosts: clustered, vms: selection.vms)
        if usage.defaultedCount > 0 {
            warnings.append("\(Self.count(usage.defaultedCount, "VM")) without a usable host 'CPU usage %' (host missing from vHost or "
                + "the cell empty): cpu.mean \(VMUsage.defaultCPUMean) assumed for \(Self.examples(usage.defaultedNames))")
        }
        let (vmProfiles, vmProfileOf) = makeVMProfiles(selection.vms, usage: usage)

        var groupNameCounts: [String: Int] = [:]
        let clusters = clusterNames.map { name in
            makeCluster(name, hosts: clustered.enumerated().filter { $0.element.cluster == name },
                        vms: selection.vms.enumerated().filter { selection.clusters[$0.offset] == name },
                        hostProfiles: hostProfiles, hostProfileOf: hostProfileOf,
                        vmProfiles: vmProfiles, vmProfileOf: vmProfileOf, groupNameCounts: &groupNameCounts)
        }
        return InventoryPlan(hostProfiles: hostProfiles, vmProfiles: vmProfiles, clusters: clusters,
                             hostsImported: clustered.count, vmsImported: selection.vms.count,
                             templatesSkipped: selection.templates, poweredOffSkipped: selection.poweredOff,
                             warnings: warnings)
    }

    /// The powered-on VMs of imported clusters (renamed when duplicated), their clusters, and the counts.
    private mutating func selectVMs(clusterNames: [String], hosts: [HostRecord])
        -> (vms: [VMRecord], clusters: [String], templates: Int, poweredOff: Int) {
        var clusterOfHost: [String: String] = [:]
        for host in hosts where clusterOfHost[host.name] == nil { clusterOfHost[host.name] = host.cluster }
        let known = Set(clusterNames)
        var selected: [VMRecord] = []
        var clusters: [String] = []
        var templates = 0
        var poweredOff = 0
        var unknownStates: [String] = []
        var orphans: [String] = []
        for vm in vms {
            if vm.isTemplate {
                templates += 1
                continue
            }
            switch vm.powerState {
            case .poweredOn: break
            case .poweredOff, .suspended:
                poweredOff += 1
                continue
            case .unknown(let state):
                poweredOff += 1
                unknownStates.append("\(vm.name) ('\(state)')")
                continue
            }
            let cluster = vm.cluster.isEmpty ? clusterOfHost[vm.host] ?? "" : vm.cluster
            guard known.contains(cluster) else {
                orphans.append(vm.name)
                continue
            }
            selected.append(vm)
            clusters.append(cluster)
        }
        if !unknownStates.isEmpty {
            warnings.append("\(Self.count(unknownStates.count, "VM")) with an unknown Powerstate counted as powered off: \(Self.examples(unknownStates))")
        }
        if !orphans.isEmpty {
            warnings.append("\(Self.count(orphans.count, "powered-on VM")) skipped, no imported host in the cluster: \(Self.examples(orphans))")
        }
        renameDuplicates(&selected, what: "VM")
        return (selected, clusters, templates, poweredOff)
    }

    /// Appends " (2)", " (3)" … to repeated names, keeping the first as is.
    private mutating func renameDuplicates<Record: NamedRecord>(_ records: inout [Record], what: String) {
        var taken = Set(records.map(\.name))
        var seen: Set<String> = []
        for index in records.indices {
            let name = records[index].name
            if seen.insert(name).inserted { continue }
            var suffix = 2
            while taken.contains("\(name) (\(suffix))") { suffix += 1 }
            records[index].name = "\(name) (\(suffix))"
            taken.insert(records[index].name)
            warnings.append("duplicate \(what) name '\(name)' renamed '\(records[index].name)'")
        }
    }

    /// Up to five names, then "… and N more".
    static func examples(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? "\(shown) … and \(names.count - 5) more" : shown
    }

    /// "1 VM", "3 VMs".
    static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// The distinct strings, sorted by their UTF-8 bytes.
    static func sortedUnique(_ strings: [String]) -> [String] {
        Array(Set(strings)).sorted(by: bytewise)
    }

    static func bytewise(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// A record with a name the planner may rename.
protocol NamedRecord {
    var name: String { get set }
}

extension HostRecord: NamedRecord {}
extension VMRecord: NamedRecord {}
