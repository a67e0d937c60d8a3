/// A VM's resource controls, read from the `vCPU` and `vMemory` tabs and vInfo's
/// `HA Restart Priority`: what a VM profile carries besides sizes and workload.
struct VMSettings: Hashable, Sendable {
    /// CPU reservation, MHz (`reservation_mhz`).
    var cpuReservationMHz = 0
    /// CPU limit, MHz (`limit_mhz`); `nil` = unlimited.
    var cpuLimitMHz: Int?
    /// CPU shares per vCPU (`shares`): `normal`, `high`, `low` or a number.
    var cpuShares = "normal"
    /// Memory reservation, MiB.
    var memoryReservationMB = 0
    /// Memory limit, MiB; `nil` = unlimited.
    var memoryLimitMB: Int?
    /// Memory shares: `normal`, `high`, `low` or a number.
    var memoryShares = "normal"
    /// HA restart priority (lowest, low, medium, high, highest, disabled); "" = the cluster's.
    var restartPriority = ""

    /// What was dropped or changed, for the warnings.
    struct Notes {
        var limitBelowReservation: [String] = []
        var zeroLimit: [String] = []
    }

    /// The settings of `vm` from its vCPU and vMemory rows (absent rows: vSphere's defaults).
    static func of(_ vm: VMRecord, notes: inout Notes) -> VMSettings {
        var settings = VMSettings()
        if let cpu = vm.cpu {
            settings.cpuReservationMHz = Int(cpu.reservationMHz.rounded())
            if let limit = cpu.limitMHz {
                let mhz = Int(limit.rounded())
                if mhz < 1 {
                    notes.zeroLimit.append(vm.name)
                } else if mhz < settings.cpuReservationMHz {
                    notes.limitBelowReservation.append(vm.name)
                } else {
                    settings.cpuLimitMHz = mhz
                }
            }
            settings.cpuShares = shares(level: cpu.level, total: cpu.shares, per: Double(max(1, vm.vcpus)),
                                        standard: [("high", 2_000), ("normal", 1_000), ("low", 500)])
        }
        if let memory = vm.memory {
            let size = vm.memoryMB  // vInfo's Memory: the profile's memory_gb
            settings.memoryReservationMB = Int((memory.lockedToMax ? size : min(memory.reservationMB, size)).rounded())
            if let limit = memory.limitMB, limit < size {
                let mb = Int(limit.rounded())
                if mb < 1 {
                    notes.zeroLimit.append(vm.name)
                } else if mb < settings.memoryReservationMB {
                    notes.limitBelowReservation.append(vm.name)
                } else {
                    settings.memoryLimitMB = mb
                }
            }
            settings.memoryShares = shares(level: memory.level, total: memory.shares, per: max(1, size),
                                           standard: [("high", 20), ("normal", 10), ("low", 5)])
        }
        settings.restartPriority = restartPriority(vm.haRestartPriority)
        return settings
    }

    /// `high`/`normal`/`low` for those levels; for `custom`, the shares per vCPU (CPU) or per MB
    /// (memory), named by a level when it matches one (2000/1000/500 per vCPU, 20/10/5 per MB —
    /// vSphere Resource Management), else the rounded number (at least 1).
    static func shares(level: String, total: Double?, per unit: Double, standard: [(String, Double)]) -> String {
        if standard.contains(where: { $0.0 == level }) { return level }
        guard level == "custom", let total, total > 0 else { return "normal" }
        let each = total / unit
        if let named = standard.first(where: { abs($0.1 - each) < 0.5 }) { return named.0 }
        return String(max(1, Int(each.rounded())))
    }

    /// vSphere's DasVmPriority names (lowest … highest, disabled); `clusterRestartPriority`,
    /// empty or unknown → "" (the cluster's default).
    static func restartPriority(_ text: String) -> String {
        let value = RVToolsColumn.normalize(text)
        return ["lowest", "low", "medium", "high", "highest", "disabled"].contains(value) ? value : ""
    }
}
