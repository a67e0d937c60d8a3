import ClusterModel
import Experiments
import SimKernel

/// A small random cluster scenario as plain numbers, so that the property library can generate
/// and shrink it; ``clusterConfig()`` turns it into the model's ``ClusterConfig`` the way
/// Tests/ClusterModelTests/TestClusters.swift builds configurations (no YAML involved).
///
/// Indices that name hosts or VMs are taken modulo the counts, so any shrunk value stays valid.
struct RandomScenario: Sendable, CustomStringConvertible {
    var seed: UInt64
    var hours: Int
    var hosts: [RandomHost]
    var vms: [RandomVM]
    var profiles: [RandomProfile]
    var events: [RandomEvent]
    var rules: [RandomRule]
    var policy: RandomPolicy

    var settings: RunSettings {
        ModelBuilder.defaultSettings(seed: seed, duration: .hours(Int64(hours)), checkInvariants: true)
    }

    var description: String {
        "RandomScenario(seed: \(seed), hours: \(hours),\n  hosts: \(hosts),\n  vms: \(vms),\n  profiles: \(profiles),\n"
            + "  events: \(events),\n  rules: \(rules),\n  policy: \(policy))"
    }
}

/// One host: size, NIC, CPU, storage and network reach, and its state at t = 0.
struct RandomHost: Sendable {
    var cores: Int
    var memoryGB: Int
    var nicGbps: Int
    var amd: Bool
    var generation: Int
    /// Bits 0 and 1: mounts datastore 0 / 1 (0 counts as 1).
    var datastoreMask: Int
    /// Bits 0 and 1: has network label 0 / 1 (0 counts as 1).
    var networkMask: Int
    var vmkernel: Bool
    /// 0 on, 1 standby, 2 maintenance (higher values: on).
    var initial: Int
    var specPower: Bool
}

/// One VM: size, placement constraints, workload profile, CPU and memory reservation.
struct RandomVM: Sendable {
    var vcpus: Int
    var memoryGB: Int
    var datastore: Int
    var network: Int
    var profile: Int
    var reservationPercent: Int
}

/// One stochastic workload profile.
struct RandomProfile: Sendable {
    var cpuMean: Double
    var diurnalAmplitude: Double
    var noiseSigma: Double
    var burstsPerDay: Double
    var dirtyRateMbps: Double
    var wwsFraction: Double
    var growthPerMonth: Double
}

/// One scenario event: `kind` 0 migrate, 1 enter maintenance (timed when `minutes` is set),
/// 2 exit maintenance, 3 fail host (repair after `minutes` when set), 4 repair, 5 power off, 6 power on.
/// It happens at `minute` + `second`, or, when it `follows`, `second` seconds after the previous
/// event and on the previous event's host — so that a host often fails or leaves `on` while a
/// migration into it is copying.
struct RandomEvent: Sendable {
    var kind: Int
    var minute: Int
    var second: Int
    var follows: Bool
    var host: Int
    var vm: Int
    var minutes: Int?
}

/// One DRS rule: `kind` 0 affinity, 1 anti-affinity, 2 VM-host; members are bit masks.
struct RandomRule: Sendable {
    var kind: Int
    var must: Bool
    var runOn: Bool
    var vmMask: Int
    var hostMask: Int
}

/// DRS, DPM, HA, failures, vMotion and a rolling patch window.
struct RandomPolicy: Sendable {
    var drs: Bool
    var drsThreshold: Int
    var drsAutomation: Int
    var dpm: Bool
    var dpmThreshold: Int
    var minHostsOn: Int
    var ha: Bool
    var admissionControl: Bool
    var mtbfHours: Int?
    var repairMinutes: Int
    var sdps: Bool
    var oldVSphere: Bool
    var window: RandomWindow?
}

/// A rolling patch window over the hosts in `hostMask`.
struct RandomWindow: Sendable {
    var startMinute: Int
    var hostsAtOnce: Int
    var patchMinutes: Int
    var hostMask: Int
}

extension RandomScenario {
    /// The model configuration of this scenario.
    func clusterConfig() -> ClusterConfig {
        let hostConfigs = hosts.enumerated().map { i, h in h.config(index: i) }
        let vmConfigs = vms.enumerated().map { i, v in v.config(index: i, profiles: profiles.count) }
        var config = PropertyDefaults.cluster(name: "prop", hosts: hostConfigs, vms: vmConfigs,
                                              workloads: profiles.map(\.profile))
        config.datastoreNames = ["ds0", "ds1"]
        config.networkNames = ["net0", "net1"]
        if policy.oldVSphere { config.vsphereVersion = (5, 0) }
        config.drs = policy.drsConfig(config.drs)
        config.dpm = policy.dpmConfig(config.dpm)
        config.vmotion.sdps = policy.sdps
        config.ha = policy.haConfig(config.ha)
        config.rules = rules.enumerated().compactMap { i, r in r.config(index: i, vms: vms.count, hosts: hosts.count) }
        var previous = (at: SimTime.zero, host: 0)
        config.actions = events.compactMap { e in
            var e = e
            let at: SimTime
            if e.follows {
                at = previous.at + .seconds(Int64(e.second))
                e.host = previous.host
            } else {
                at = .minutes(Int64(e.minute % (hours * 60))) + .seconds(Int64(e.second))
            }
            previous = (at, e.host)
            return e.action(at: at, vms: vms.count, hosts: hosts.count)
        }
        if let w = policy.window {
            let members = (0..<hosts.count).filter { w.hostMask & (1 << $0) != 0 }.map { Int32($0) }
            if !members.isEmpty {
                config.maintenanceWindows = [MaintenanceWindowConfig(
                    start: .minutes(Int64(w.startMinute % (hours * 60))), hostsAtOnce: w.hostsAtOnce,
                    patchTime: .minutes(Int64(w.patchMinutes)), hosts: members)]
            }
        }
        config.failures = FailureConfig(mtbf: policy.mtbfHours.map { .hours(Int64($0)) },
                                        repairTime: .minutes(Int64(policy.repairMinutes)))
        // HA admission control: each policy in turn (derived from the DRS automation draw); the
        // failover hosts policy dedicates host 0.
        if policy.admissionControl {
            config.ha.admissionPolicy = [.clusterResourcePercentage, .slotPolicy, .failoverHosts][policy.drsAutomation % 3]
            if config.ha.admissionPolicy == .failoverHosts { config.ha.failoverHosts = [0] }
        }
        return config
    }
}

extension RandomHost {
    func config(index i: Int) -> HostConfig {
        let power: PowerModel = specPower
            ? .specPower([58.4, 98, 109, 118, 128, 140, 153, 170, 189, 205, 222])
            : .linear(idleW: 100 + Double(cores) * 5, maxW: 250 + Double(cores) * 15)
        var c = ModelBuilder.defaultHost(name: "h\(i)", vendor: amd ? .amd : .intel, generationRank: generation, sockets: 1,
                                         coresPerSocket: cores, coreMHz: 2_400, memoryMB: Double(memoryGB) * 1_024,
                                         vmotionNICGbps: Double(nicGbps), hasVMotionVMkernel: vmkernel,
                                         datastores: Self.members(datastoreMask), networks: Self.members(networkMask), power: power)
        c.initialState = initial == 1 ? .standby : (initial == 2 ? .maintenance : .on)
        return c
    }

    static func members(_ mask: Int) -> [Int32] {
        let m = mask & 3 == 0 ? 1 : mask & 3
        return [0, 1].filter { m & (1 << $0) != 0 }.map { Int32($0) }
    }
}

extension RandomVM {
    func config(index i: Int, profiles: Int) -> VMConfig {
        let mhz = 2_400.0
        // Profile 1's VMs are 4 × larger, so that many clusters overcommit configured memory; the
        // reservation percentage reserves memory too, and a 10 % one also sets a memory limit.
        let memoryMB = Double(memoryGB) * 1_024 * (profile % 2 == 1 ? 4 : 1)
        var vm = ModelBuilder.defaultVM(name: "vm\(i)", vcpus: vcpus, vcpuMHz: mhz, memoryMB: memoryMB,
                                        diskMB: Double(memoryGB) * 4_096, datastore: Int32(datastore % 2), network: Int32(network % 2),
                                        reservationMHz: Double(vcpus) * mhz * Double(reservationPercent) / 100,
                                        workload: Int32(profile % max(1, profiles)))
        vm.memoryReservationMB = memoryMB * Double(reservationPercent) / 100
        if reservationPercent == 10 { vm.memoryLimitMB = memoryMB * 0.6 }
        vm.memorySharesPerMB = [10, 20, 5][i % 3]
        vm.restartPriority = i % 6
        return vm
    }
}

extension RandomProfile {
    var profile: WorkloadProfile {
        // Active memory follows the writable working set; consumed lies between it and all memory.
        ModelBuilder.defaultWorkload(cpuMean: cpuMean, diurnalAmplitude: diurnalAmplitude, noiseSigma: noiseSigma,
                                     burstsPerDay: burstsPerDay, burstFactor: 2, growthPerMonth: growthPerMonth,
                                     activeFraction: wwsFraction, consumedFraction: min(1, wwsFraction + 0.3 + diurnalAmplitude),
                                     memoryNoiseSigma: noiseSigma / 2, dirtyRateMbps: dirtyRateMbps, wwsFraction: wwsFraction)
    }
}

extension RandomEvent {
    func action(at: SimTime, vms: Int, hosts: Int) -> ScheduledAction? {
        let h = Int32(host % hosts)
        let span = minutes.map { SimTime.minutes(Int64($0)) }
        let action: ClusterAction
        switch kind {
        case 0:
            guard vms > 0 else { return nil }
            action = .migrate(vm: Int32(vm % vms), to: h)
        case 1: action = .enterMaintenance(host: h, duration: span)
        case 2: action = .exitMaintenance(host: h)
        case 3: action = .failHost(host: h, repairAfter: span)
        case 4: action = .repairHost(host: h)
        case 5: action = .powerOffHost(host: h)
        default: action = .powerOnHost(host: h)
        }
        return ScheduledAction(at: at, action: action)
    }
}

extension RandomRule {
    func config(index i: Int, vms: Int, hosts: Int) -> RuleConfig? {
        let members = (0..<vms).filter { vmMask & (1 << $0) != 0 }.map { Int32($0) }
        switch kind {
        case 0, 1:
            guard members.count >= 2 else { return nil }
            return RuleConfig(name: "r\(i)", kind: kind == 0 ? .affinity : .antiAffinity, vms: members,
                              hosts: [], mode: must ? .must : .should, relation: .runOn)
        default:
            let group = (0..<hosts).filter { hostMask & (1 << $0) != 0 }.map { Int32($0) }
            guard !members.isEmpty, !group.isEmpty else { return nil }
            return RuleConfig(name: "r\(i)", kind: .vmHost, vms: members, hosts: group, mode: must ? .must : .should,
                              relation: runOn ? .runOn : .notRunOn)
        }
    }
}

/// Model settings at their scenario defaults, taken through the spec layer.
enum PropertyDefaults {
    /// ``ModelBuilder/defaultCluster(name:hosts:vms:workloads:)``; its only failure is a default
    /// `vsphere_version` that does not parse, which no test can recover from.
    static func cluster(name: String, hosts: [HostConfig], vms: [VMConfig], workloads: [WorkloadProfile]) -> ClusterConfig {
        do {
            return try ModelBuilder.defaultCluster(name: name, hosts: hosts, vms: vms, workloads: workloads)
        } catch {
            fatalError("default cluster settings: \(error)")
        }
    }
}

extension RandomPolicy {
    /// `defaults` with this policy's DRS choices.
    func drsConfig(_ defaults: DRSConfig) -> DRSConfig {
        var c = defaults
        c.enabled = drs
        c.threshold = drsThreshold
        c.automation = [DRSAutomation.fullyAutomated, .partiallyAutomated, .manual][drsAutomation % 3]
        return c
    }

    /// `defaults` with this policy's DPM choices.
    func dpmConfig(_ defaults: DPMConfig) -> DPMConfig {
        var c = defaults
        c.enabled = drs && dpm
        c.threshold = dpmThreshold
        c.minHostsOn = minHostsOn
        return c
    }

    /// `defaults` with this policy's HA choices.
    func haConfig(_ defaults: HAConfig) -> HAConfig {
        var c = defaults
        c.enabled = ha
        c.admissionControl = admissionControl
        return c
    }
}
