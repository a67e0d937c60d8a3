import ClusterModel
import Experiments
import SimKernel
import Testing

/// Shares-based CPU division under contention and the resulting unmet demand (docs/model.md "Contention and unmet
/// demand").
@Suite struct ContentionTests {
    func allocate(_ demand: [Double], _ reservation: [Double], _ shares: [Double], _ capacity: Double) -> [Double] {
        var a = SharesAllocator()
        var out = Array(repeating: 0.0, count: demand.count)
        demand.withUnsafeBufferPointer { d in
            reservation.withUnsafeBufferPointer { r in
                shares.withUnsafeBufferPointer { s in
                    out.withUnsafeMutableBufferPointer { o in
                        a.allocate(demand: d, reservation: r, shares: s, capacity: capacity, served: o)
                    }
                }
            }
        }
        return out
    }

    @Test func noContentionServesAllDemand() {
        #expect(allocate([100, 200], [0, 0], [1000, 1000], 1000) == [100, 200])
    }

    @Test func equalSharesSplitEvenlyAndSmallDemandIsFullyServed() {
        // 1,000 MHz for demands 100, 800, 800 at equal shares: 100 served, the rest split 450/450.
        #expect(allocate([100, 800, 800], [0, 0, 0], [1, 1, 1], 1000) == [100, 450, 450])
    }

    @Test func highSharesGetTwiceNormal() {
        // High (2000) vs Normal (1000) per vCPU, both want everything.
        let s = allocate([3000, 3000], [0, 0], [2000, 1000], 1500)
        #expect(abs(s[0] - 1000) < 1e-9 && abs(s[1] - 500) < 1e-9)
    }

    @Test func reservationsComeFirst() {
        let s = allocate([1000, 1000], [800, 0], [1000, 1000], 1000)
        #expect(abs(s[0] - 900) < 1e-9 && abs(s[1] - 100) < 1e-9)
    }

    @Test func overloadedHostReportsUnmetDemand() {
        // One 4-core host at 2,000 MHz = 8,000 MHz; 3 VMs of 4 vCPUs at 100 % want 24,000 MHz.
        var config = TestClusters.cluster(hosts: 1, vms: (1...3).map { TestClusters.vm("v-\($0)", vcpus: 4) },
                                          workloads: [ModelBuilder.defaultWorkload(cpuMean: 1)])
        config.hosts[0] = TestClusters.host(0, cores: 4)
        let (summary, rec) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(1)))
        let row = rec.samples[0]
        #expect(row.cpuDemandMHz == 24_000)
        #expect(abs(row.cpuServedMHz - 8_000) < 1e-6)
        #expect(abs(row.cpuUnmetMHz - 16_000) < 1e-6)
        #expect(abs(summary.cpuUnmetMHzSeconds / summary.cpuDemandMHzSeconds - 2.0 / 3) < 1e-9)
    }
}
