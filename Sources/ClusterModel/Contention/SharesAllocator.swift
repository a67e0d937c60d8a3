/// Divides a host's CPU among its VMs under contention, as the ESXi scheduler does in steady state:
/// reservations first, then the rest in proportion to shares, never more than a VM demands
/// (weighted max-min fairness, "water-filling"). docs/model.md "Contention and unmet demand" ([Docs-Shares]).
///
/// Reusable scratch buffers keep it allocation-free once warmed up.
public struct SharesAllocator {
    private var order: [Int] = []
    private var ratio: [Double] = []

    public init() {}

    /// Fills `served[i]` for the VMs of one host.
    ///
    /// - Parameters:
    ///   - demand: MHz each VM wants (already capped by its limit and by the host's core speed).
    ///   - reservation: MHz guaranteed to each VM.
    ///   - shares: CPU shares of each VM (> 0).
    ///   - capacity: MHz the host can give to VMs.
    ///   - served: output, MHz each VM gets; Σ served ≤ capacity and served ≤ demand.
    public mutating func allocate(
        demand: UnsafeBufferPointer<Double>, reservation: UnsafeBufferPointer<Double>,
        shares: UnsafeBufferPointer<Double>, capacity: Double, served: UnsafeMutableBufferPointer<Double>
    ) {
        let n = demand.count
        var total = 0.0
        for i in 0..<n { total += demand[i] }
        if total <= capacity {
            for i in 0..<n { served[i] = demand[i] }
            return
        }
        // Reservations (admission control keeps their sum within capacity; scale down if not).
        var reserved = 0.0
        for i in 0..<n {
            served[i] = min(demand[i], reservation[i])
            reserved += served[i]
        }
        if reserved >= capacity {
            let scale = reserved > 0 ? capacity / reserved : 0
            for i in 0..<n { served[i] *= scale }
            return
        }
        // Water-fill the remainder by shares over the still-unserved demand.
        var remaining = capacity - reserved
        order.removeAll(keepingCapacity: true)
        ratio.removeAll(keepingCapacity: true)
        var weight = 0.0
        for i in 0..<n {
            let want = demand[i] - served[i]
            ratio.append(want / shares[i])
            if want > 0 {
                order.append(i)
                weight += shares[i]
            }
        }
        order.sort { ratio[$0] < ratio[$1] || (ratio[$0] == ratio[$1] && $0 < $1) }
        for i in order {
            let fair = remaining * shares[i] / weight
            let want = demand[i] - served[i]
            let give = min(want, fair)
            served[i] += give
            remaining -= give
            weight -= shares[i]
        }
    }
}
