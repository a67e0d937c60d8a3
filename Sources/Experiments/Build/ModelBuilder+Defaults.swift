import ClusterModel
import Scenarios
import SimKernel

/// Hosts, VMs, workloads and run settings at the scenario defaults, for benchmarks and model tests
/// that build configurations by hand. The model's `*Config` types hold neutral values only; every
/// documented default (docs/scenario-format.md) comes from the spec layer through these, so it has
/// one home.
extension ModelBuilder {
    /// A host profile with only its required keys given: its other fields are the documented defaults.
    public static let hostProfileDefaults = HostProfileSpec(
        name: "defaults", cpu: CPUSpec(sockets: 1, coresPerSocket: 1, mhz: 1), memoryGB: 1, power: .linear(idleW: 0, maxW: 0))

    /// A VM profile with only its required keys given: its other fields are the documented defaults.
    public static let vmProfileDefaults = VMProfileSpec(name: "defaults", vcpus: 1, memoryGB: 1)

    /// A scenario with only its required keys given: its other fields are the documented defaults.
    public static let scenarioDefaults = ScenarioSpec(
        name: "defaults", duration: .zero, hostProfiles: [], vmProfiles: [], clusters: [])

    /// The workload of a profile whose `workload:` block gives only `cpu: {mean: 0}` and
    /// `memory: {dirty_rate_mbps: 0}`: every optional CPU term off (absent blocks), no page
    /// dirtying, and the documented values of the switched-off terms' other keys (peak hour,
    /// correlation time, burst duration) and of the memory fractions.
    public static let workloadDefaults = workloadProfile(
        WorkloadSpec(cpu: CPUWorkloadSpec(mean: 0), memory: MemoryWorkloadSpec(dirtyRateMbps: 0)))

    /// A host whose optional settings (vMotion NIC and VMkernel, standby power, boot and shutdown
    /// times) are the documented defaults unless given.
    public static func defaultHost(
        name: String, vendor: CPUVendor, generationRank: Int, sockets: Int, coresPerSocket: Int, coreMHz: Double,
        memoryMB: Double, vmotionNICGbps: Double = hostProfileDefaults.vmotionNICGbps,
        hasVMotionVMkernel: Bool = hostProfileDefaults.vmotionVMkernel, datastores: [Int32], networks: [Int32],
        power: PowerModel
    ) -> HostConfig {
        let p = hostProfileDefaults
        return HostConfig(
            name: name, vendor: vendor, generationRank: generationRank, sockets: sockets, coresPerSocket: coresPerSocket,
            coreMHz: coreMHz, memoryMB: memoryMB, vmotionNICGbps: vmotionNICGbps, hasVMotionVMkernel: hasVMotionVMkernel,
            vmotionVMknics: p.vmotionVMknics, datastores: datastores, networks: networks, power: power,
            standbyW: p.standbyW, bootTime: time(p.bootTime), shutdownTime: time(p.shutdownTime))
    }

    /// A VM whose disk, CPU and memory shares and HA restart priority are the documented defaults
    /// unless given (its memory overhead stays ``VMConfig``'s fit; the builder sets the table's).
    public static func defaultVM(
        name: String, vcpus: Int, vcpuMHz: Double, memoryMB: Double,
        diskMB: Double = vmProfileDefaults.diskGB * 1_024, datastore: Int32 = 0, network: Int32 = 0,
        reservationMHz: Double = 0, workload: Int32
    ) -> VMConfig {
        let p = vmProfileDefaults
        return VMConfig(
            name: name, vcpus: vcpus, vcpuMHz: vcpuMHz, memoryMB: memoryMB, diskMB: diskMB, datastore: datastore,
            network: network, sharesPerVCPU: Double(p.shares.perVCPU), memorySharesPerMB: Double(p.memoryShares.perMB),
            restartPriority: p.restartPriority.rank, overheadMB: VMMemoryOverhead.overheadMB(memoryMB: memoryMB, vcpus: vcpus),
            reservationMHz: reservationMHz, workload: workload)
    }

    /// A workload with the given terms and ``workloadDefaults`` for the rest.
    public static func defaultWorkload(
        cpuMean: Double, diurnalAmplitude: Double = 0, diurnalPeakHour: Double = workloadDefaults.diurnalPeakHour,
        weekendFactor: Double = 1, noiseSigma: Double = 0,
        noiseCorrelationTime: SimTime = workloadDefaults.noiseCorrelationTime, burstsPerDay: Double = 0,
        burstFactor: Double = 1, burstMeanDuration: SimTime = workloadDefaults.burstMeanDuration,
        growthPerMonth: Double = 0, activeFraction: Double = workloadDefaults.activeFraction,
        consumedFraction: Double = workloadDefaults.consumedFraction, memoryNoiseSigma: Double = 0,
        dirtyRateMbps: Double = 0,
        wwsFraction: Double = workloadDefaults.wwsFraction
    ) -> WorkloadProfile {
        WorkloadProfile(
            cpuMean: cpuMean, diurnalAmplitude: diurnalAmplitude, diurnalPeakHour: diurnalPeakHour,
            weekendFactor: weekendFactor, noiseSigma: noiseSigma, noiseCorrelationTime: noiseCorrelationTime,
            burstsPerDay: burstsPerDay, burstFactor: burstFactor, burstMeanDuration: burstMeanDuration,
            growthPerMonth: growthPerMonth, activeFraction: activeFraction, consumedFraction: consumedFraction,
            memoryNoiseSigma: memoryNoiseSigma, dirtyRateMbps: dirtyRateMbps, wwsFraction: wwsFraction)
    }

    /// Run settings of `duration` whose seed, start, sample interval and PUE are the documented
    /// defaults unless given.
    public static func defaultSettings(
        seed: UInt64 = scenarioDefaults.seed, duration: SimTime,
        sampleInterval: SimTime = SimTime(microseconds: scenarioDefaults.sampleInterval.microseconds),
        checkInvariants: Bool = false
    ) -> RunSettings {
        let s = scenarioDefaults
        return RunSettings(seed: seed, startUnixSeconds: unixSeconds(s.start), duration: duration,
                           sampleInterval: sampleInterval, pue: s.pue, checkInvariants: checkInvariants)
    }

    /// Whole seconds since the Unix epoch of `t` (rounded down).
    static func unixSeconds(_ t: Timestamp) -> Int64 {
        Int64((Double(t.unixMicroseconds) / 1_000_000).rounded(.down))
    }
}
