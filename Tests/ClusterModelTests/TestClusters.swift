import ClusterModel
import Experiments
import Scenarios
import SimKernel

/// Small cluster configurations for model tests.
enum TestClusters {
    static func host(_ i: Int, cores: Int = 16, mhz: Double = 2000, memoryGB: Double = 256,
                     power: PowerModel = .linear(idleW: 100, maxW: 300)) -> HostConfig {
        ModelBuilder.defaultHost(name: "h\(i)", vendor: .intel, generationRank: 10, sockets: 1, coresPerSocket: cores,
                                 coreMHz: mhz, memoryMB: memoryGB * 1024, datastores: [0], networks: [0], power: power)
    }

    static func vm(_ name: String, vcpus: Int = 2, mhz: Double = 2000, memoryGB: Double = 8, workload: Int32 = 0) -> VMConfig {
        ModelBuilder.defaultVM(name: name, vcpus: vcpus, vcpuMHz: mhz, memoryMB: memoryGB * 1024, workload: workload)
    }

    /// A rolling patch window over `hosts` with the scenario defaults of `hosts_at_once` and
    /// `patch_time` (``MaintenanceWindowSpec``).
    static func window(start: SimTime, hosts: [Int32]) -> MaintenanceWindowConfig {
        let spec = MaintenanceWindowSpec(cluster: "c", start: .zero)
        return MaintenanceWindowConfig(start: start, hostsAtOnce: spec.hostsAtOnce,
                                       patchTime: SimTime(microseconds: spec.patchTime.microseconds), hosts: hosts)
    }

    /// A cluster with every setting at its scenario default (through the spec layer,
    /// ``ModelBuilder/defaultCluster(name:hosts:vms:workloads:)``) except DRS, which is off.
    static func cluster(hosts: Int, vms: [VMConfig], workloads: [WorkloadProfile],
                        power: PowerModel = .linear(idleW: 100, maxW: 300)) -> ClusterConfig {
        var config = defaults(name: "c", hosts: (0..<hosts).map { host($0, power: power) }, vms: vms,
                              workloads: workloads)
        config.drs.enabled = false
        return config
    }

    /// ``ModelBuilder/defaultCluster(name:hosts:vms:workloads:)``; its only failure is a default
    /// `vsphere_version` that does not parse, which no test can recover from.
    static func defaults(name: String, hosts: [HostConfig], vms: [VMConfig], workloads: [WorkloadProfile]) -> ClusterConfig {
        do {
            return try ModelBuilder.defaultCluster(name: name, hosts: hosts, vms: vms, workloads: workloads)
        } catch {
            fatalError("default cluster settings: \(error)")
        }
    }

    /// Runs `config` sample by sample, calling `observe` after each sample with the runtime.
    static func run(_ config: ClusterConfig, settings: RunSettings,
                    observe: (ClusterRuntime, SimTime) -> Void = { _, _ in }) -> (ClusterSummary, CollectingRecorder) {
        let rec = CollectingRecorder()
        let rt = ClusterRuntime(config: config, settings: settings, recorder: rec)
        rt.start()
        var t = SimTime.zero
        while t < settings.duration {
            rt.advance(until: t)
            observe(rt, t)
            t = t + settings.sampleInterval
        }
        return (rt.finish(), rec)
    }
}
