import Foundation

extension InventoryPlanner {
    /// What makes two hosts identical for the simulator.
    struct HostKey: Hashable, Comparable {
        let vendor: String
        let generationIndex: Int
        let generation: String
        let sockets: Int
        let coresPerSocket: Int
        let mhz: Int
        let memoryGB: Int

        static func < (a: HostKey, b: HostKey) -> Bool {
            (a.vendor, a.generationIndex, a.sockets, a.coresPerSocket, a.mhz, a.memoryGB)
                < (b.vendor, b.generationIndex, b.sockets, b.coresPerSocket, b.mhz, b.memoryGB)
        }
    }

    /// What makes two VMs share a profile: size, resource controls and CPU usage band.
    struct VMKey: Hashable, Comparable {
        let vcpus: Int
        let memoryMB: Int
        let settings: VMSettings
        let band: Int

        static func < (a: VMKey, b: VMKey) -> Bool {
            if a.numbers != b.numbers { return a.numbers.lexicographicallyPrecedes(b.numbers) }
            return a.texts.lexicographicallyPrecedes(b.texts)
        }

        private var numbers: [Int] {
            [vcpus, memoryMB, band, settings.cpuReservationMHz, settings.cpuLimitMHz ?? -1,
             settings.memoryReservationMB, settings.memoryLimitMB ?? -1]
        }

        private var texts: [String] {
            [settings.cpuShares, settings.memoryShares, settings.restartPriority]
        }
    }

    /// Host profiles (sorted by vendor, generation, sizes) and the profile index of each host.
    mutating func makeHostProfiles(_ hosts: [HostRecord]) -> ([InventoryPlan.HostProfile], [Int]) {
        var keys: [HostKey] = []
        var notes: [String: String] = [:]
        for host in hosts {
            let cpu = CPUModelCatalog.classify(host.cpuModel)
            let generations = cpu.vendor == "amd" ? CPUModelCatalog.amdGenerations : CPUModelCatalog.intelGenerations
            let key = HostKey(vendor: cpu.vendor, generationIndex: generations.firstIndex(of: cpu.generation) ?? 0,
                              generation: cpu.generation, sockets: host.sockets, coresPerSocket: host.coresPerSocket,
                              mhz: host.mhz, memoryGB: Int((host.memoryMB / 1024).rounded()))
            keys.append(key)
            if let note = cpu.note, notes[host.cpuModel] == nil {
                notes[host.cpuModel] = note
                warnings.append("CPU model '\(host.cpuModel)': \(note) (\(cpu.vendor) \(cpu.generation)); edit its host profile")
            }
        }
        let distinct = Array(Set(keys)).sorted()
        let profiles = distinct.map { key in
            let members = hosts.indices.filter { keys[$0] == key }
            let models = Self.sortedUnique(members.map { hosts[$0].cpuModel })
            let power = PowerEstimate.linear(totalCores: key.sockets * key.coresPerSocket, generation: key.generation)
            let modelNotes = models.compactMap { notes[$0] }
            return InventoryPlan.HostProfile(
                name: "\(key.generation)-\(key.sockets)x\(key.coresPerSocket)c-\(key.mhz)mhz-\(key.memoryGB)gb",
                vendor: key.vendor, generation: key.generation, sockets: key.sockets,
                coresPerSocket: key.coresPerSocket, mhz: key.mhz, memoryGB: key.memoryGB,
                idleW: power.idleW, maxW: power.maxW, models: models, note: modelNotes.first, hostCount: members.count)
        }
        let profileOf = keys.map { key in distinct.firstIndex(of: key) ?? 0 }
        return (profiles, profileOf)
    }

    /// VM profiles (sorted by vCPUs, memory, band, settings) and the profile index of each VM.
    func makeVMProfiles(_ vms: [VMRecord], usage: VMUsage, settings: [VMSettings]) -> ([InventoryPlan.VMProfile], [Int]) {
        let keys = vms.indices.map { index in
            VMKey(vcpus: vms[index].vcpus, memoryMB: Int(vms[index].memoryMB.rounded()), settings: settings[index],
                  band: VMUsage.band(usage.cpuMean[index]))
        }
        let distinct = Array(Set(keys)).sorted()
        var position: [VMKey: Int] = [:]
        for (index, key) in distinct.enumerated() { position[key] = index }
        var members = [[Int]](repeating: [], count: distinct.count)
        for (vm, key) in keys.enumerated() { members[position[key] ?? 0].append(vm) }
        var taken: Set<String> = []
        let profiles = distinct.indices.map { index in
            let key = distinct[index]
            let group = members[index]
            let cpuMean = group.map { usage.cpuMean[$0] }.reduce(0, +) / Double(group.count)
            let actives = group.compactMap { usage.activeFraction[$0] }
            let consumed = group.compactMap { usage.consumedFraction[$0] }
            let disks = group.compactMap { vms[$0].inUseMB }
            var name = Self.profileName(key)
            if taken.contains(name) {
                var suffix = 2
                while taken.contains("\(name)-\(suffix)") { suffix += 1 }
                name = "\(name)-\(suffix)"
            }
            taken.insert(name)
            return InventoryPlan.VMProfile(
                name: name, vcpus: key.vcpus, memoryMB: key.memoryMB, settings: key.settings,
                cpuMean: max(0.001, (cpuMean * 1000).rounded() / 1000),
                activeFraction: Self.meanFraction(actives),
                consumedFraction: Self.meanFraction(consumed),
                diskGB: disks.isEmpty ? nil : max(1, Int((disks.reduce(0, +) / Double(disks.count) / 1024).rounded(.up))),
                vmCount: group.count)
        }
        return (profiles, keys.map { position[$0] ?? 0 })
    }

    /// The mean of `fractions` to two decimals (at least 0.01), or `nil` when empty.
    static func meanFraction(_ fractions: [Double]) -> Double? {
        guard !fractions.isEmpty else { return nil }
        return max(0.01, (fractions.reduce(0, +) / Double(fractions.count) * 100).rounded() / 100)
    }

    /// `4vcpu-16gb-cpu15-30`, then a tag per resource control that differs from vSphere's
    /// default: `-cres2000` (CPU reservation, MHz), `-clim4000`, `-cshigh`, `-mres8gb`, `-mlim4gb`,
    /// `-mslow`, `-rphigh` (HA restart priority).
    static func profileName(_ key: VMKey) -> String {
        var name = "\(key.vcpus)vcpu-\(memoryLabel(key.memoryMB))-\(VMUsage.bandName(key.band))"
        let s = key.settings
        if s.cpuReservationMHz > 0 { name += "-cres\(s.cpuReservationMHz)" }
        if let limit = s.cpuLimitMHz { name += "-clim\(limit)" }
        if s.cpuShares != "normal" { name += "-cs\(s.cpuShares)" }
        if s.memoryReservationMB > 0 { name += "-mres\(memoryLabel(s.memoryReservationMB))" }
        if let limit = s.memoryLimitMB { name += "-mlim\(memoryLabel(limit))" }
        if s.memoryShares != "normal" { name += "-ms\(s.memoryShares)" }
        if !s.restartPriority.isEmpty { name += "-rp\(s.restartPriority)" }
        return name
    }

    /// `16gb` for whole GiB, else `1536mb`.
    static func memoryLabel(_ mb: Int) -> String {
        mb % 1024 == 0 ? "\(mb / 1024)gb" : "\(mb)mb"
    }

    /// One cluster: its hosts grouped by profile, its VMs by (profile, datastore, network).
    mutating func makeCluster(_ name: String, hosts: [(offset: Int, element: HostRecord)],
                              vms: [(offset: Int, element: VMRecord)],
                              hostProfiles: [InventoryPlan.HostProfile], hostProfileOf: [Int], mounts: [Set<String>]?,
                              vmProfiles: [InventoryPlan.VMProfile], vmProfileOf: [Int],
                              groupNameCounts: inout [String: Int]) -> InventoryPlan.Cluster {
        let clusterDatastores = Self.sortedUnique(vms.map(\.element.datastore).filter { !$0.isEmpty })
        let hostDatastores = hostDatastoreLists(name, hosts: hosts, clusterDatastores: clusterDatastores, mounts: mounts)
        struct HostGroupKey: Hashable { let profile: Int, datastores: [String]? }
        var hostKeys: [HostGroupKey] = []
        for (position, host) in hosts.enumerated() {
            let key = HostGroupKey(profile: hostProfileOf[host.offset], datastores: hostDatastores[position])
            if !hostKeys.contains(key) { hostKeys.append(key) }
        }
        hostKeys.sort { a, b in
            if a.profile != b.profile { return a.profile < b.profile }
            return (a.datastores ?? []).lexicographicallyPrecedes(b.datastores ?? [], by: Self.bytewise)
        }
        let hostGroups = hostKeys.map { key in
            InventoryPlan.HostGroup(profile: hostProfiles[key.profile].name, datastores: key.datastores,
                                    names: hosts.enumerated().filter {
                                        hostProfileOf[$0.element.offset] == key.profile && hostDatastores[$0.offset] == key.datastores
                                    }.map(\.element.element.name))
        }
        struct GroupKey: Hashable { let profile: Int, datastore: String, network: String }
        var groupKeys: [GroupKey] = []
        for vm in vms {
            let key = GroupKey(profile: vmProfileOf[vm.offset], datastore: vm.element.datastore, network: vm.element.network)
            if !groupKeys.contains(key) { groupKeys.append(key) }
        }
        groupKeys.sort { a, b in
            if a.profile != b.profile { return a.profile < b.profile }
            if a.datastore != b.datastore { return Self.bytewise(a.datastore, b.datastore) }
            return Self.bytewise(a.network, b.network)
        }
        let vmGroups = groupKeys.map { key in
            let profile = vmProfiles[key.profile].name
            let count = (groupNameCounts[profile] ?? 0) + 1
            groupNameCounts[profile] = count
            let members = vms.filter {
                vmProfileOf[$0.offset] == key.profile && $0.element.datastore == key.datastore && $0.element.network == key.network
            }
            return InventoryPlan.VMGroup(name: count == 1 ? profile : "\(profile)-\(count)", profile: profile,
                                         datastore: key.datastore, network: key.network, names: members.map(\.element.name))
        }
        let settings = clusterSettings.first { $0.name == name }
        if settings == nil, !clusterSettings.isEmpty {
            warnings.append("cluster '\(name)' is not in the vCluster file: scenario defaults for DRS, DPM and HA")
        }
        return InventoryPlan.Cluster(
            name: name, vsphereVersion: Self.oldestVersion(hosts.map(\.element.esxVersion)),
            evc: evcGeneration(name, hosts.map(\.element.currentEVC)),
            datastores: clusterDatastores,
            networks: Self.sortedUnique(vms.map(\.element.network).filter { !$0.isEmpty }),
            drsEnabled: settings?.drsEnabled, drsAutomation: drsAutomation(name, settings?.drsBehavior ?? ""),
            drsThreshold: settings?.drsVmotionRate.map { 6 - $0 }, dpmEnabled: settings?.dpmEnabled,
            dpmAutomation: dpmAutomation(name, settings?.dpmBehavior ?? ""),
            haEnabled: settings?.haEnabled, admissionControl: admissionControl(name, settings, hosts: hosts.count),
            hostFailuresToTolerate: failuresToTolerate(name, settings, hosts: hosts.count),
            hostGroups: hostGroups, vmGroups: vmGroups)
    }
}

/// A rough linear power model for a host known only by its core count and CPU generation.
///
/// `max_w = 100 W + 9 W × physical cores`; `idle_w = 33 %` of that for power-managed CPUs
/// (Nehalem / K10 and later: deep C-states), `70 %` for older ones (merom, penryn, rev_e, rev_f).
/// Checked against the SPECpower figures in docs/model.md "Power and energy" and the demo's r650: 2 × 24-core Ice
/// Lake → 176/532 W (demo 180/520); IBM x3550 M3, 12 Westmere cores → 69/208 W (SPECpower
/// 58–66/222–247); HP ML110 G4, 2 Merom cores → 83/118 W (SPECpower 86/117). Good to ±20 %;
/// replace with measured or SPECpower values when you have them.
enum PowerEstimate {
    /// The estimated (idle, max) watts.
    static func linear(totalCores: Int, generation: String) -> (idleW: Int, maxW: Int) {
        let maxW = 100 + 9 * Double(totalCores)
        let idleFraction = ["merom", "penryn", "rev_e", "rev_f"].contains(generation) ? 0.70 : 0.33
        return (Int((maxW * idleFraction).rounded()), Int(maxW.rounded()))
    }
}
