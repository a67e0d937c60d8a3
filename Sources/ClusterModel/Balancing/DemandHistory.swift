/// Per-VM ring buffers of recent CPU (MHz) and memory (MB) demand samples, for the windowed
/// estimates DRS (mean over its window) and DPM (mean + 2 sd over 5 or 40 minutes) work on.
/// Memory is O(VMs × window samples), flat in simulated time.
public struct DemandHistory: Sendable {
    public let capacity: Int
    private var cpu: [Double]
    private var memory: [Double]
    /// Samples stored so far (saturates at `capacity`).
    public private(set) var filled = 0
    /// Samples pushed since the start (a version stamp for caches).
    public private(set) var pushes = 0
    private var head = 0   // index of the next write
    private let vmCount: Int

    public init(vms: Int, capacity: Int) {
        self.capacity = max(1, capacity)
        vmCount = vms
        cpu = Array(repeating: 0, count: vms * self.capacity)
        memory = cpu
    }

    /// Appends the current sample of every VM.
    public mutating func push(cpuMHz: [Double], memoryMB: [Double]) {
        for v in 0..<vmCount {
            cpu[v * capacity + head] = cpuMHz[v]
            memory[v * capacity + head] = memoryMB[v]
        }
        head = (head + 1) % capacity
        filled = min(filled + 1, capacity)
        pushes += 1
    }

    /// Mean CPU and memory of VM `v` over its last `samples` samples.
    public func mean(_ v: Int, samples: Int) -> (cpuMHz: Double, memoryMB: Double) {
        let k = max(1, min(samples, filled))
        var c = 0.0, m = 0.0
        for j in 1...k {
            let i = v * capacity + (head - j + capacity) % capacity
            c += cpu[i]; m += memory[i]
        }
        return (c / Double(k), m / Double(k))
    }

    /// Mean plus two (population) standard deviations of VM `v` over its last `samples` samples:
    /// DPM's conservative demand estimate (vmware-facts §2.1).
    public func meanPlusTwoSD(_ v: Int, samples: Int) -> (cpuMHz: Double, memoryMB: Double) {
        let k = max(1, min(samples, filled))
        let (mc, mm) = mean(v, samples: k)
        var sc = 0.0, sm = 0.0
        for j in 1...k {
            let i = v * capacity + (head - j + capacity) % capacity
            sc += (cpu[i] - mc) * (cpu[i] - mc)
            sm += (memory[i] - mm) * (memory[i] - mm)
        }
        return (mc + 2 * (sc / Double(k)).squareRoot(), mm + 2 * (sm / Double(k)).squareRoot())
    }
}
