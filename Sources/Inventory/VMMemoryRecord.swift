/// One VM's memory settings and usage as read from the RVTools `vMemory` tab (MiB throughout).
struct VMMemoryRecord: Sendable {
    let name: String
    let vmID: String
    /// `Size MiB`: configured memory.
    let sizeMB: Double?
    /// `Consumed`: host memory backing the guest (quickStats.hostMemoryUsage).
    let consumedMB: Double?
    /// `Active`: guest memory recently touched (quickStats.guestMemoryUsage).
    let activeMB: Double?
    let balloonedMB: Double?
    let swappedMB: Double?
    /// `Level`: low, normal, high or custom.
    let level: String
    /// `Shares`: the VM's memory shares.
    let shares: Double?
    /// `Reservation` (0 when none).
    let reservationMB: Double
    /// `Limit`; `nil` when unlimited (RVTools writes -1).
    let limitMB: Double?
    /// `Memory Reservation Locked To Max`: the reservation follows the configured size.
    let lockedToMax: Bool
    let row: Int

    /// The columns read from `vMemory`.
    enum Columns {
        static let vm = RVToolsColumn("VM", ["VM Name", "Name", "vMemoryVMName"])
        static let vmID = RVToolsColumn("VM ID", ["VMID", "vMemoryVMID"])
        static let size = RVToolsColumn("Size MiB", ["Size MB", "Size", "Memory", "vMemorySizeMB"])
        static let consumed = RVToolsColumn("Consumed", ["Consumed MiB", "vMemoryConsumed"])
        static let active = RVToolsColumn("Active", ["Active MiB", "vMemoryActive"])
        static let ballooned = RVToolsColumn("Ballooned", ["Ballooned MiB", "vMemoryBallooned"])
        static let swapped = RVToolsColumn("Swapped", ["Swapped MiB", "vMemorySwapped"])
        static let level = RVToolsColumn("Level", ["Shares Level", "vMemoryLevel"])
        static let shares = RVToolsColumn("Shares", ["vMemoryShares"])
        static let reservation = RVToolsColumn("Reservation", ["Reservation MiB", "vMemoryReservation"])
        static let limit = RVToolsColumn("Limit", ["Limit MiB", "vMemoryLimit"])
        static let locked = RVToolsColumn("Memory Reservation Locked To Max", ["Reservation Locked To Max", "vMemoryReservationLockedToMax"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [vm, vmID, size, consumed, active, ballooned, swapped, level, shares, reservation, limit, locked]
    }

    /// Reads every row of a `vMemory` tab.
    static func read(_ sheet: RVToolsSheet) throws -> [VMMemoryRecord] {
        typealias C = Columns
        let vm = try sheet.require([C.vm])[0]
        let (id, size, consumed, active, ballooned, swapped) =
            (sheet.index(of: C.vmID), sheet.index(of: C.size), sheet.index(of: C.consumed), sheet.index(of: C.active),
             sheet.index(of: C.ballooned), sheet.index(of: C.swapped))
        let (level, shares, reservation, limit, locked) =
            (sheet.index(of: C.level), sheet.index(of: C.shares), sheet.index(of: C.reservation), sheet.index(of: C.limit),
             sheet.index(of: C.locked))
        return try (0..<sheet.rowCount).map { row in
            let limitValue = try sheet.optionalSignedNumber(row, limit, C.limit)
            return VMMemoryRecord(
                name: sheet.name(row, vm), vmID: sheet.text(row, id),
                sizeMB: try sheet.optionalNumber(row, size, C.size),
                consumedMB: try sheet.optionalNumber(row, consumed, C.consumed),
                activeMB: try sheet.optionalNumber(row, active, C.active),
                balloonedMB: try sheet.optionalNumber(row, ballooned, C.ballooned),
                swappedMB: try sheet.optionalNumber(row, swapped, C.swapped),
                level: sheet.text(row, level).lowercased(), shares: try sheet.optionalNumber(row, shares, C.shares),
                reservationMB: try sheet.optionalNumber(row, reservation, C.reservation) ?? 0,
                limitMB: limitValue.flatMap { $0 < 0 ? nil : $0 },
                lockedToMax: try sheet.flag(row, locked, C.locked), row: sheet.rowNumber(row))
        }
    }
}
