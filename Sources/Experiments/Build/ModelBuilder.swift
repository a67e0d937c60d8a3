import ClusterModel
import Foundation
import Scenarios
import SimKernel
import Stochastics
import Traces

/// Maps a validated scenario to the runtime configuration of a run: the only place where `Spec`
/// types become model types (STYLE.md). Names are resolved to indices here; traces are loaded
/// through a shared ``TraceLibrary`` so a sweep reads each file once.
public enum ModelBuilder {
    /// Builds the plan of one run. Replication k uses seed `seed + k` (common random numbers).
    public static func plan(
        _ loaded: LoadedScenario, configID: String = "base", replication: Int = 0,
        checkInvariants: Bool = false, traces: TraceLibrary = TraceLibrary()
    ) throws -> RunPlan {
        let spec = loaded.spec
        var settings = RunSettings(
            seed: spec.seed &+ UInt64(replication),
            startUnixSeconds: unixSeconds(spec.start),
            duration: time(spec.duration), sampleInterval: time(spec.sampleInterval), pue: spec.pue,
            checkInvariants: checkInvariants)
        settings.growthOffsetMonths = spec.growthOffsetMonths
        var clusters: [ClusterConfig] = []
        do {
            for rc in loaded.resolved.clusters {
                clusters.append(try cluster(rc, spec: spec, base: loaded.baseDirectory, traces: traces))
            }
        } catch let error as TraceError {
            // A malformed trace is bad input (exit 2), like any other scenario problem.
            throw InputError("bad trace \(error)")
        }
        var plan = RunPlan(scenarioName: spec.name, configID: configID, replication: replication,
                           settings: settings, clusters: clusters, resolvedYAML: try loaded.resolvedYAML())
        plan.tariff = EnergyTariff(pricePerKWh: spec.pricePerKWh, co2GramsPerKWh: spec.co2GramsPerKWh)
        if let trace = spec.co2Trace {
            let url = URL(fileURLWithPath: trace, relativeTo: loaded.baseDirectory).standardizedFileURL
            plan.tariff.co2HourlyGrams = try EnergyTariff.readHourlyCO2(url)
        }
        return plan
    }

    static func time(_ d: DurationValue) -> SimTime { SimTime(microseconds: d.microseconds) }

    /// The `count` hosts of largest CPU capacity (ties: more memory, then the earlier host): the
    /// ones `failed_largest_hosts` fails from t = 0 (docs/planning.md, N+1).
    public static func largestHosts(_ hosts: [HostConfig], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let order = hosts.indices.sorted { a, b in
            let (x, y) = (hosts[a], hosts[b])
            if x.cpuCapacityMHz != y.cpuCapacityMHz { return x.cpuCapacityMHz > y.cpuCapacityMHz }
            if x.memoryMB != y.memoryMB { return x.memoryMB > y.memoryMB }
            return a < b
        }
        return Array(order.prefix(count))
    }

    static func cluster(_ rc: ResolvedCluster, spec: ScenarioSpec, base: URL, traces: TraceLibrary) throws -> ClusterConfig {
        let cs = rc.spec
        var datastores = Interner(), networks = Interner()
        for d in cs.datastores { _ = datastores.id(d) }
        for n in cs.networks { _ = networks.id(n) }

        var hosts: [HostConfig] = rc.hosts.map { h in
            let p = spec.hostProfiles[h.profileIndex]
            let vendor = cpuVendor(p.cpu.vendor)
            return HostConfig(
                name: h.name, vendor: vendor,
                generationRank: CPUGenerationCatalog.rank(of: p.cpu.generation, vendor: p.cpu.vendor) ?? 0,
                sockets: p.cpu.sockets, coresPerSocket: p.cpu.coresPerSocket, coreMHz: Double(p.cpu.mhz),
                memoryMB: Double(p.memoryMB), vmotionNICGbps: p.vmotionNICGbps, hasVMotionVMkernel: p.vmotionVMkernel,
                vmotionVMknics: p.vmotionVMknics, datastores: h.datastores.map { datastores.id($0) },
                networks: h.networks.map { networks.id($0) }, power: powerModel(p.power), standbyW: p.standbyW,
                bootTime: time(p.bootTime), shutdownTime: time(p.shutdownTime))
        }
        for h in largestHosts(hosts, count: spec.failedLargestHosts) { hosts[h].initialState = .failed }

        // One workload per VM profile; a trace workload gets one per VM entry (its own file range).
        var workloads: [WorkloadProfile] = []
        var traceSets: [[UtilizationTrace]] = []
        var traceEnds: [TraceEnd] = []
        var workloadOfProfile: [Int: Int32] = [:]
        var workloadOfEntry: [Int: Int32] = [:]
        var vms: [VMConfig] = []
        var indexInEntry: [Int: Int32] = [:]
        for v in rc.vms {
            let p = spec.vmProfiles[v.profileIndex]
            let w: Int32
            if let trace = p.workload.trace {
                if let known = workloadOfEntry[v.entryIndex] { w = known } else {
                    let count = rc.vms.filter { $0.entryIndex == v.entryIndex }.count
                    let url = URL(fileURLWithPath: trace.path, relativeTo: base).standardizedFileURL
                    let loaded = try traces.traces(format: traceFormat(trace.format), path: url,
                                                   startIndex: trace.startIndex, count: count)
                    traceSets.append(loaded)
                    traceEnds.append(traceEnd(trace.atEnd))
                    var profile = workloadProfile(p.workload)
                    profile.traceSet = Int32(traceSets.count - 1)
                    workloads.append(profile)
                    w = Int32(workloads.count - 1)
                    workloadOfEntry[v.entryIndex] = w
                }
            } else if let known = workloadOfProfile[v.profileIndex] {
                w = known
            } else {
                workloads.append(workloadProfile(p.workload))
                w = Int32(workloads.count - 1)
                workloadOfProfile[v.profileIndex] = w
            }
            let k = indexInEntry[v.entryIndex, default: 0]
            indexInEntry[v.entryIndex] = k + 1
            vms.append(vmConfig(name: v.name, profile: p, vcpuMHz: v.vcpuMHz, datastore: datastores.id(v.datastore),
                                network: networks.id(v.network), workload: w, traceIndex: k))
        }

        // Entries with churn but no static VMs (count 0): the template VMs resolution made.
        var templates: [Int: VMConfig] = [:]
        for t in rc.churnTemplates {
            let profile = spec.vmProfiles[t.profileIndex]
            if workloadOfProfile[t.profileIndex] == nil {
                workloads.append(workloadProfile(profile.workload))
                workloadOfProfile[t.profileIndex] = Int32(workloads.count - 1)
            }
            guard let workload = workloadOfProfile[t.profileIndex] else { continue }
            templates[t.entryIndex] = vmConfig(name: t.name, profile: profile, vcpuMHz: t.vcpuMHz,
                                               datastore: datastores.id(t.datastore), network: networks.id(t.network),
                                               workload: workload, traceIndex: 0)
        }
        let churn = churnConfigs(rc, vms: vms, templates: templates)

        var config = ClusterConfig(
            name: rc.name, index: rc.index, hosts: hosts, vms: vms, workloads: workloads,
            traces: traceSets, traceEnds: traceEnds, datastoreNames: datastores.names, networkNames: networks.names,
            evc: evcBaseline(cs.evc), license: license(cs.license), vsphereVersion: try version(cs.vsphereVersion),
            drs: drsConfig(cs.drs), dpm: dpmConfig(cs.dpm, haEnabled: cs.ha.enabled), vmotion: vmotionConfig(cs.vmotion),
            ha: haConfig(cs.ha), memory: memoryModel(), failures: failureConfig(spec.failures))
        config.vsphereVersionPatch = versionPatch(cs.vsphereVersion)
        config.churn = churn
        let hostIndex = Dictionary(rc.hosts.enumerated().map { ($1.name, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let vmIndex = Dictionary(rc.vms.enumerated().map { ($1.name, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        config.rules = rules(cs, hostIndex: hostIndex, vmIndex: vmIndex)
        config.ha.failoverHosts = cs.ha.admissionControl.failoverHosts.compactMap { hostIndex[$0] }
        config.actions = actions(spec.events, hostIndex: hostIndex, vmIndex: vmIndex, repair: spec.failures?.repairTime)
        config.maintenanceWindows = spec.maintenanceWindows.filter { $0.cluster == rc.name }.map { w in
            MaintenanceWindowConfig(start: time(w.start), hostsAtOnce: w.hostsAtOnce, patchTime: time(w.patchTime),
                                    hosts: w.hosts.map { $0.compactMap { hostIndex[$0] } } ?? (0..<Int32(hosts.count)).map { $0 })
        }
        // The what-if is the cluster after HA restarted the failed hosts' VMs, and HA failover
        // restarts are not subject to admission control (docs/planning.md): placing them with it
        // would judge N+2, not N+1.
        if spec.failedLargestHosts > 0 { config.ha.admissionControl = false }
        return config
    }

    /// Churn (docs/model.md "Workload"): for each VM entry with a `churn` block, its parameters and the VM its
    /// arrivals copy (the entry's first VM: profile, datastore, network). The arrivals themselves
    /// are drawn during the run (ClusterModel's ``ChurnProcess``).
    static func churnConfigs(_ rc: ResolvedCluster, vms: [VMConfig], templates: [Int: VMConfig]) -> [ChurnConfig] {
        rc.spec.vms.enumerated().compactMap { e, entry in
            guard let churn = entry.churn, churn.arrivalsPerDay > 0,
                  let template = rc.vms.firstIndex(where: { $0.entryIndex == e }).map({ vms[$0] })
                    ?? templates[e] else { return nil }
            return ChurnConfig(template: template, namePrefix: entry.name, streamName: "churn/\(rc.name)/\(e)",
                               arrivalsPerDay: churn.arrivalsPerDay, lifetimeMean: time(churn.lifetimeMean),
                               lifetimeSigma: churn.lifetimeSigma)
        }
    }

    static func powerModel(_ p: PowerSpec) -> PowerModel {
        if let table = p.table { return .specPower(table) }
        return .linear(idleW: p.idleW ?? 0, maxW: p.maxW ?? 0)
    }

    static func workloadProfile(_ w: WorkloadSpec) -> WorkloadProfile {
        let cpu = w.cpu ?? CPUWorkloadSpec()
        // An absent block is that term switched off; its other keys keep the spec's defaults.
        let diurnal = cpu.diurnal ?? DiurnalSpec(amplitude: 0)
        let weekly = cpu.weekly ?? WeeklySpec(weekendFactor: 1)
        let noise = cpu.noise ?? NoiseSpec(sigma: 0)
        let bursts = cpu.bursts ?? BurstsSpec(perDay: 0, factor: 1)
        return WorkloadProfile(
            cpuMean: cpu.mean,
            diurnalAmplitude: diurnal.amplitude, diurnalPeakHour: diurnal.peakHour,
            weekendFactor: weekly.weekendFactor,
            noiseSigma: noise.sigma, noiseCorrelationTime: time(noise.correlationTime),
            burstsPerDay: bursts.perDay, burstFactor: bursts.factor,
            burstMeanDuration: time(bursts.duration), growthPerMonth: cpu.growthPerMonth,
            activeFraction: w.memory.activeFraction, consumedFraction: w.memory.consumedFraction, memoryNoiseSigma: w.memory.noiseSigma,
            dirtyRateMbps: w.memory.dirtyRateMbps, wwsFraction: w.memory.wwsFraction)
    }

    static func evcBaseline(_ name: String?) -> (vendor: CPUVendor, rank: Int)? {
        guard let name, let vendor = CPUGenerationCatalog.vendor(of: name),
              let rank = CPUGenerationCatalog.rank(of: name, vendor: vendor) else { return nil }
        return (vendor == .amd ? .amd : .intel, rank)
    }

    static func license(_ l: ClusterSpec.License) -> LicenseEdition {
        switch l {
        case .essentials: .essentials
        case .essentialsPlus: .essentialsPlus
        case .standard: .standard
        case .enterprise: .enterprise
        case .enterprisePlus: .enterprisePlus
        }
    }

    static func cpuVendor(_ v: CPUSpec.Vendor) -> CPUVendor {
        switch v {
        case .intel: .intel
        case .amd: .amd
        }
    }

    static func traceFormat(_ f: TraceSpec.Format) -> TraceFormat {
        switch f {
        case .planetlab: .planetlab
        case .csv: .csv
        }
    }

    static func traceEnd(_ e: TraceSpec.AtEnd) -> TraceEnd {
        switch e {
        case .repeat: .repeat
        case .hold: .hold
        }
    }

    /// The third component of a version (`7.0.2` → 2), 0 when absent.
    static func versionPatch(_ text: String) -> Int {
        let c = VersionNumber(text)?.components ?? []
        return c.count > 2 ? c[2] : 0
    }

    /// (major, minor) of a validated `vsphere_version`; a version that does not parse is bad input.
    static func version(_ text: String) throws -> (major: Int, minor: Int) {
        guard let c = VersionNumber(text)?.components, let major = c.first else {
            throw InputError("vsphere_version '\(text)' is not a version number")
        }
        return (major, c.count > 1 ? c[1] : 0)
    }

    /// The DRS settings of `s`; the advanced options without a scenario key take `DRSSpec`'s
    /// constants. Public so model tests build their defaults through the spec layer.
    public static func drsConfig(_ s: DRSSpec) -> DRSConfig {
        let automation: DRSAutomation = switch s.automation {
        case .manual: .manual
        case .partiallyAutomated: .partiallyAutomated
        case .fullyAutomated: .fullyAutomated
        }
        let algorithm: DRSAlgorithmChoice = switch s.algorithm {
        case .auto: .auto
        case .classic: .classic
        case .score: .score
        }
        return DRSConfig(
            enabled: s.enabled, automation: automation, threshold: s.threshold, period: time(s.period),
            pairwise: s.pairwise, demandWindow: time(s.demandWindow), useDownTime: DRSSpec.useDownTime,
            ignoreDownTimeLessThan: time(DRSSpec.ignoreDownTimeLessThan), minGoodness: DRSSpec.minGoodness,
            maxMovesPerHost: DRSSpec.maxMovesPerHost, algorithm: algorithm, scalableShares: s.scalableShares)
    }

    /// The DPM settings of `s`; `min_hosts_on` defaults by whether HA is enabled.
    public static func dpmConfig(_ s: DPMSpec, haEnabled: Bool) -> DPMConfig {
        let automation: DPMAutomation = switch s.automation {
        case .off: .off
        case .manual: .manual
        case .automatic: .automatic
        }
        return DPMConfig(
            enabled: s.enabled, automation: automation, threshold: s.threshold,
            targetUtilization: s.targetUtilization, tolerance: s.tolerance, historyPowerOn: time(s.historyPowerOn),
            historyPowerOff: time(s.historyPowerOff), minHostsOn: s.effectiveMinHostsOn(haEnabled: haEnabled))
    }

    /// The vMotion settings of `s`.
    public static func vmotionConfig(_ s: VMotionSpec) -> VMotionConfig {
        VMotionConfig(
            switchoverGoal: time(s.switchoverGoal), resumeTime: time(s.resumeTime),
            maxPrecopyRounds: s.maxPrecopyRounds, sdps: s.sdps, nicEfficiency: s.nicEfficiency,
            storageCopyMbps: s.storageCopyMbps, minStreamMbps: s.minStreamMbps)
    }

    /// The HA settings of `s`, without failover hosts (``cluster(_:spec:base:traces:seed:duration:)``
    /// resolves their names to indices).
    public static func haConfig(_ s: HASpec) -> HAConfig {
        let ac = s.admissionControl
        let policy: HAAdmissionPolicy = switch ac.policy {
        case .clusterResourcePercentage: .clusterResourcePercentage
        case .slotPolicy: .slotPolicy
        case .failoverHosts: .failoverHosts
        case .disabled: .disabled
        }
        return HAConfig(
            enabled: s.enabled, restartTime: time(s.restartTime), admissionPolicy: policy,
            hostFailuresToTolerate: ac.hostFailuresToTolerate, cpuPercent: ac.cpuPercent,
            memoryPercent: ac.memoryPercent, failoverHosts: [],
            performanceDegradationTolerated: ac.performanceDegradationTolerated,
            maxConcurrentRestartsPerHost: HASpec.maxConcurrentRestartsPerHost)
    }

    /// A cluster of `hosts` and `vms` whose settings (license, version, DRS, DPM, vMotion, HA,
    /// memory) are those of a cluster spec with no keys given: benchmarks and model tests build
    /// their clusters here, so the defaults stay in the spec layer.
    public static func defaultCluster(name: String, hosts: [HostConfig], vms: [VMConfig],
                                      workloads: [WorkloadProfile]) throws -> ClusterConfig {
        let cs = ClusterSpec(name: name, hosts: [], vms: [])
        return ClusterConfig(
            name: name, hosts: hosts, vms: vms, workloads: workloads, datastoreNames: cs.datastores,
            networkNames: cs.networks, evc: evcBaseline(cs.evc),
            license: license(cs.license), vsphereVersion: try version(cs.vsphereVersion), drs: drsConfig(cs.drs),
            dpm: dpmConfig(cs.dpm, haEnabled: cs.ha.enabled), vmotion: vmotionConfig(cs.vmotion), ha: haConfig(cs.ha),
            memory: memoryModel(), failures: failureConfig(nil))
    }

    /// Random failures of a `failures:` block; without one, none, and `fail_host` events without
    /// `repair_after` are repaired after the block's default `repair_time`.
    public static func failureConfig(_ f: FailuresSpec?) -> FailureConfig {
        guard let f else { return FailureConfig(mtbf: nil, repairTime: time(FailuresSpec().repairTime)) }
        return FailureConfig(mtbf: time(f.hostMTBF), repairTime: time(f.repairTime))
    }

    /// The memory-management parameters (no scenario key; `ClusterSpec.pageSharingSavings`).
    public static func memoryModel() -> MemoryModel {
        MemoryModel(sharingSavings: ClusterSpec.pageSharingSavings)
    }

    static func rules(_ cs: ClusterSpec, hostIndex: [String: Int32], vmIndex: [String: Int32]) -> [RuleConfig] {
        cs.rules.enumerated().map { i, r in
            let vmNames = r.vms ?? r.vmGroup.flatMap { cs.vmGroups.members(of: $0) } ?? []
            let hostNames = r.hostGroup.flatMap { cs.hostGroups.members(of: $0) } ?? []
            let kind: RuleConfig.Kind = switch r.kind {
            case .affinity: .affinity
            case .antiAffinity: .antiAffinity
            case .vmHost: .vmHost
            }
            let mode: RuleConfig.Mode = switch r.mode {
            case .must: .must
            case .should: .should
            }
            // Only VM-host rules have a relation (`RuleSpec` gives them `run_on` when absent).
            let relation: RuleConfig.Relation = switch r.relation {
            case .runOn, nil: .runOn
            case .notRunOn: .notRunOn
            }
            return RuleConfig(name: r.name.isEmpty ? "rule-\(i + 1)" : r.name, kind: kind,
                              vms: vmNames.compactMap { vmIndex[$0] }, hosts: hostNames.compactMap { hostIndex[$0] },
                              mode: mode, relation: relation)
        }
    }

    /// The scenario events that name this cluster's VMs or hosts, in file order.
    static func actions(_ events: [EventSpec], hostIndex: [String: Int32], vmIndex: [String: Int32],
                        repair: DurationValue?) -> [ScheduledAction] {
        events.compactMap { e in
            let at = time(e.at)
            let host = e.host.flatMap { hostIndex[$0] }
            switch e.action {
            case .migrate:
                guard let v = e.vm.flatMap({ vmIndex[$0] }), let to = e.to.flatMap({ hostIndex[$0] }) else { return nil }
                return ScheduledAction(at: at, action: .migrate(vm: v, to: to))
            case .enterMaintenance:
                return host.map { ScheduledAction(at: at, action: .enterMaintenance(host: $0, duration: e.forDuration.map(time))) }
            case .exitMaintenance:
                return host.map { ScheduledAction(at: at, action: .exitMaintenance(host: $0)) }
            case .failHost:
                return host.map { ScheduledAction(at: at, action: .failHost(host: $0, repairAfter: (e.repairAfter ?? repair).map(time))) }
            case .repairHost:
                return host.map { ScheduledAction(at: at, action: .repairHost(host: $0)) }
            case .powerOnHost:
                return host.map { ScheduledAction(at: at, action: .powerOnHost(host: $0)) }
            case .powerOffHost:
                return host.map { ScheduledAction(at: at, action: .powerOffHost(host: $0)) }
            }
        }
    }
}

/// Assigns dense ids to names in order of first appearance.
struct Interner {
    private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]
    mutating func id(_ name: String) -> Int32 {
        if let i = ids[name] { return i }
        names.append(name)
        ids[name] = Int32(names.count - 1)
        return Int32(names.count - 1)
    }
}

extension ModelBuilder {
    /// The VM a profile makes (static VMs and churn templates alike): its size, shares, priority,
    /// CPU and memory controls, the 6.7 overhead table's value, and its guest boot time.
    static func vmConfig(name: String, profile p: VMProfileSpec, vcpuMHz: Int, datastore: Int32, network: Int32,
                         workload: Int32, traceIndex: Int32) -> VMConfig {
        var vm = VMConfig(
            name: name, vcpus: p.vcpus, vcpuMHz: Double(vcpuMHz), memoryMB: Double(p.memoryMB),
            diskMB: p.diskGB * 1_024, datastore: datastore, network: network,
            sharesPerVCPU: Double(p.shares.perVCPU), memorySharesPerMB: Double(p.memoryShares.perMB),
            restartPriority: p.restartPriority.rank,
            overheadMB: VMMemoryOverhead.overheadMB(memoryMB: Double(p.memoryMB), vcpus: p.vcpus),
            reservationMHz: Double(p.reservationMHz),
            limitMHz: p.limitMHz.map(Double.init) ?? .infinity, workload: workload, traceIndex: traceIndex).withMemoryControls(of: p)
        vm.bootTime = time(p.bootTime)
        return vm
    }
}

extension VMConfig {
    /// This VM with the memory reservation and limit of `profile`.
    func withMemoryControls(of profile: VMProfileSpec) -> VMConfig {
        var vm = self
        vm.memoryReservationMB = min(profile.memoryReservationMB, memoryMB)
        vm.memoryLimitMB = profile.memoryLimitMB ?? .infinity
        return vm
    }
}
