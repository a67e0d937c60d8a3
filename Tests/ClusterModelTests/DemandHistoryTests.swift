import ClusterModel
import Stochastics
import Testing

/// The whole-cluster estimates DRS and DPM use give exactly the per-VM values, for registered
/// windows (running sums, including 2^k windows computed by multiplication), unregistered ones,
/// and while the history is still filling.
@Suite struct DemandHistoryTests {
    @Test(arguments: [3, 8, 5, 1])
    func bulkEstimatesEqualPerVMEstimates(samples: Int) {
        let vms = 37
        var h = DemandHistory(vms: vms, windows: [1, 3, 8])
        let stream = RandomStream(seed: 7)
        var cpu: [Double] = [], memory: [Double] = []
        for step in 0..<20 {
            let c = (0..<vms).map { _ in 4_000 * stream.uniform() }
            let m = (0..<vms).map { _ in 16_384 * stream.uniform() }
            h.push(cpuMHz: c, memoryMB: m)
            for conservative in [false, true] {
                h.estimates(samples: samples, conservative: conservative, cpu: &cpu, memory: &memory)
                for v in 0..<vms {
                    let e = h.estimate(v, samples: samples, conservative: conservative)
                    #expect(cpu[v] == e.cpuMHz && memory[v] == e.memoryMB,
                            "step \(step), VM \(v), window \(samples), conservative \(conservative)")
                }
            }
        }
    }

    @Test func runningSumsMatchDirectSums() {
        var h = DemandHistory(vms: 1, windows: [8])
        let values = [3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        for x in values { h.push(cpuMHz: [x], memoryMB: [2 * x]) }
        let last = Array(values.suffix(8))
        let mean = last.reduce(0, +) / 8
        let sd = (last.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 8).squareRoot()
        #expect(abs(h.mean(0, samples: 8).cpuMHz - mean) < 1e-12)
        #expect(abs(h.meanPlusTwoSD(0, samples: 8).memoryMB - 2 * (mean + 2 * sd)) < 1e-9)
    }
}
