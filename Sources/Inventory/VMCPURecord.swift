/// One VM's CPU resource settings and usage as read from the RVTools `vCPU` tab.
struct VMCPURecord: Sendable {
    let name: String
    let vmID: String
    /// `Overall`: CPU usage, MHz (vSphere's quickStats.overallCpuUsage), when exported.
    let overallMHz: Double?
    /// `Max`: the most the VM can use, MHz (vCPUs × host core speed, or its limit).
    let maxMHz: Double?
    /// `Level`: low, normal, high or custom.
    let level: String
    /// `Shares`: the VM's CPU shares (all vCPUs together).
    let shares: Double?
    /// `Reservation`, MHz (0 when none).
    let reservationMHz: Double
    /// `Limit`, MHz; `nil` when unlimited (RVTools writes -1).
    let limitMHz: Double?
    let row: Int

    /// The columns read from `vCPU`.
    enum Columns {
        static let vm = RVToolsColumn("VM", ["VM Name", "Name", "vCPUVMName"])
        static let vmID = RVToolsColumn("VM ID", ["VMID", "vCPUVMID"])
        static let overall = RVToolsColumn("Overall", ["Overall MHz", "Overall Usage", "vCPUOverall"])
        static let max = RVToolsColumn("Max", ["Max MHz", "vCPUMax"])
        static let level = RVToolsColumn("Level", ["Shares Level", "vCPULevel"])
        static let shares = RVToolsColumn("Shares", ["vCPUShares"])
        static let reservation = RVToolsColumn("Reservation", ["Reservation MHz", "vCPUReservation"])
        static let limit = RVToolsColumn("Limit", ["Limit MHz", "vCPULimit"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [vm, vmID, overall, max, level, shares, reservation, limit]
    }

    /// Reads every row of a `vCPU` tab.
    static func read(_ sheet: RVToolsSheet) throws -> [VMCPURecord] {
        typealias C = Columns
        let vm = try sheet.require([C.vm])[0]
        let (id, overall, max, level, shares, reservation, limit) =
            (sheet.index(of: C.vmID), sheet.index(of: C.overall), sheet.index(of: C.max), sheet.index(of: C.level),
             sheet.index(of: C.shares), sheet.index(of: C.reservation), sheet.index(of: C.limit))
        return try (0..<sheet.rowCount).map { row in
            let limitValue = try sheet.optionalSignedNumber(row, limit, C.limit)
            return VMCPURecord(
                name: sheet.name(row, vm), vmID: sheet.text(row, id),
                overallMHz: try sheet.optionalNumber(row, overall, C.overall), maxMHz: try sheet.optionalNumber(row, max, C.max),
                level: sheet.text(row, level).lowercased(), shares: try sheet.optionalNumber(row, shares, C.shares),
                reservationMHz: try sheet.optionalNumber(row, reservation, C.reservation) ?? 0,
                limitMHz: limitValue.flatMap { $0 < 0 ? nil : $0 }, row: sheet.rowNumber(row))
        }
    }
}
