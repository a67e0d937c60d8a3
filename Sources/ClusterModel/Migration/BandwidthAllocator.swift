/// Max-min fair sharing of vMotion NIC bandwidth (docs/model.md "vMotion"): every flow crosses its source
/// host's egress and its destination host's ingress; a flow may also carry its own cap (the
/// storage copy rate of a shared-nothing disk phase). Progressive filling: all unfrozen flows rise
/// together until a link saturates or a flow reaches its cap; those freeze; repeat.
///
/// Cost O(F × rounds) with rounds ≤ F, recomputed on every start, end or phase change; F is the
/// number of copying migrations in one cluster (at most 8 per host).
struct BandwidthAllocator {
    private var egressLeft: [Double]
    private var ingressLeft: [Double]
    private var egressUsers: [Int32]
    private var ingressUsers: [Int32]
    private var frozen: [Bool] = []

    init(hosts: Int) {
        egressLeft = Array(repeating: 0, count: hosts)
        ingressLeft = egressLeft
        egressUsers = Array(repeating: 0, count: hosts)
        ingressUsers = egressUsers
    }

    /// Computes `rates[i]` (Mbit/s) for flows `source[i] → destination[i]` with optional caps
    /// (`.infinity` for none), given each host's link capacity in Mbit/s (same both directions).
    mutating func allocate(source: [Int32], destination: [Int32], cap: [Double], linkMbps: [Double], rates: inout [Double]) {
        let f = source.count
        rates = Array(repeating: 0, count: f)
        guard f > 0 else { return }
        frozen = Array(repeating: false, count: f)
        for i in 0..<f {
            let s = Int(source[i]), d = Int(destination[i])
            egressLeft[s] = linkMbps[s]; ingressLeft[d] = linkMbps[d]
            egressUsers[s] = 0; ingressUsers[d] = 0
        }
        for i in 0..<f {
            egressUsers[Int(source[i])] += 1
            ingressUsers[Int(destination[i])] += 1
        }
        var level = 0.0
        var remaining = f
        while remaining > 0 {
            var step = Double.infinity
            for i in 0..<f where !frozen[i] {
                let s = Int(source[i]), d = Int(destination[i])
                step = min(step, egressLeft[s] / Double(egressUsers[s]), ingressLeft[d] / Double(ingressUsers[d]), cap[i] - level)
            }
            step = max(0, step)
            level += step
            for i in 0..<f where !frozen[i] {
                egressLeft[Int(source[i])] -= step
                ingressLeft[Int(destination[i])] -= step
            }
            let eps = 1e-9
            var froze = false
            for i in 0..<f where !frozen[i] {
                let s = Int(source[i]), d = Int(destination[i])
                if egressLeft[s] <= eps * linkMbps[s] || ingressLeft[d] <= eps * linkMbps[d] || cap[i] - level <= eps {
                    frozen[i] = true
                    froze = true
                    rates[i] = level
                    remaining -= 1
                }
            }
            // Users of links that froze leave the counts so other links share among the rest.
            if froze {
                for i in 0..<f { egressUsers[Int(source[i])] = 0; ingressUsers[Int(destination[i])] = 0 }
                for i in 0..<f where !frozen[i] {
                    egressUsers[Int(source[i])] += 1
                    ingressUsers[Int(destination[i])] += 1
                }
            } else {
                break
            }
        }
    }
}
