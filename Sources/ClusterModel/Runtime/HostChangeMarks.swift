/// Hosts changed during the current event: energy and CPU division as observers of state changes
/// (the pattern of SimGrid's `host_energy` plugin). Whoever changes a host's residents, power state
/// or vMotion load marks it here; ``ClusterRuntime`` flushes once at the end of each event (and of
/// each public call that changes state): hosts whose residents or vMotion CPU reservation changed
/// get their CPU re-divided, every marked host its power draw. A host marked twice is flushed once.
struct HostChangeMarks {
    private var divideMark: [Bool]
    private var powerMark: [Bool]
    /// Hosts whose CPU must be re-divided (residents changed), in marking order.
    private(set) var divide: [Int32] = []
    /// Hosts whose power draw must be set again, in marking order.
    private(set) var power: [Int32] = []
    /// Every host's CPU is re-divided (a sample, or VMs restarted across the cluster).
    private(set) var divideEveryHost = false
    /// Every host's power is set again.
    private(set) var powerEveryHost = false

    init(hosts: Int) {
        divideMark = Array(repeating: false, count: hosts)
        powerMark = divideMark
    }

    var isEmpty: Bool { power.isEmpty && !powerEveryHost && divide.isEmpty && !divideEveryHost }
    var needsDivision: Bool { divideEveryHost || !divide.isEmpty }

    /// VMs arrived on or left host `h`: its CPU is re-divided and its power set.
    mutating func residentsChanged(_ h: Int) {
        if !divideMark[h] { divideMark[h] = true; divide.append(Int32(h)) }
        loadChanged(h)
    }

    /// The CPU host `h`'s VMs share changed (its vMotion reservation): its CPU is re-divided and
    /// its power set.
    mutating func capacityChanged(_ h: Int) { residentsChanged(h) }

    /// Host `h`'s power state changed: its power is set.
    mutating func loadChanged(_ h: Int) {
        if !powerMark[h] { powerMark[h] = true; power.append(Int32(h)) }
    }

    /// Every host is re-divided and its power set.
    mutating func everyHostChanged() {
        divideEveryHost = true
        powerEveryHost = true
    }

    /// Every host's power is set (at the start, before any division).
    mutating func everyHostPowerChanged() { powerEveryHost = true }

    /// Forgets the division marks (the division was done); power marks stay.
    mutating func divided() {
        for h in divide { divideMark[Int(h)] = false }
        divide.removeAll(keepingCapacity: true)
        divideEveryHost = false
    }

    /// Forgets the power marks (the draws were set).
    mutating func powered() {
        for h in power { powerMark[Int(h)] = false }
        power.removeAll(keepingCapacity: true)
        powerEveryHost = false
    }
}
