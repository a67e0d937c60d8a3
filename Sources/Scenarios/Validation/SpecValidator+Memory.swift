extension SpecValidator {
    /// HA admission control settings (see ``checkDRS(_:inherited:at:)`` for `inherited`).
    func checkAdmissionControl(_ ha: HASpec, inherited: HASpec?, at haPath: SpecPath) {
        let ac = ha.admissionControl
        let base = inherited?.admissionControl
        func own<V: Equatable>(_ key: KeyPath<AdmissionControlSpec, V>) -> Bool { base.map { $0[keyPath: key] != ac[keyPath: key] } ?? true }
        let path = haPath.key("admission_control")
        if own(\.hostFailuresToTolerate) {
            require(ac.hostFailuresToTolerate >= 1, "host_failures_to_tolerate must be at least 1 (got \(ac.hostFailuresToTolerate))",
                    at: path.key("host_failures_to_tolerate"))
        }
        for (key, value) in [("cpu_percent", ac.cpuPercent), ("memory_percent", ac.memoryPercent)] {
            guard let value, own(key == "cpu_percent" ? \.cpuPercent : \.memoryPercent) else { continue }
            require((0...100).contains(value), "\(key) must be between 0 and 100 (got \(Self.show(value)))", at: path.key(key))
        }
        if own(\.performanceDegradationTolerated) {
            require((0...1).contains(ac.performanceDegradationTolerated),
                    "performance_degradation_tolerated must be between 0 and 1 (got \(Self.show(ac.performanceDegradationTolerated)))",
                    at: path.key("performance_degradation_tolerated"))
        }
        if own(\.policy) || own(\.failoverHosts) {
            if ac.policy != .failoverHosts, !ac.failoverHosts.isEmpty {
                report("failover_hosts is only used with policy failover_hosts (policy is \(ac.policy.rawValue))",
                       at: path.key("failover_hosts"))
            }
            if ac.policy != .clusterResourcePercentage, ac.cpuPercent != nil || ac.memoryPercent != nil {
                report("cpu_percent and memory_percent are only used with policy cluster_resource_percentage "
                       + "(policy is \(ac.policy.rawValue))", at: path.key(ac.cpuPercent != nil ? "cpu_percent" : "memory_percent"))
            }
        }
    }

    /// A cluster's HA admission control against its hosts: failover hosts that exist, and fewer
    /// host failures to tolerate than hosts.
    func checkClusterAdmissionControl(_ cluster: ClusterSpec, catalog: ClusterCatalog, at clusterPath: SpecPath) {
        let ac = cluster.ha.admissionControl
        let ownFailoverHosts = ac.failoverHosts != spec.ha.admissionControl.failoverHosts || ac.policy != spec.ha.admissionControl.policy
        let acPath = (ownFailoverHosts ? clusterPath.key("ha") : SpecPath.root.key("ha")).key("admission_control")
        guard cluster.ha.enabled else { return }
        switch ac.policy {
        case .failoverHosts:
            guard !ac.failoverHosts.isEmpty else {
                report("policy failover_hosts needs a non-empty failover_hosts list (cluster '\(cluster.name)')",
                       at: acPath.key("failover_hosts"))
                return
            }
            for (position, name) in ac.failoverHosts.enumerated() {
                checkKnown(name, in: catalog.hostNames, what: "failover host", cluster: cluster.name,
                           at: acPath.key("failover_hosts").index(position))
            }
            if Set(ac.failoverHosts).isSuperset(of: catalog.hostNames) {
                report("every host of cluster '\(cluster.name)' is a failover host: no host is left to run VMs",
                       at: acPath.key("failover_hosts"))
            }
        case .clusterResourcePercentage, .slotPolicy:
            let hosts = catalog.hosts.count
            if hosts > 0, ac.hostFailuresToTolerate >= hosts {
                let own = ac.hostFailuresToTolerate != spec.ha.admissionControl.hostFailuresToTolerate
                report("host_failures_to_tolerate (\(ac.hostFailuresToTolerate)) must be below the number of hosts of cluster "
                       + "'\(cluster.name)' (\(hosts))",
                       at: (own ? clusterPath.key("ha") : SpecPath.root.key("ha")).key("admission_control").key("host_failures_to_tolerate"))
            }
        case .disabled:
            break
        }
    }

    /// Reservations that can never be admitted: one VM whose CPU or memory reservation (+ overhead)
    /// exceeds every host, or a cluster whose VMs reserve more than all its hosts hold together.
    func checkReservations(_ cluster: ClusterSpec, at clusterPath: SpecPath) {
        var hostMemoryMB = 0.0
        var hostCPUMHz = 0.0
        var largestMemoryMB = 0.0
        var largestCPUMHz = 0.0
        for entry in cluster.hosts where entry.hostCount > 0 {
            guard let index = spec.hostProfileIndex(named: entry.profile) else { return }
            let profile = spec.hostProfiles[index]
            let memory = Double(profile.memoryMB)
            let cpu = Double(max(0, profile.cpu.capacityMHz))
            hostMemoryMB += memory * Double(entry.hostCount)
            hostCPUMHz += cpu * Double(entry.hostCount)
            largestMemoryMB = max(largestMemoryMB, memory)
            largestCPUMHz = max(largestCPUMHz, cpu)
        }
        guard hostMemoryMB > 0, hostCPUMHz > 0 else { return }
        var memoryMB = 0.0
        var cpuMHz = 0.0
        for (index, entry) in cluster.vms.enumerated() {
            guard let profileIndex = spec.vmProfileIndex(named: entry.profile) else { continue }
            let vm = spec.vmProfiles[profileIndex]
            guard vm.vcpus >= 1, vm.memoryGB > 0 else { continue }
            let memory = vm.memoryReservationMB + VMMemoryOverhead.overheadMB(memoryMB: Double(vm.memoryMB), vcpus: vm.vcpus)
            let cpu = Double(max(0, vm.reservationMHz))
            let path = clusterPath.key("vms").index(index).key("profile")
            if memory > largestMemoryMB {
                report("VM profile '\(vm.name)' needs \(Self.show(memory.rounded())) MB of memory reservation + overhead, more than "
                       + "any host of cluster '\(cluster.name)' has (\(Self.show(largestMemoryMB)) MB): it can never be admitted", at: path)
            }
            if cpu > largestCPUMHz {
                report("VM profile '\(vm.name)' reserves \(Self.show(cpu)) MHz, more than any host of cluster '\(cluster.name)' "
                       + "has (\(Self.show(largestCPUMHz)) MHz): it can never be admitted", at: path)
            }
            memoryMB += memory * Double(entry.vmCount)
            cpuMHz += cpu * Double(entry.vmCount)
        }
        let path = clusterPath.key("vms")
        if memoryMB > hostMemoryMB {
            report("the VMs of cluster '\(cluster.name)' need \(Self.show(memoryMB.rounded())) MB of memory reservations + overheads, "
                   + "more than all its hosts have (\(Self.show(hostMemoryMB)) MB): they can never all be admitted", at: path)
        }
        if cpuMHz > hostCPUMHz {
            report("the VMs of cluster '\(cluster.name)' reserve \(Self.show(cpuMHz)) MHz, more than all its hosts have "
                   + "(\(Self.show(hostCPUMHz)) MHz): they can never all be admitted", at: path)
        }
    }
}
