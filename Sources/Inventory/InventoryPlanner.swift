/// Groups the hosts and VMs read from RVTools into the profiles and clusters of a scenario.
///
/// Rules (documented in docs/rvtools-import.md):
/// - hosts without a cluster (standalone) are skipped; identical hosts — same vendor,
///   generation, sockets, cores per socket, MHz and memory (GB, rounded) — share a host profile;
/// - templates and VMs that are not powered on are skipped and counted; a VM whose cluster has no
///   imported host is skipped with a warning;
/// - each VM's CPU mean is its own vCPU `Overall` usage, else its host's `CPU usage %` shared per
///   vCPU (see ``VMUsage``); VMs with the same vCPUs, memory, resource controls
///   (``VMSettings``) and CPU usage band share a VM profile;
/// - a host mounts the datastores vDatastore says it does (when the export has the tab);
/// - duplicate names get " (2)", " (3)" … with a warning. Every order is a sort or the order of
///   the rows in the files — never a dictionary's.
struct InventoryPlanner {
    let hosts: [HostRecord]
    let vms: [VMRecord]
    let clusterSettings: [ClusterRecord]
    /// vDatastore rows, or `nil` when the export lacks the tab.
    let datastores: [DatastoreRecord]?
    let metadata: ExportMetadata?
    var warnings: [String]
    /// Summary lines about the tabs (read, absent), put first in the summary.
    var summary: [String]

    init(hosts: [HostRecord], vms: [VMRecord], clusterSettings: [ClusterRecord], datastores: [DatastoreRecord]? = nil,
         metadata: ExportMetadata? = nil, warnings: [String], summary: [String] = []) {
        self.hosts = hosts
        self.vms = vms
        self.clusterSettings = clusterSettings
        self.datastores = datastores
        self.metadata = metadata
        self.warnings = warnings
        self.summary = summary
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
        var notes = VMSettings.Notes()
        var settings = selection.vms.map { VMSettings.of($0, notes: &notes) }
        // "clusterRestartPriority": the VM takes its cluster's default (vCluster `Restart Priority`)
        for index in settings.indices where settings[index].restartPriority.isEmpty {
            let cluster = clusterSettings.first { $0.name == selection.clusters[index] }
            let priority = VMSettings.restartPriority(cluster?.restartPriority ?? "")
            settings[index].restartPriority = priority == "medium" ? "" : priority
        }
        if !notes.limitBelowReservation.isEmpty {
            warnings.append("\(Self.count(notes.limitBelowReservation.count, "VM")) with a limit below the reservation: "
                + "limit left out for \(Self.examples(notes.limitBelowReservation))")
        }
        if !notes.zeroLimit.isEmpty {
            warnings.append("\(Self.count(notes.zeroLimit.count, "VM")) with a limit of 0: limit left out for \(Self.examples(notes.zeroLimit))")
        }
        let (vmProfiles, vmProfileOf) = makeVMProfiles(selection.vms, usage: usage, settings: settings)
        let mounts = mountedDatastores(clustered)

        var groupNameCounts: [String: Int] = [:]
        let clusters = clusterNames.map { name in
            makeCluster(name, hosts: clustered.enumerated().filter { $0.element.cluster == name },
                        vms: selection.vms.enumerated().filter { selection.clusters[$0.offset] == name },
                        hostProfiles: hostProfiles, hostProfileOf: hostProfileOf, mounts: mounts,
                        vmProfiles: vmProfiles, vmProfileOf: vmProfileOf, groupNameCounts: &groupNameCounts)
        }
        summarize(selection: selection, hosts: clustered.count, standalone: standalone.count, clusters: clusters,
                  hostProfiles: hostProfiles.count, vmProfiles: vmProfiles.count, usage: usage, settings: settings)
        return InventoryPlan(hostProfiles: hostProfiles, vmProfiles: vmProfiles, clusters: clusters,
                             startDay: metadata?.exportDay,
                             hostsImported: clustered.count, vmsImported: selection.vms.count,
                             templatesSkipped: selection.templates,
                             poweredOffSkipped: selection.poweredOff + selection.suspended + selection.unknown,
                             summary: summary, warnings: warnings)
    }

    /// The powered-on VMs of imported clusters (renamed when duplicated), their clusters, and the counts.
    /// The VMs a plan imports and what it skipped.
    struct Selection {
        var vms: [VMRecord] = []
        var clusters: [String] = []
        var templates = 0
        var poweredOff = 0
        var suspended = 0
        var unknown = 0
        var orphans = 0
    }

    private mutating func selectVMs(clusterNames: [String], hosts: [HostRecord]) -> Selection {
        var clusterOfHost: [String: String] = [:]
        for host in hosts where clusterOfHost[host.name] == nil { clusterOfHost[host.name] = host.cluster }
        let known = Set(clusterNames)
        var selection = Selection()
        var unknownStates: [String] = []
        var orphans: [String] = []
        for vm in vms {
            if vm.isTemplate {
                selection.templates += 1
                continue
            }
            switch vm.powerState {
            case .poweredOn: break
            case .poweredOff:
                selection.poweredOff += 1
                continue
            case .suspended:
                selection.suspended += 1
                continue
            case .unknown(let state):
                selection.unknown += 1
                unknownStates.append("\(vm.name) ('\(state)')")
                continue
            }
            let cluster = vm.cluster.isEmpty ? clusterOfHost[vm.host] ?? "" : vm.cluster
            guard known.contains(cluster) else {
                orphans.append(vm.name)
                continue
            }
            selection.vms.append(vm)
            selection.clusters.append(cluster)
        }
        selection.orphans = orphans.count
        if !unknownStates.isEmpty {
            warnings.append("\(Self.count(unknownStates.count, "VM")) with an unknown Powerstate counted as powered off: \(Self.examples(unknownStates))")
        }
        if !orphans.isEmpty {
            warnings.append("\(Self.count(orphans.count, "powered-on VM")) skipped, no imported host in the cluster: \(Self.examples(orphans))")
        }
        renameDuplicates(&selection.vms, what: "VM")
        return selection
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
