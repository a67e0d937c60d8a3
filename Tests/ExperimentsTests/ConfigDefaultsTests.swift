import ClusterModel
import Experiments
import Foundation
import Scenarios
import SimKernel
import Testing

/// The model's `*Config` types have no defaults of their own: a cluster with no keys given gets
/// the spec layer's defaults (docs/scenario-format.md), through ``ModelBuilder``.
@Suite struct ConfigDefaultsTests {
    @Test func aClusterWithNoKeysHasTheDocumentedDefaults() throws {
        let c = try ModelBuilder.defaultCluster(name: "c", hosts: [], vms: [], workloads: [])
        // docs/scenario-format.md "drs": demand_window 15m (the model once had its own 5 min).
        #expect(c.drs.demandWindow == .minutes(15))
        #expect(c.drs.enabled && c.drs.automation == .fullyAutomated && c.drs.threshold == 3)
        #expect(c.drs.period == .minutes(5) && c.drs.pairwise && c.drs.algorithm == .auto && !c.drs.scalableShares)
        #expect(c.drs.useDownTime && c.drs.ignoreDownTimeLessThan == .seconds(1))
        #expect(c.drs.minGoodness == nil && c.drs.maxMovesPerHost == nil)
        #expect(!c.dpm.enabled && c.dpm.automation == .automatic && c.dpm.threshold == 3)
        #expect(c.dpm.targetUtilization == 0.63 && c.dpm.tolerance == 0.18 && c.dpm.minHostsOn == 1)
        #expect(c.dpm.historyPowerOn == .minutes(5) && c.dpm.historyPowerOff == .minutes(40))
        #expect(c.vmotion.switchoverGoal == .milliseconds(500) && c.vmotion.resumeTime == .milliseconds(50))
        #expect(c.vmotion.maxPrecopyRounds == 30 && c.vmotion.sdps && c.vmotion.nicEfficiency == 0.9)
        #expect(c.vmotion.storageCopyMbps == 4_000 && c.vmotion.minStreamMbps == 250)
        #expect(!c.ha.enabled && c.ha.restartTime == .seconds(15) && c.ha.admissionPolicy == .clusterResourcePercentage)
        #expect(c.ha.hostFailuresToTolerate == 1 && c.ha.maxConcurrentRestartsPerHost == 32)
        #expect(c.ha.performanceDegradationTolerated == 1 && c.ha.failoverHosts.isEmpty)
        #expect(c.memory.sharingSavings == 0.05)
        #expect(c.license == .enterprisePlus && c.vsphereVersion == (6, 7))
    }

    /// The fixtures model tests and benchmarks build hosts, VMs, workloads and run settings with
    /// carry the documented defaults (docs/scenario-format.md), read from the spec layer.
    @Test func theHandBuiltFixturesHaveTheDocumentedDefaults() throws {
        // "Host profiles": vmotion_nic_gbps 10, vmotion_vmkernel true, vmotion_vmknics 1, standby_w 10,
        // boot_time 5m, shutdown_time 2m; a host starts on.
        let h = ModelBuilder.defaultHost(name: "h", vendor: .intel, generationRank: 1, sockets: 1, coresPerSocket: 1,
                                         coreMHz: 1_000, memoryMB: 1_024, datastores: [0], networks: [0],
                                         power: .linear(idleW: 0, maxW: 0))
        #expect(h.vmotionNICGbps == 10 && h.hasVMotionVMkernel && h.vmotionVMknics == 1)
        #expect(h.standbyW == 10 && h.bootTime == .minutes(5) && h.shutdownTime == .minutes(2))
        #expect(h.initialState == .on)
        // "VM profiles": disk_gb 40, shares normal (1000 per vCPU), memory_shares normal (10 per MB),
        // restart_priority medium (rank 3), no reservations or limits, boot_time 0s.
        let v = ModelBuilder.defaultVM(name: "v", vcpus: 2, vcpuMHz: 2_000, memoryMB: 4_096, workload: 0)
        #expect(v.diskMB == 40 * 1_024 && v.sharesPerVCPU == 1_000 && v.memorySharesPerMB == 10 && v.restartPriority == 3)
        #expect(v.reservationMHz == 0 && v.limitMHz == .infinity && v.memoryReservationMB == 0 && v.memoryLimitMB == .infinity)
        #expect(v.bootTime == .zero && v.arrival == .zero && v.departure == nil)
        // "`workload:`": diurnal peak_hour 14, noise correlation_time 30m, bursts duration 20m,
        // memory active 0.25, consumed 0.75, noise_sigma 0, wws 0.2; absent blocks are off.
        let w = ModelBuilder.defaultWorkload(cpuMean: 0.3)
        #expect(w.cpuMean == 0.3 && w.diurnalAmplitude == 0 && w.diurnalPeakHour == 14 && w.weekendFactor == 1)
        #expect(w.noiseSigma == 0 && w.noiseCorrelationTime == .minutes(30))
        #expect(w.burstsPerDay == 0 && w.burstFactor == 1 && w.burstMeanDuration == .minutes(20) && w.growthPerMonth == 0)
        #expect(w.activeFraction == 0.25 && w.consumedFraction == 0.75 && w.memoryNoiseSigma == 0 && w.wwsFraction == 0.2)
        #expect(w.dirtyRateMbps == 0 && w.traceSet == -1)
        // "Top level": seed 1, start 2026-01-05T00:00:00Z, sample_interval 5m, pue 1.0.
        let r = ModelBuilder.defaultSettings(duration: .hours(1))
        #expect(r.seed == 1 && r.startUnixSeconds == 1_767_571_200 && r.sampleInterval == .minutes(5) && r.pue == 1.0)
        #expect(r.duration == .hours(1) && !r.checkInvariants && r.growthOffsetMonths == 0)
        // "Clusters": datastores [datastore1], networks ["VM Network"].
        let c = try ModelBuilder.defaultCluster(name: "c", hosts: [h], vms: [v], workloads: [w])
        #expect(c.datastoreNames == ["datastore1"] && c.networkNames == ["VM Network"])
    }

    /// The fixtures agree with what ``ModelBuilder/plan(_:configID:replication:checkInvariants:traces:)``
    /// makes of a scenario giving only required keys: one mapping, one set of defaults.
    @Test func theFixturesEqualTheBuilderOnAScenarioWithOnlyRequiredKeys() throws {
        let yaml = """
        schema_version: 1
        name: only-required
        duration: 1h
        host_profiles:
          - {name: hp, cpu: {sockets: 1, cores_per_socket: 8, mhz: 2000}, memory_gb: 64, power: {model: linear, idle_w: 100, max_w: 300}}
        vm_profiles:
          - {name: vp, vcpus: 2, vcpu_mhz: 2000, memory_gb: 4}
        clusters:
          - {name: c, hosts: [{profile: hp, count: 1}], vms: [{profile: vp, count: 1}]}
        """
        let loaded = try ScenarioLoader.load(yaml: yaml, fileName: "test.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        let plan = try ModelBuilder.plan(loaded)
        let built = try #require(plan.clusters.first)
        let (h, v, w) = (try #require(built.hosts.first), try #require(built.vms.first), try #require(built.workloads.first))
        let fh = ModelBuilder.defaultHost(name: h.name, vendor: h.vendor, generationRank: h.generationRank, sockets: 1,
                                          coresPerSocket: 8, coreMHz: 2_000, memoryMB: 64 * 1_024, datastores: h.datastores,
                                          networks: h.networks, power: h.power)
        #expect(fh.vmotionNICGbps == h.vmotionNICGbps && fh.hasVMotionVMkernel == h.hasVMotionVMkernel)
        #expect(fh.vmotionVMknics == h.vmotionVMknics && fh.standbyW == h.standbyW && fh.initialState == h.initialState)
        #expect(fh.bootTime == h.bootTime && fh.shutdownTime == h.shutdownTime)
        let fv = ModelBuilder.defaultVM(name: v.name, vcpus: 2, vcpuMHz: 2_000, memoryMB: 4 * 1_024, workload: 0)
        #expect(fv.diskMB == v.diskMB && fv.sharesPerVCPU == v.sharesPerVCPU && fv.memorySharesPerMB == v.memorySharesPerMB)
        #expect(fv.restartPriority == v.restartPriority && fv.bootTime == v.bootTime)
        // The builder's workload has the memory block's dirty rate; the fixture's is off (neutral).
        let fw = ModelBuilder.defaultWorkload(cpuMean: w.cpuMean, dirtyRateMbps: w.dirtyRateMbps)
        #expect(fw.diurnalAmplitude == w.diurnalAmplitude && fw.diurnalPeakHour == w.diurnalPeakHour)
        #expect(fw.weekendFactor == w.weekendFactor && fw.noiseSigma == w.noiseSigma)
        #expect(fw.noiseCorrelationTime == w.noiseCorrelationTime && fw.burstsPerDay == w.burstsPerDay)
        #expect(fw.burstFactor == w.burstFactor && fw.burstMeanDuration == w.burstMeanDuration)
        #expect(fw.activeFraction == w.activeFraction && fw.consumedFraction == w.consumedFraction)
        #expect(fw.memoryNoiseSigma == w.memoryNoiseSigma && fw.wwsFraction == w.wwsFraction && fw.traceSet == w.traceSet)
        let fs = ModelBuilder.defaultSettings(duration: .hours(1))
        #expect(fs.seed == plan.settings.seed && fs.startUnixSeconds == plan.settings.startUnixSeconds)
        #expect(fs.sampleInterval == plan.settings.sampleInterval && fs.pue == plan.settings.pue)
        let fc = try ModelBuilder.defaultCluster(name: "c", hosts: [], vms: [], workloads: [])
        #expect(fc.datastoreNames == built.datastoreNames && fc.networkNames == built.networkNames)
    }

    @Test func everySpecEnumCaseMapsToItsModelCase() {
        var drs = DRSSpec()
        for (spec, model) in zip(DRSSpec.Automation.allCases, [DRSAutomation.manual, .partiallyAutomated, .fullyAutomated]) {
            drs.automation = spec
            #expect(ModelBuilder.drsConfig(drs).automation == model)
        }
        for (spec, model) in zip(DRSSpec.Algorithm.allCases, [DRSAlgorithmChoice.auto, .classic, .score]) {
            drs.algorithm = spec
            #expect(ModelBuilder.drsConfig(drs).algorithm == model)
        }
        var dpm = DPMSpec()
        for (spec, model) in zip(DPMSpec.Automation.allCases, [DPMAutomation.off, .manual, .automatic]) {
            dpm.automation = spec
            #expect(ModelBuilder.dpmConfig(dpm, haEnabled: false).automation == model)
        }
    }
}
