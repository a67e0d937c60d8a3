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

    /// What makes two VMs share a profile: size and CPU usage bucket (10 percentage points).
    struct VMKey: Hashable, Comparable {
        let vcpus: Int
        let memoryMB: Int
        let bucket: Int

        static func < (a: VMKey, b: VMKey) -> Bool {
            (a.vcpus, a.memoryMB, a.bucket) < (b.vcpus, b.memoryMB, b.bucket)
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

    /// VM profiles (sorted by vCPUs, memory, bucket) and the profile index of each VM.
    func makeVMProfiles(_ vms: [VMRecord], usage: VMUsage) -> ([InventoryPlan.VMProfile], [Int]) {
        let keys = vms.indices.map { index in
            VMKey(vcpus: vms[index].vcpus, memoryMB: Int(vms[index].memoryMB.rounded()),
                  bucket: Int((usage.cpuMean[index] / VMUsage.bucketWidth).rounded()))
        }
        let distinct = Array(Set(keys)).sorted()
        let profiles = distinct.map { key in
            let members = vms.indices.filter { keys[$0] == key }
            let cpuMean = members.map { usage.cpuMean[$0] }.reduce(0, +) / Double(members.count)
            let actives = members.compactMap { usage.activeFraction[$0] }
            let disks = members.compactMap { vms[$0].inUseMB }
            let memory = key.memoryMB % 1024 == 0 ? "\(key.memoryMB / 1024)gb" : "\(key.memoryMB)mb"
            return InventoryPlan.VMProfile(
                name: "\(key.vcpus)vcpu-\(memory)-cpu\(key.bucket * 10)", vcpus: key.vcpus, memoryMB: key.memoryMB,
                cpuMean: max(0.001, (cpuMean * 1000).rounded() / 1000),
                activeFraction: actives.isEmpty ? nil : max(0.01, (actives.reduce(0, +) / Double(actives.count) * 100).rounded() / 100),
                diskGB: disks.isEmpty ? nil : max(1, Int((disks.reduce(0, +) / Double(disks.count) / 1024).rounded(.up))),
                vmCount: members.count)
        }
        return (profiles, keys.map { key in distinct.firstIndex(of: key) ?? 0 })
    }

    /// One cluster: its hosts grouped by profile, its VMs by (profile, datastore, network).
    mutating func makeCluster(_ name: String, hosts: [(offset: Int, element: HostRecord)],
                              vms: [(offset: Int, element: VMRecord)],
                              hostProfiles: [InventoryPlan.HostProfile], hostProfileOf: [Int],
                              vmProfiles: [InventoryPlan.VMProfile], vmProfileOf: [Int],
                              groupNameCounts: inout [String: Int]) -> InventoryPlan.Cluster {
        let hostGroups = Array(Set(hosts.map { hostProfileOf[$0.offset] })).sorted()
            .map { profile in
                InventoryPlan.HostGroup(profile: hostProfiles[profile].name,
                                        names: hosts.filter { hostProfileOf[$0.offset] == profile }.map(\.element.name))
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
            datastores: Self.sortedUnique(vms.map(\.element.datastore).filter { !$0.isEmpty }),
            networks: Self.sortedUnique(vms.map(\.element.network).filter { !$0.isEmpty }),
            drsEnabled: settings?.drsEnabled, drsAutomation: drsAutomation(name, settings?.drsBehavior ?? ""),
            drsThreshold: settings?.drsVmotionRate.map { 6 - $0 }, dpmEnabled: settings?.dpmEnabled,
            haEnabled: settings?.haEnabled, hostGroups: hostGroups, vmGroups: vmGroups)
    }
}
