/// Memory contention (active memory not resident) as the score model reads it while drsim has no
/// memory reclamation model: a host's active memory beyond its physical memory, shared among
/// its VMs in proportion to their active memory [I]. Admission control keeps every host's
/// configured memory within its capacity, so today this is always 0; the runtime reads it from
/// one function (`ClusterRuntime.memoryContentionMB(vm:)`) so that a memory model replaces it there.
enum MemoryContention {
    /// The contention (MiB) of a VM with `activeMB` on a host whose VMs hold `hostActiveMB` of
    /// active memory in total (the VM's included) and whose memory is `capacityMB`.
    static func contentionMB(activeMB: Double, hostActiveMB: Double, capacityMB: Double) -> Double {
        guard hostActiveMB > capacityMB, hostActiveMB > 0 else { return 0 }
        return (hostActiveMB - capacityMB) * activeMB / hostActiveMB
    }
}
