/// One virtual NIC's port group as read from the RVTools `vNetwork` tab (one row per NIC).
struct VMNetworkRecord: Sendable {
    let vm: String
    let vmID: String
    /// `Network`: the port group (standard or distributed).
    let network: String

    /// The columns read from `vNetwork`.
    enum Columns {
        static let vm = RVToolsColumn("VM", ["VM Name", "vNetworkVMName"])
        static let vmID = RVToolsColumn("VM ID", ["VMID", "vNetworkVMID"])
        static let network = RVToolsColumn("Network", ["Port Group", "Portgroup", "vNetworkNetwork"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [vm, vmID, network]
    }

    /// Reads every NIC row with a port group of a `vNetwork` tab, in sheet order.
    static func read(_ sheet: RVToolsSheet) throws -> [VMNetworkRecord] {
        let required = try sheet.require([Columns.vm, Columns.network])
        let id = sheet.index(of: Columns.vmID)
        return (0..<sheet.rowCount).compactMap { row in
            let network = sheet.text(row, required[1])
            guard !network.isEmpty else { return nil }
            return VMNetworkRecord(vm: sheet.name(row, required[0]), vmID: sheet.text(row, id), network: network)
        }
    }
}
