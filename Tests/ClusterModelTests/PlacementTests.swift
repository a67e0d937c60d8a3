import ClusterModel
import Experiments
import SimKernel
import Testing

/// Initial placement: balanced, never over-reserves memory, counts failed admissions.
@Suite struct PlacementTests {
    @Test func placementBalancesAndRespectsMemoryReservations() {
        // 3 hosts of 256 GB; 40 VMs reserving all their 20 GB: 12 are admitted per host
        // (12 × (20 GB + overhead) < 256 GB), so 36 run.
        let vms = (1...40).map { i -> VMConfig in
            var vm = TestClusters.vm("p-\(i)", memoryGB: 20)
            vm.memoryReservationMB = vm.memoryMB
            return vm
        }
        let config = TestClusters.cluster(hosts: 3, vms: vms, workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.1)])
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(1)), recorder: CollectingRecorder())
        rt.start()
        for h in 0..<3 {
            #expect(rt.hosts.memoryReservedMB[h] <= rt.hosts.memoryCapacityMB[h])
            #expect(rt.hosts.vmCount[h] == 12)
        }
        #expect(rt.finish().failedAdmissions == 4)
    }

    @Test func vmOnlyRunsWhereItsDatastoreAndNetworkExist() {
        var config = TestClusters.cluster(hosts: 3, vms: [TestClusters.vm("d-1")], workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.1)])
        config.hosts[0].datastores = [1]
        config.hosts[1].networks = [1]
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(1)), recorder: CollectingRecorder())
        rt.start()
        #expect(rt.vms.host[0] == 2)
    }
}

@Suite struct CalendarTests {
    /// Issue 17 item 17: years before 1000 lost their leading zeros (`999-01-01`).
    @Test func earlyYearsKeepFourDigits() {
        #expect(SimCalendar(startUnixSeconds: -30_641_760_000).timestamp(.zero) == "0999-01-01 00:00:00")
        #expect(SimCalendar(startUnixSeconds: -62_135_596_800).timestamp(.zero) == "0001-01-01 00:00:00")
    }

    @Test func timestampsAndWeekdays() {
        let c = SimCalendar(startUnixSeconds: 1_767_571_200)   // 2026-01-05T00:00:00Z, a Monday
        #expect(c.timestamp(.zero) == "2026-01-05 00:00:00")
        #expect(c.timestamp(.days(27) + .hours(13) + .seconds(7)) == "2026-02-01 13:00:07")
        #expect(c.weekday(.zero) == 1)
        #expect(c.isWeekend(.days(5)))
        #expect(!c.isWeekend(.days(7)))
        #expect(abs(c.hourOfDay(.minutes(90)) - 1.5) < 1e-12)
        #expect(SimCalendar(startUnixSeconds: 951_782_400).timestamp(.zero) == "2000-02-29 00:00:00")
    }
}
