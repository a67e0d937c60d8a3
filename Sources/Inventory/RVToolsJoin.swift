/// Matches the rows of the per-VM tabs (`vCPU`, `vMemory`, `vNetwork`) to the `vInfo` VMs.
///
/// A row belongs to the VM with the same name and, when both tabs have a `VM ID`, the same id
/// (names repeat across vCenters and folders; ids repeat across vCenters). Without ids, the k-th
/// VM of a repeated name takes the k-th row of that name — RVTools writes every tab in the same
/// VM order.
enum RVToolsJoin {
    /// For each VM, the index of its row among `rows` (name and id of each), or `nil`.
    static func match(_ vms: [VMRecord], rows: [(name: String, id: String)]) -> [Int?] {
        let useIDs = vms.contains { !$0.vmID.isEmpty } && rows.contains { !$0.id.isEmpty }
        var queues: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            queues[key(row.name, useIDs ? row.id : ""), default: []].append(index)
        }
        var taken: [String: Int] = [:]
        return vms.map { vm in
            let k = key(vm.name, useIDs ? vm.vmID : "")
            guard let queue = queues[k] else { return nil }
            let next = taken[k, default: 0]
            guard next < queue.count else { return nil }
            taken[k] = next + 1
            return queue[next]
        }
    }

    /// Each VM's rows among `rows` (all of them: one per NIC in vNetwork), in row order.
    static func all(_ vms: [VMRecord], rows: [(name: String, id: String)]) -> [[Int]] {
        let useIDs = vms.contains { !$0.vmID.isEmpty } && rows.contains { !$0.id.isEmpty }
        var groups: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            groups[key(row.name, useIDs ? row.id : ""), default: []].append(index)
        }
        var seen: Set<String> = []
        return vms.map { vm in
            let k = key(vm.name, useIDs ? vm.vmID : "")
            // A repeated name without ids: only its first VM takes the rows (they cannot be told apart).
            guard seen.insert(k).inserted else { return [] }
            return groups[k] ?? []
        }
    }

    private static func key(_ name: String, _ id: String) -> String {
        id.isEmpty ? name : name + "\u{1F}" + id
    }
}
