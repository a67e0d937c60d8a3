/// Per-VM ring buffers of recent CPU (MHz) and memory (MB) demand samples, for the windowed
/// estimates DRS (mean over its window) and DPM (mean + 2 sd over 5 or 40 minutes) work on.
///
/// For each registered window length the running sums and sums of squares are updated at every
/// push in O(1) per VM (make bench, fleet: recomputing each window per pass was ~30 % of the
/// run), and recomputed exactly every 4,096 pushes so rounding cannot drift. Memory is
/// O(VMs × longest window), flat in simulated time.
///
/// Layout: the ring is slot-major (`slot × vmCount + v`) and the running sums window-major
/// (`w × vmCount + v`), so a push and a whole-cluster estimate are straight passes over
/// contiguous rows (perf, fleet 2 days: push + per-VM estimates with the VM-major layout were
/// 20 % of the run; see docs/performance.md).
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
    }

    /// Appends the current sample of every VM.
    public mutating func push(cpuMHz: [Double], memoryMB: [Double]) {
        precondition(cpuMHz.count >= vmCount && memoryMB.count >= vmCount, "one sample per VM")
        let n = vmCount
        for (w, k) in windows.enumerated() {
            // The slot this window drops (the same for every VM), or none while it is filling.
            let drop = filled >= k ? (head - k + capacity) % capacity : -1
            Self.slide(&sumCPU, &squaresCPU, row: w * n, ring: cpu, dropAt: drop * n, add: cpuMHz, count: n)
            Self.slide(&sumMemory, &squaresMemory, row: w * n, ring: memory, dropAt: drop * n, add: memoryMB, count: n)
        }
        Self.store(&cpu, at: head * n, cpuMHz, count: n)
        Self.store(&memory, at: head * n, memoryMB, count: n)
        lastSlot = head
        head = (head + 1) % capacity
        filled = min(filled + 1, capacity)
        pushes += 1
        if pushes % 4_096 == 0 { recomputeSums() }
    }

    /// Starts VM `v`'s history over with one sample: every stored sample of the VM (the ring
    /// column, so also what later pushes drop) becomes this one, and the running sums follow.
    /// A VM that arrives mid-run (a churn row, possibly reused) thus has a flat history of its
    /// first sample until its own samples fill the windows: nothing of the row's previous VM is
    /// left, and windows are not diluted by zeros (docs/model.md, "Churn" [I]).
    public mutating func resetVM(_ v: Int, cpuMHz c: Double, memoryMB m: Double) {
        precondition(v >= 0 && v < vmCount, "VM index in range")
        for slot in 0..<capacity {
            cpu[slot * vmCount + v] = c
            memory[slot * vmCount + v] = m
        }
        for (w, k) in windows.enumerated() {
            let n = Double(min(k, filled))
            let i = w * vmCount + v
            sumCPU[i] = n * c; squaresCPU[i] = n * c * c
            sumMemory[i] = n * m; squaresMemory[i] = n * m * m
        }
    }

    /// One window's running sums: drop the ring row at `dropAt` (when ≥ 0), add `add`.
    /// The subtraction and the addition stay two roundings, as in an element-wise update.
    private static func slide(_ sum: inout [Double], _ squares: inout [Double], row: Int, ring: [Double], dropAt: Int,
                              add: [Double], count n: Int) {
        sum.withUnsafeMutableBufferPointer { s in
            squares.withUnsafeMutableBufferPointer { q in
                ring.withUnsafeBufferPointer { r in
                    add.withUnsafeBufferPointer { a in
                        if dropAt >= 0 {
                            for v in 0..<n {
                                let o = r[dropAt + v]
                                s[row + v] -= o; q[row + v] -= o * o
                            }
                        }
                        for v in 0..<n {
                            let c = a[v]
                            s[row + v] += c; q[row + v] += c * c
                        }
                    }
                }
            }
        }
    }

    private static func store(_ ring: inout [Double], at offset: Int, _ values: [Double], count n: Int) {
        ring.withUnsafeMutableBufferPointer { r in
            values.withUnsafeBufferPointer { x in
                for v in 0..<n { r[offset + v] = x[v] }
            }
        }
    }

    private mutating func recomputeSums() {
        let n = vmCount
        for v in 0..<n {
            for (w, k) in windows.enumerated() {
                let count = min(k, filled)
                var sc = 0.0, qc = 0.0, sm = 0.0, qm = 0.0
                for j in 1...max(1, count) where count > 0 {
                    let i = ((head - j + capacity) % capacity) * n + v
                    sc += cpu[i]; qc += cpu[i] * cpu[i]; sm += memory[i]; qm += memory[i] * memory[i]
                }
                let i = w * n + v
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

    /// ``estimate(_:samples:conservative:)`` of every VM at once, into `cpu` and `memory`
    /// (resized to the VM count); the same values, computed in one pass over contiguous rows.
    public func estimates(samples: Int, conservative: Bool, cpu outCPU: inout [Double], memory outMemory: inout [Double]) {
        let n = vmCount
        if outCPU.count != n { outCPU = Array(repeating: 0, count: n) }
        if outMemory.count != n { outMemory = Array(repeating: 0, count: n) }
        if samples <= 1 || filled <= 1 {
            Self.copyRow(cpu, at: lastSlot * n, into: &outCPU)
            Self.copyRow(memory, at: lastSlot * n, into: &outMemory)
            return
        }
        guard let w = windows.firstIndex(of: samples) else {
            for v in 0..<n {
                let e = estimate(v, samples: samples, conservative: conservative)
                outCPU[v] = e.cpuMHz; outMemory[v] = e.memoryMB
            }
            return
        }
        let count = Double(max(1, min(samples, filled)))
        Self.windowEstimate(sumCPU, squaresCPU, row: w * n, count: count, conservative: conservative, into: &outCPU)
        Self.windowEstimate(sumMemory, squaresMemory, row: w * n, count: count, conservative: conservative, into: &outMemory)
    }

    private static func copyRow(_ ring: [Double], at offset: Int, into out: inout [Double]) {
        ring.withUnsafeBufferPointer { r in
            out.withUnsafeMutableBufferPointer { o in
                for v in 0..<o.count { o[v] = r[offset + v] }
            }
        }
    }

    /// Mean (or mean + 2 sd) from running sums: the formulas of `mean` and `meanPlusTwoSD`.
    private static func windowEstimate(_ sum: [Double], _ squares: [Double], row: Int, count n: Double, conservative: Bool,
                                       into out: inout [Double]) {
        sum.withUnsafeBufferPointer { s in
            squares.withUnsafeBufferPointer { q in
                out.withUnsafeMutableBufferPointer { o in
                    // A window of 2^k samples divides exactly by multiplying by 1/n, which is
                    // several times cheaper than a division (perf, fleet 2 days: DPM's mean + 2 sd
                    // over 8 samples was 9 % of the run with divisions; a SIMD2 version of the
                    // divisions gave nothing on this machine).
                    let inverse = 1 / n
                    if n.significand == 1, conservative {
                        for v in 0..<o.count {
                            let m = s[row + v] * inverse
                            let variance = max(0, q[row + v] * inverse - m * m)
                            o[v] = m + 2 * variance.squareRoot()
                        }
                    } else if conservative {
                        for v in 0..<o.count {
                            let m = s[row + v] / n
                            let variance = max(0, q[row + v] / n - m * m)
                            o[v] = m + 2 * variance.squareRoot()
                        }
                    } else if n.significand == 1 {
                        for v in 0..<o.count { o[v] = s[row + v] * inverse }
                    } else {
                        for v in 0..<o.count { o[v] = s[row + v] / n }
                    }
                }
            }
        }
    }

    /// The latest sample of VM `v`.
    @inline(__always)
    func latest(_ v: Int) -> (cpuMHz: Double, memoryMB: Double) {
        let i = lastSlot * vmCount + v
        return (cpu[i], memory[i])
    }

    /// Mean CPU and memory of VM `v` over its last `samples` samples.
    public func mean(_ v: Int, samples: Int) -> (cpuMHz: Double, memoryMB: Double) {
        if samples <= 1 || filled <= 1 { return latest(v) }
        let n = Double(max(1, min(samples, filled)))
        if let w = windows.firstIndex(of: samples) {
            let i = w * vmCount + v
            return (sumCPU[i] / n, sumMemory[i] / n)
        }
        let k = Int(n)
        var c = 0.0, m = 0.0
        for j in 1...k {
            let i = ((head - j + capacity) % capacity) * vmCount + v
            c += cpu[i]; m += memory[i]
        }
        return (c / n, m / n)
    }

    /// Mean plus two (population) standard deviations of VM `v` over its last `samples` samples:
    /// DPM's conservative demand estimate (docs/model.md, DPM).
    public func meanPlusTwoSD(_ v: Int, samples: Int) -> (cpuMHz: Double, memoryMB: Double) {
        if samples <= 1 || filled <= 1 { return latest(v) }   // one sample: sd = 0
        let n = Double(max(1, min(samples, filled)))
        if let w = windows.firstIndex(of: samples) {
            let i = w * vmCount + v
            let mc = sumCPU[i] / n, mm = sumMemory[i] / n
            let vc = max(0, squaresCPU[i] / n - mc * mc), vm = max(0, squaresMemory[i] / n - mm * mm)
            return (mc + 2 * vc.squareRoot(), mm + 2 * vm.squareRoot())
        }
        let k = Int(n)
        let (mc, mm) = mean(v, samples: k)
        var sc = 0.0, sm = 0.0
        for j in 1...k {
            let i = ((head - j + capacity) % capacity) * vmCount + v
            sc += (cpu[i] - mc) * (cpu[i] - mc)
            sm += (memory[i] - mm) * (memory[i] - mm)
        }
        return (mc + 2 * (sc / n).squareRoot(), mm + 2 * (sm / n).squareRoot())
    }
}
