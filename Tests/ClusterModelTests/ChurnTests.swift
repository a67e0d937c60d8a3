import ClusterModel
import Experiments
import SimKernel
import Testing

/// VM churn: arrivals are placed when they come, refused when nothing fits, removed when they leave.
@Suite struct ChurnTests {
    @Test func arrivalsArePlacedAndDeparturesFreeTheirHost() {
        var vms = (1...4).map { TestClusters.vm("base-\($0)", memoryGB: 16) }
        var late = TestClusters.vm("late-1", memoryGB: 16)
        late.arrival = .hours(2)
        late.departure = .hours(5)
        vms.append(late)
        let config = TestClusters.cluster(hosts: 2, vms: vms, workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.2)])
        let rec = CollectingRecorder()
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(8), checkInvariants: true), recorder: rec)
        rt.start()
        rt.advance(until: .hours(1))
        #expect(rt.vms.host[4] == noIndex && rt.vms.downReason[4] == .absent)
        rt.advance(until: .hours(3))
        #expect(rt.vms.host[4] != noIndex)
        rt.advance(until: .hours(6))
        #expect(rt.vms.host[4] == noIndex)
        rt.advance(until: .hours(8))
        _ = rt.finish()
        #expect(rt.violations.isEmpty, "\(rt.violations)")
        // Samples every 5 min: the late VM runs in the rows from 2 h (row 24) to before 5 h (row 60).
        #expect(rec.samples.map(\.vmsRunning) == (0..<96).map { (24..<60).contains($0) ? 5 : 4 })
        #expect(rec.samples.allSatisfy { $0.vmsDown == 0 })
    }

    @Test func anArrivalThatFitsNowhereIsAFailedAdmission() {
        var huge = TestClusters.vm("huge-1", memoryGB: 1_000)
        huge.arrival = .hours(1)
        let config = TestClusters.cluster(hosts: 2, vms: [TestClusters.vm("a"), huge], workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.2)])
        let (summary, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(3)))
        #expect(summary.failedAdmissions == 1)
        #expect(rec.samples.allSatisfy { $0.vmsDown == 0 && $0.vmsRunning == 1 })
    }

    @Test func haAdmissionControlKeepsOneHostSpare() {
        // Two 256 GB hosts with HA (percentage policy, one failure tolerated): 262,144 MiB may be
        // reserved; 14 VMs reserving 18 GiB + 155 MiB overhead (260,218 MiB) fit, the 15th does not.
        var config = TestClusters.cluster(hosts: 2, vms: (1...15).map { i -> VMConfig in
            var vm = TestClusters.vm("v\(i)", memoryGB: 18)
            vm.memoryReservationMB = vm.memoryMB
            return vm
        }, workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.1)])
        config.ha.enabled = true
        let (summary, _) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(1)))
        #expect(summary.failedAdmissions == 1)
    }
}
