/// Per-VM ring buffers of recent CPU (MHz) and memory (MB) demand samples, for the windowed
/// estimates DRS (mean over its window) and DPM (mean + 2 sd over 5 or 40 minutes) work on.
///
/// For each registered window length the running sums and sums of squares are updated at every
/// push in O(1) per VM (make bench, fleet: recomputing each window per pass was ~30 % of the
/// run), and recomputed exactly every 4,096 pushes so rounding cannot drift. Memory is
/// O(VMs × longest window), flat in simulated time.
public struct DemandHistory: Sendable {
    public let capacity: Int
    /// Registered window lengths in samples, ascending.
    public let windows: [Int]
    private var cpu: [Double]
    private var memory: [Double]
    private var sumCPU: [Double]
    private var sumMemory: [Double]
    private var squaresCPU: [Double]
    private var squaresMemory: [Double]
    /// Samples stored so far (saturates at `capacity`).
    public private(set) var filled = 0
    /// Samples pushed since the start (a version stamp for caches).
    public private(set) var pushes = 0
    private var head = 0   // slot of the next write
    private var lastSlot = 0   // slot of the latest sample
    private var dropSlot: [Int]
    private let vmCount: Int

    /// A history for `vms` VMs keeping running sums over each of `windows` (in samples).
    public init(vms: Int, windows: [Int]) {
        // A one-sample window is the latest sample itself: no running sums needed.
        self.windows = Array(Set(windows.map { max(1, $0) }).subtracting([1])).sorted()
        capacity = self.windows.last ?? 1
        vmCount = vms
        cpu = Array(repeating: 0, count: vms * capacity)
        memory = cpu
        sumCPU = Array(repeating: 0, count: vms * self.windows.count)
        sumMemory = sumCPU
        squaresCPU = sumCPU
        squaresMemory = sumCPU
        dropSlot = Array(repeating: -1, count: self.windows.count)
    }

    /// Appends the current sample of every VM.
    public mutating func push(cpuMHz: [Double], memoryMB: [Double]) {
        let nw = windows.count
        // The slot each window drops, the same for every VM: no modulo in the VM loop.
        for (w, k) in windows.enumerated() { dropSlot[w] = filled >= k ? (head - k + capacity) % capacity : -1 }
        for v in 0..<vmCount {
            let base = v * capacity
            let c = cpuMHz[v], m = memoryMB[v]
            for w in 0..<nw {
                let i = v * nw + w
                if dropSlot[w] >= 0 {
                    let old = base + dropSlot[w]
                    let oc = cpu[old], om = memory[old]
                    sumCPU[i] -= oc; squaresCPU[i] -= oc * oc
                    sumMemory[i] -= om; squaresMemory[i] -= om * om
                }
                sumCPU[i] += c; squaresCPU[i] += c * c
                sumMemory[i] += m; squaresMemory[i] += m * m
            }
            cpu[base + head] = c
            memory[base + head] = m
        }
        lastSlot = head
        head = (head + 1) % capacity
        filled = min(filled + 1, capacity)
        pushes += 1
        if pushes % 4_096 == 0 { recomputeSums() }
    }

    private mutating func recomputeSums() {
        let nw = windows.count
        for v in 0..<vmCount {
            for (w, k) in windows.enumerated() {
                let n = min(k, filled)
                var sc = 0.0, qc = 0.0, sm = 0.0, qm = 0.0
                for j in 1...max(1, n) where n > 0 {
                    let i = v * capacity + (head - j + capacity) % capacity
                    sc += cpu[i]; qc += cpu[i] * cpu[i]; sm += memory[i]; qm += memory[i] * memory[i]
                }
                let i = v * nw + w
                sumCPU[i] = sc; squaresCPU[i] = qc; sumMemory[i] = sm; squaresMemory[i] = qm
            }
        }
    }

    /// Mean (or mean + 2 population sd with `conservative`) of VM `v` over its last `samples`
    /// samples; `samples` should be a registered window (others are computed directly).
    @inlinable
    public func estimate(_ v: Int, samples: Int, conservative: Bool) -> (cpuMHz: Double, memoryMB: Double) {
        conservative ? meanPlusTwoSD(v, samples: samples) : mean(v, samples: samples)
    }

    /// The latest sample of VM `v`.
    @inline(__always)
    func latest(_ v: Int) -> (cpuMHz: Double, memoryMB: Double) {
        let i = v * capacity + lastSlot
        return (cpu[i], memory[i])
    }

    /// Mean CPU and memory of VM `v` over its last `samples` samples.
    public func mean(_ v: Int, samples: Int) -> (cpuMHz: Double, memoryMB: Double) {
        if samples <= 1 || filled <= 1 { return latest(v) }
        let n = Double(max(1, min(samples, filled)))
        if let w = windows.firstIndex(of: samples) {
            let i = v * windows.count + w
            return (sumCPU[i] / n, sumMemory[i] / n)
        }
        let k = Int(n)
        var c = 0.0, m = 0.0
        for j in 1...k {
            let i = v * capacity + (head - j + capacity) % capacity
            c += cpu[i]; m += memory[i]
        }
        return (c / n, m / n)
    }

    /// Mean plus two (population) standard deviations of VM `v` over its last `samples` samples:
    /// DPM's conservative demand estimate (vmware-facts §2.1).
    public func meanPlusTwoSD(_ v: Int, samples: Int) -> (cpuMHz: Double, memoryMB: Double) {
        if samples <= 1 || filled <= 1 { return latest(v) }   // one sample: sd = 0
        let n = Double(max(1, min(samples, filled)))
        if let w = windows.firstIndex(of: samples) {
            let i = v * windows.count + w
            let mc = sumCPU[i] / n, mm = sumMemory[i] / n
            let vc = max(0, squaresCPU[i] / n - mc * mc), vm = max(0, squaresMemory[i] / n - mm * mm)
            return (mc + 2 * vc.squareRoot(), mm + 2 * vm.squareRoot())
        }
        let k = Int(n)
        let (mc, mm) = mean(v, samples: k)
        var sc = 0.0, sm = 0.0
        for j in 1...k {
            let i = v * capacity + (head - j + capacity) % capacity
            sc += (cpu[i] - mc) * (cpu[i] - mc)
            sm += (memory[i] - mm) * (memory[i] - mm)
        }
        return (mc + 2 * (sc / n).squareRoot(), mm + 2 * (sm / n).squareRoot())
    }
}
