import ClusterModel
import Experiments
import SimKernel
import Testing

/// Memory overcommitment, reclamation and admission (docs/model.md "Memory"), with figures.
@Suite struct MemoryTests {
    /// `count` VMs of `memoryGB` on `hosts` hosts of 256 GB (16 × 2,000 MHz), one profile.
    static func cluster(hosts: Int, vms count: Int, memoryGB: Double, active: Double, consumed: Double,
                        configure: (inout VMConfig) -> Void = { _ in }) -> ClusterConfig {
        let vms = (1...count).map { i -> VMConfig in
            var vm = TestClusters.vm(String(format: "vm-%04d", i), vcpus: 2, memoryGB: memoryGB)
            configure(&vm)
            return vm
        }
        return TestClusters.cluster(hosts: hosts, vms: vms,
                                    workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.2, activeFraction: active, consumedFraction: consumed)])
    }

    @Test func minFreeSlidingScaleAndStates() {
        // [FD-MinFree]: 96 GB → 1,597.6 MB (sum of the bands: 1,597.44); the first 28 GB give 901 MB.
        #expect(abs(HostMemoryState.minFreeMB(capacityMB: 96 * 1_024) - 1_597.44) < 0.01)
        #expect(abs(HostMemoryState.minFreeMB(capacityMB: 28 * 1_024) - 901.12) < 0.01)
        let minFree = 1_000.0
        #expect(HostMemoryState.of(freeMB: 1_000, minFreeMB: minFree) == .high)
        #expect(HostMemoryState.of(freeMB: 999, minFreeMB: minFree) == .clear)
        #expect(HostMemoryState.of(freeMB: 639, minFreeMB: minFree) == .soft)
        #expect(HostMemoryState.of(freeMB: 319, minFreeMB: minFree) == .hard)
        #expect(HostMemoryState.of(freeMB: 159, minFreeMB: minFree) == .low)
    }

    @Test func overcommitWithLowActiveMemoryRunsEveryVMWithoutSwapping() {
        // 4 × 256 GB, 80 × 16 GB (1.25 : 1), 20 % active, 70 % consumed, HA on: every VM is
        // admitted (only reservations + overhead count), no host leaves the high state.
        var config = Self.cluster(hosts: 4, vms: 80, memoryGB: 16, active: 0.2, consumed: 0.7)
        config.ha.enabled = true
        let (summary, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(6), checkInvariants: true))
        #expect(summary.failedAdmissions == 0)
        #expect(summary.vmSecondsDown == 0)
        #expect(!rec.samples.isEmpty)
        #expect(rec.samples.allSatisfy { $0.vmsRunning == 80 && $0.memorySwappedMB == 0 && $0.memoryBalloonedMB == 0 })
        #expect(rec.samples.allSatisfy { $0.memoryContentionMB == 0 && $0.hostsMemorySoftOrWorse == 0 && $0.cpuUnmetMHz == 0 })
        #expect(abs(summary.memoryOvercommitMax - 1.25) < 1e-9)
        #expect(abs((rec.samples.first?.memoryConsumedMB ?? 0) - 80 * 0.7 * 16_384) < 1e-6)
    }

    @Test func activeMemoryAbovePhysicalMemoryIsBallooned() {
        // The same cluster, 95 % consumed and 90 % active: 1,216 GB consumed on 1,024 GB. Every
        // host is soft; page sharing and the balloon (within 65 % of each VM) bring free memory
        // back to 64 % of minFree; active memory ballooned out is contention and slows the VMs.
        let config = Self.cluster(hosts: 4, vms: 80, memoryGB: 16, active: 0.9, consumed: 0.95)
        let (summary, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(2), checkInvariants: true))
        guard let row = rec.samples.last else {
            Issue.record("no samples")
            return
        }
        #expect(summary.failedAdmissions == 0 && row.vmsRunning == 80)
        #expect(row.hostsMemorySoftOrWorse == 4)
        #expect(row.memoryCompressedMB == 0 && row.memorySwappedMB == 0)
        let minFree = HostMemoryState.minFreeMB(capacityMB: 256 * 1_024)
        let overhead = config.vms.reduce(0) { $0 + $1.overheadMB }
        let sharing = 0.05 * row.memoryConsumedMB
        let used = row.memoryConsumedMB - sharing - row.memoryBalloonedMB + overhead
        #expect(abs(used - (4 * 256 * 1_024 - 4 * 0.64 * minFree)) < 1e-3)
        // Figures (overheads from the vSphere 6.7 table): 154,151 MB ballooned, 88,615 MB of the
        // 1,179,648 MB active not resident (7.5 %), 4,808 of 64,000 MHz of CPU demand unmet (7.5 %).
        #expect(abs(row.memoryBalloonedMB - 154_151) < 1)
        #expect(abs(row.memoryContentionMB - 88_615) < 1)
        #expect(row.cpuUnmetMHz > 4_700 && row.cpuUnmetMHz < 4_900)
        #expect(summary.cpuUnmetMHzSeconds > 0 && summary.memoryContentionMBSeconds > 0)
    }

    @Test func beyondTheBalloonCompressionAndSwappingTakeOver() {
        // 100 VMs of 16 GB reserving 10 GB each on 4 × 256 GB (1.56 : 1): the balloon may take only
        // 65 % of the 6 GB unreserved per VM, so the hosts reach the hard state; compression
        // (10 % cache) and then swapping bring free memory back to 32 % of minFree.
        let config = Self.cluster(hosts: 4, vms: 100, memoryGB: 16, active: 0.9, consumed: 0.95) { $0.memoryReservationMB = 10_240 }
        let (summary, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(1), checkInvariants: true))
        guard let row = rec.samples.last else {
            Issue.record("no samples")
            return
        }
        #expect(summary.failedAdmissions == 0 && row.vmsRunning == 100)
        #expect(row.hostsMemorySoftOrWorse == 4)
        #expect(abs(row.memoryBalloonedMB - 100 * 0.65 * 6_144) < 1e-3)
        #expect(row.memoryCompressedMB > 0 && row.memorySwappedMB > 0)
        let minFree = HostMemoryState.minFreeMB(capacityMB: 256 * 1_024)
        let overhead = config.vms.reduce(0) { $0 + $1.overheadMB }
        let reclaimed = 0.05 * row.memoryConsumedMB + row.memoryBalloonedMB + row.memoryCompressedMB + row.memorySwappedMB
        let used = row.memoryConsumedMB - reclaimed + row.memoryCompressedMB / 2 + overhead
        #expect(abs(used - (4 * 256 * 1_024 - 4 * 0.32 * minFree)) < 1e-3)
        // Figures (overheads from the vSphere 6.7 table): 399,360 MB ballooned, 12,072 MB compressed,
        // 43,224 MB swapped; 372,736 MB of the 1,474,560 MB active not resident (25 %); 20,222 of
        // 80,000 MHz of CPU demand unmet.
        #expect(abs(row.memoryCompressedMB - 12_072) < 1 && abs(row.memorySwappedMB - 43_224) < 1)
        #expect(abs(row.memoryContentionMB - 372_736) < 1)
        #expect(row.cpuUnmetMHz > 20_000 && row.cpuUnmetMHz < 20_500)
    }

    @Test func cpuReservationsAdmitAtMostEightOfTwelve() {
        // One host of 16 × 2,000 = 32,000 MHz; 12 VMs reserving 4,000 MHz each: 8 are admitted.
        let config = Self.cluster(hosts: 1, vms: 12, memoryGB: 4, active: 0.2, consumed: 0.5) { $0.reservationMHz = 4_000 }
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(1), checkInvariants: true), recorder: CollectingRecorder())
        rt.start()
        #expect(rt.hosts.vmCount[0] == 8)
        #expect(rt.hosts.cpuReservedMHz[0] == 32_000)
        rt.advance(until: .hours(1))
        let summary = rt.finish()
        #expect(summary.failedAdmissions == 4)
        #expect(rt.violations.isEmpty, "\(rt.violations)")
    }

    @Test func haRestartOfUnreservedVMsSucceedsWithinTheRestartDelay() {
        // 4 hosts, 96 VMs of 16 GB without reservations (1.5 : 1 configured): when a host fails,
        // its 24 VMs need only their overheads on the survivors and all restart after 2 min.
        var config = Self.cluster(hosts: 4, vms: 96, memoryGB: 16, active: 0.1, consumed: 0.4)
        config.ha.enabled = true
        config.ha.restartTime = .minutes(2)
        config.actions = [ScheduledAction(at: .hours(1), action: .failHost(host: 0, repairAfter: .hours(8)))]
        let rec = CollectingRecorder()
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(3), checkInvariants: true), recorder: rec)
        rt.start()
        rt.advance(until: .hours(3))
        _ = rt.finish()
        #expect(rt.violations.isEmpty, "\(rt.violations)")
        #expect(rec.outages.count == 24)
        #expect(rec.outages.allSatisfy { $0.restarted == .hours(1) + .minutes(2) && $0.reason == "ha_restart" })
        #expect((0..<96).allSatisfy { rt.vms.host[$0] != noIndex })
    }

    @Test func restartsBeyondThirtyTwoPerHostWaitForASlot() {
        // 2 hosts, 80 VMs: the failed host's 40 VMs restart on the survivor, 32 at once, the
        // other 8 once a restart slot frees (10 s later).
        var config = Self.cluster(hosts: 2, vms: 80, memoryGB: 4, active: 0.1, consumed: 0.4)
        config.ha.enabled = true
        config.ha.admissionControl = false
        config.ha.restartTime = .minutes(2)
        config.actions = [ScheduledAction(at: .hours(1), action: .failHost(host: 0, repairAfter: .hours(8)))]
        let rec = CollectingRecorder()
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(2), checkInvariants: true), recorder: rec)
        rt.start()
        rt.advance(until: .hours(2))
        _ = rt.finish()
        let times = rec.outages.compactMap(\.restarted)
        #expect(rec.outages.count == 40 && times.count == 40)
        #expect(times.filter { $0 == .hours(1) + .minutes(2) }.count == 32)
        #expect(times.filter { $0 == .hours(1) + .minutes(2) + .seconds(10) }.count == 8)
    }

    @Test func restartPriorityDecidesWhoGetsScarceCapacity() {
        // 2 hosts; every VM reserves all its 60 GB, 4 per host; HA admission control off. When
        // host 0 fails, its VMs find no unreserved memory; after one VM departs, only one can
        // restart: the highest restart priority wins (vm-0003, set `highest`), `disabled` waits for repair.
        var config = Self.cluster(hosts: 2, vms: 8, memoryGB: 60, active: 0.1, consumed: 0.5) { $0.memoryReservationMB = $0.memoryMB }
        config.ha.enabled = true
        config.ha.admissionControl = false
        for v in config.vms.indices { config.vms[v].restartPriority = 2 }
        config.vms[2].restartPriority = 5
        config.vms[4].restartPriority = 0
        config.vms[1].departure = .hours(2)
        config.actions = [ScheduledAction(at: .hours(1), action: .failHost(host: 0, repairAfter: .hours(4)))]
        let rec = CollectingRecorder()
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(6), checkInvariants: true), recorder: rec)
        rt.start()
        let onHost0 = (0..<8).filter { rt.vms.host[$0] == 0 }
        #expect(onHost0.count == 4 && onHost0.contains(1) == false)
        rt.advance(until: .hours(3))
        let restarted = rec.outages.filter { $0.reason == "ha_restart" }
        #expect(restarted.map(\.vm) == ["vm-0003"])
        #expect(restarted.first?.restarted == .hours(2))
        rt.advance(until: .hours(6))
        _ = rt.finish()
        #expect(rt.violations.isEmpty, "\(rt.violations)")
    }

    @Test func memoryAboveALimitIsNeverResident() {
        // A VM consuming 12 GB with an 8 GB limit on an empty host: 4 GB are ballooned although
        // the host has plenty free; its 10 GB of active memory meet 2 GB of contention.
        let config = Self.cluster(hosts: 1, vms: 1, memoryGB: 16, active: 0.625, consumed: 0.75) { $0.memoryLimitMB = 8_192 }
        let (_, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(1), checkInvariants: true))
        let row = rec.samples.last
        #expect(row?.memoryBalloonedMB == 4_096)
        #expect(row?.memorySwappedMB == 0)
        #expect(row?.memoryContentionMB == 2_048)
        #expect(row?.hostsMemorySoftOrWorse == 0)
    }

    @Test func ballooningIsSharesWeighted() {
        // One host, 20 VMs of 16 GB (320 GB consumed at 100 %, 20 % active): half with high
        // memory shares (20/MB), half low (5/MB). Low-share VMs give up 4 × as much.
        var config = Self.cluster(hosts: 1, vms: 20, memoryGB: 16, active: 0.2, consumed: 1.0)
        for v in config.vms.indices { config.vms[v].memorySharesPerMB = v < 10 ? 20 : 5 }
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(1), checkInvariants: true), recorder: CollectingRecorder())
        rt.start()
        rt.advance(until: .minutes(10))
        let high = rt.vms.balloonedMB[0], low = rt.vms.balloonedMB[19]
        #expect(high > 0 && abs(low / high - 4) < 1e-6)
        #expect(rt.hosts.memoryState[0] >= .soft)
        _ = rt.finish()
        #expect(rt.violations.isEmpty, "\(rt.violations)")
    }

    @Test func maintenanceWakesAStandbyHostToKeepFailoverCapacity() {
        // 3 hosts on + 1 in standby; 12 VMs reserving 40 GB each (≈ 483 GB of 768 GB on). With
        // host 0 in maintenance the 2 left (512 GB) minus one host for failover (256 GB) cannot
        // hold the reservations, so the standby host is woken for the maintenance.
        var config = Self.cluster(hosts: 4, vms: 12, memoryGB: 40, active: 0.2, consumed: 0.5) { $0.memoryReservationMB = $0.memoryMB }
        config.hosts[3].initialState = .standby
        config.ha.enabled = true
        config.actions = [ScheduledAction(at: .hours(1), action: .enterMaintenance(host: 0, duration: .hours(1)))]
        let (summary, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(3), checkInvariants: true))
        #expect(summary.failedAdmissions == 0)
        let woken = rec.powerEvents.filter { $0.host == "h3" && $0.to == .booting }
        #expect(woken.count == 1 && woken.first?.reason == .maintenance && woken.first?.time == .hours(1))
    }
}
