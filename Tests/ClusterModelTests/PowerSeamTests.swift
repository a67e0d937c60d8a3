import ClusterModel
import Experiments
import SimKernel
import Testing

/// A test-only power policy written against the public API alone: every pass, recommend powering
/// on each standby host (priority 2), and never power anything off.
struct KeepEveryHostOn: PowerPolicy {
    func plan(_ view: PowerView) -> PowerPlan {
        var plan = PowerPlan()
        plan.powerOn = (0..<view.hosts.count).filter { view.hosts.state[$0] == .standby }.map { PowerRecommendation(host: $0, priority: 2) }
        // The view answers whatever the hosts' states: demand per host over a window, per host.
        let demand = view.hostDemand(window: view.dpm.historyPowerOn)
        precondition(demand.cpuMHz.count == view.hosts.count)
        return plan
    }
}

/// The power seam in use: a caller's ``PowerPolicy`` passed to the runtime wakes hosts where the
/// built-in ``ClassicDPM``, at the same settings, powers hosts off; the runtime applies it by
/// `dpm.automation` (a priority-2 power-on is only a recommendation under `manual`).
@Suite struct PowerSeamTests {
    /// 8 hosts of 32 GHz, the last 4 in standby at the start; 40 VMs of 4 × 2 GHz at a night's
    /// low demand (~10 % of the cluster). DRS and DPM on; runs 6 hours.
    static func run(_ policy: (any PowerPolicy)?, automation: DPMAutomation = .automatic) -> (ClusterRuntime, CollectingRecorder) {
        let p = ModelBuilder.defaultWorkload(cpuMean: 0.1, noiseSigma: 0.05, dirtyRateMbps: 100)
        var config = TestClusters.cluster(hosts: 8, vms: (1...40).map { TestClusters.vm(String(format: "vm-%04d", $0), vcpus: 4, memoryGB: 8) },
                                          workloads: [p])
        config.drs.enabled = true
        config.dpm.enabled = true
        config.dpm.automation = automation
        config.dpm.minHostsOn = 2
        for h in 4..<8 { config.hosts[h].initialState = .standby }
        let recorder = CollectingRecorder()
        let runtime = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(seed: 3, duration: .hours(6), checkInvariants: true),
                                     recorder: recorder, powerPolicy: policy)
        runtime.start()
        runtime.advance(until: .hours(6))
        return (runtime, recorder)
    }

    @Test func aCallersPowerPolicyDrivesHostPowerThroughTheRuntime() {
        let (classic, classicRecorder) = Self.run(nil)
        #expect(classic.violations.isEmpty, "\(classic.violations)")
        // ClassicDPM at low demand: no host woken, hosts powered off down to min_hosts_on's side.
        #expect(classic.summary.dpmPowerOns == 0)
        #expect(classic.summary.dpmPowerOffs >= 1, "ClassicDPM powered off \(classic.summary.dpmPowerOffs) hosts")
        #expect(classicRecorder.samples.last.map { $0.hostsOn < 4 } == true)

        let (runtime, recorder) = Self.run(KeepEveryHostOn())
        #expect(runtime.violations.isEmpty, "\(runtime.violations)")
        // The first pass (t = 0) wakes the 4 standby hosts; they boot for 5 minutes and stay on.
        #expect(runtime.summary.dpmPowerOns == 4)
        #expect(runtime.summary.dpmPowerOffs == 0)
        let boots = recorder.powerEvents.filter { $0.to == .booting }
        #expect(boots.count == 4)
        #expect(boots.allSatisfy { $0.reason == .dpm && $0.time == .zero })
        let later = recorder.samples.filter { $0.time >= .minutes(10) }
        #expect(!later.isEmpty)
        #expect(later.allSatisfy { $0.hostsOn == 8 && $0.hostsStandby == 0 })

        // Under `manual`, a priority-2 power-on is only recommended: the standby hosts stay so.
        let (manual, manualRecorder) = Self.run(KeepEveryHostOn(), automation: .manual)
        #expect(manual.violations.isEmpty, "\(manual.violations)")
        #expect(manual.summary.dpmPowerOns == 0)
        #expect(!manualRecorder.samples.isEmpty)
        #expect(manualRecorder.samples.allSatisfy { $0.hostsStandby == 4 })
    }
}
