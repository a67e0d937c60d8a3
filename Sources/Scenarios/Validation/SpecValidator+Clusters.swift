extension SpecValidator {
    /// Cluster-level checks that need no expansion: names, version, EVC, storage and network lists,
    /// host and VM entries, effective settings, license.
    func checkClusterShapes() {
        let listPath = SpecPath.root.key("clusters")
        require(!spec.clusters.isEmpty, "at least one cluster is needed", at: listPath)
        checkUnique(spec.clusters.map(\.name), what: "cluster", at: listPath)
        let inherited = ClusterSpec.InheritedSettings(vsphereVersion: spec.vsphereVersion, drs: spec.drs, dpm: spec.dpm, vmotion: spec.vmotion, ha: spec.ha)
        if VersionNumber(spec.vsphereVersion) == nil {
            report("vsphere_version must look like 6.7 or 7.0.3 (got '\(spec.vsphereVersion)')", at: SpecPath.root.key("vsphere_version"))
        }
        for (index, cluster) in spec.clusters.enumerated() {
            let path = listPath.index(index)
            checkName(cluster.name, what: "cluster name", at: path.key("name"))
            if cluster.vsphereVersion != spec.vsphereVersion, VersionNumber(cluster.vsphereVersion) == nil {
                report("vsphere_version must look like 6.7 or 7.0.3 (got '\(cluster.vsphereVersion)')", at: path.key("vsphere_version"))
            }
            checkNameList(cluster.datastores, what: "datastore", at: path.key("datastores"))
            checkNameList(cluster.networks, what: "network", at: path.key("networks"))
            checkHostEntries(cluster, at: path)
            checkVMEntries(cluster, at: path)
            checkEVC(cluster, at: path)
            checkDRS(cluster.drs, inherited: inherited.drs, at: path.key("drs"))
            checkDPM(cluster.dpm, inherited: inherited.dpm, at: path.key("dpm"))
            checkVMotion(cluster.vmotion, inherited: inherited.vmotion, at: path.key("vmotion"))
            checkAdmissionControl(cluster.ha, inherited: inherited.ha, at: path.key("ha"))
            if cluster.dpm.enabled, cluster.dpm.automation != .off, !cluster.drs.enabled {
                report("DPM needs DRS: cluster '\(cluster.name)' enables dpm but not drs", at: path.key("dpm").key("enabled"))
            }
            let drsLicensed = cluster.license == .enterprise || cluster.license == .enterprisePlus
            if !drsLicensed, cluster.drs.enabled || cluster.dpm.enabled {
                report("license \(cluster.license.rawValue) does not include DRS/DPM (needs enterprise or enterprise_plus); "
                       + "set drs.enabled and dpm.enabled to false or change the license", at: path.key("license"))
            }
        }
    }

    /// A non-empty list of unique, non-empty names.
    func checkNameList(_ names: [String], what: String, at path: SpecPath) {
        require(!names.isEmpty, "at least one \(what) is needed", at: path)
        var seen = Set<String>()
        for (position, name) in names.enumerated() {
            checkName(name, what: "\(what) name", at: path.index(position))
            if !seen.insert(name).inserted { report("duplicate \(what) '\(name)'", at: path.index(position)) }
        }
    }

    /// Host entries: known profile, `count` or `names`.
    func checkHostEntries(_ cluster: ClusterSpec, at clusterPath: SpecPath) {
        let listPath = clusterPath.key("hosts")
        require(!cluster.hosts.isEmpty, "a cluster needs at least one host entry", at: listPath)
        let profileNames = spec.hostProfiles.map(\.name)
        for (index, entry) in cluster.hosts.enumerated() {
            let path = listPath.index(index)
            if !profileNames.contains(entry.profile) {
                report("unknown host profile '\(entry.profile)'\(KeySuggestion.hint(for: entry.profile, in: profileNames))"
                       + " (defined: \(profileNames.joined(separator: ", ")))", at: path.key("profile"))
            }
            checkCountOrNames(count: entry.count, names: entry.names, minimumCount: 1, what: "hosts", at: path)
            if let datastores = entry.datastores { checkNameList(datastores, what: "datastore", at: path.key("datastores")) }
            if let networks = entry.networks { checkNameList(networks, what: "network", at: path.key("networks")) }
        }
    }

    /// VM entries: known profile, group name, `count` or `names`, churn ranges.
    func checkVMEntries(_ cluster: ClusterSpec, at clusterPath: SpecPath) {
        let listPath = clusterPath.key("vms")
        require(!cluster.vms.isEmpty, "a cluster needs at least one VM entry", at: listPath)
        let profileNames = spec.vmProfiles.map(\.name)
        for (index, entry) in cluster.vms.enumerated() {
            let path = listPath.index(index)
            if !profileNames.contains(entry.profile) {
                report("unknown VM profile '\(entry.profile)'\(KeySuggestion.hint(for: entry.profile, in: profileNames))"
                       + " (defined: \(profileNames.joined(separator: ", ")))", at: path.key("profile"))
            }
            checkName(entry.name, what: "VM group name", at: path.key("name"))
            checkCountOrNames(count: entry.count, names: entry.names, minimumCount: entry.churn == nil ? 1 : 0,
                              what: "VMs", at: path)
            if let churn = entry.churn {
                let churnPath = path.key("churn")
                require(churn.arrivalsPerDay >= 0, "arrivals_per_day must not be negative", at: churnPath.key("arrivals_per_day"))
                if churn.arrivalsPerDay >= 0 {
                    requireRange(churn.arrivalsPerDay, SpecBounds.arrivalsPerDay, "arrivals_per_day", at: churnPath)
                }
                require(churn.lifetimeMean > .zero, "lifetime_mean must be longer than 0s", at: churnPath.key("lifetime_mean"))
                require(churn.lifetimeSigma >= 0, "lifetime_sigma must not be negative", at: churnPath.key("lifetime_sigma"))
                if churn.lifetimeSigma >= 0 { requireRange(churn.lifetimeSigma, SpecBounds.sigma, "lifetime_sigma", at: churnPath) }
            }
        }
    }

    /// Exactly one of `count` and `names`, with a valid count or a non-empty list of valid names.
    func checkCountOrNames(count: Int?, names: [String]?, minimumCount: Int, what: String, at path: SpecPath) {
        switch (count, names) {
        case (nil, nil):
            report("give either count or names", at: path.key("count"))
        case (.some, .some):
            report("give either count or names, not both", at: path.key("names"))
        case (.some(let count), nil):
            require(count >= minimumCount, "count must be at least \(minimumCount) (got \(count))", at: path.key("count"))
        case (nil, .some(let names)):
            require(!names.isEmpty, "names must list at least one of the \(what)", at: path.key("names"))
            for (position, name) in names.enumerated() {
                checkName(name, what: "name", at: path.key("names").index(position))
            }
        }
    }

    /// EVC: a known baseline of the hosts' vendor, not above any host's generation.
    func checkEVC(_ cluster: ClusterSpec, at clusterPath: SpecPath) {
        guard let evc = cluster.evc else { return }
        let path = clusterPath.key("evc")
        guard let vendor = CPUGenerationCatalog.vendor(of: evc) else {
            let all = CPUGenerationCatalog.intel + CPUGenerationCatalog.amd
            report("unknown EVC baseline '\(evc)'\(KeySuggestion.hint(for: evc, in: all)) (valid: \(all.joined(separator: ", ")))",
                   at: path)
            return
        }
        let evcRank = CPUGenerationCatalog.rank(of: evc, vendor: vendor) ?? 0
        for (index, entry) in cluster.hosts.enumerated() {
            guard let profileIndex = spec.hostProfileIndex(named: entry.profile) else { continue }
            let cpu = spec.hostProfiles[profileIndex].cpu
            if cpu.vendor != vendor {
                report("EVC baseline '\(evc)' is \(vendor.rawValue) but host profile '\(entry.profile)' is \(cpu.vendor.rawValue)",
                       at: clusterPath.key("hosts").index(index).key("profile"))
            } else if let rank = CPUGenerationCatalog.rank(of: cpu.generation, vendor: vendor), rank < evcRank {
                report("EVC baseline '\(evc)' is newer than host profile '\(entry.profile)' (\(cpu.generation)); "
                       + "hosts below the baseline cannot join the cluster", at: path)
            }
        }
    }

    /// Refuses absurd sizes before anything is expanded; false when expansion must not happen.
    func checkSizeLimits() -> Bool {
        var hosts = 0
        var vms = 0
        var overflow = false
        for cluster in spec.clusters {
            for entry in cluster.hosts {
                let (sum, over) = hosts.addingReportingOverflow(entry.hostCount)
                hosts = sum
                overflow = overflow || over
            }
            for entry in cluster.vms {
                let (sum, over) = vms.addingReportingOverflow(entry.vmCount)
                vms = sum
                overflow = overflow || over
            }
        }
        // Churn arrivals are VMs too: their expected number over the run counts against the limit.
        let days = spec.duration.seconds / 86_400
        var arrivals = 0.0
        for cluster in spec.clusters {
            for entry in cluster.vms { arrivals += max(0, entry.churn?.arrivalsPerDay ?? 0) * days }
        }
        let path = SpecPath.root.key("clusters")
        if !overflow, vms <= Self.maximumVMs, !(Double(vms) + arrivals <= Double(Self.maximumVMs)) {
            report("the scenario's \(vms.groupedDigits) VMs and about \(Int(min(arrivals, 9e18)).groupedDigits) churn arrivals "
                   + "over \(spec.duration) exceed the \(Self.maximumVMs.groupedDigits)-VM limit; lower arrivals_per_day "
                   + "or duration", at: path)
            return false
        }
        if overflow || vms > Self.maximumVMs {
            report("the scenario has more than \(Self.maximumVMs.groupedDigits) VMs; refusing to expand it", at: path)
        }
        if overflow || hosts > Self.maximumHosts {
            report("the scenario has more than \(Self.maximumHosts.groupedDigits) hosts; refusing to expand it", at: path)
        }
        return !overflow && vms <= Self.maximumVMs && hosts <= Self.maximumHosts
    }
}

/// The names a cluster's checks look up: hosts and VMs after expansion, and their groups.
struct ClusterCatalog {
    let hostNames: Set<String>
    let vmNames: Set<String>
    let hosts: [ResolvedHost]
    let vms: [ResolvedVM]

    init(cluster: ClusterSpec, expanded: EntityExpansion.Cluster) {
        hosts = expanded.hosts
        vms = expanded.vms
        hostNames = Set(expanded.hosts.map(\.name))
        vmNames = Set(expanded.vms.map(\.name))
    }
}
