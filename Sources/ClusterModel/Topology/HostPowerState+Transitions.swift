extension HostPowerState {
    /// Whether the host power-state machine allows a direct move from `self` to `next`
    /// (docs/model.md "Host power states", docs/model.md "DPM", docs/model.md "Maintenance, patching, failures, HA"):
    ///
    /// - on → entering_standby → shutting_down → standby → booting → on (DPM, manual power-off);
    /// - on → entering_maintenance → maintenance → on, or → booting → on (rolling patch reboot);
    /// - entering_standby / entering_maintenance → on when the evacuation is abandoned (stuck);
    /// - any state → failed, and failed → booting (repair) → on.
    ///
    /// Checked on every change under `--check-invariants` (``ClusterRuntime/invariantViolations()``).
    public func canMove(to next: HostPowerState) -> Bool {
        if next == .failed { return self != .failed }
        switch self {
        case .on: return next == .enteringStandby || next == .enteringMaintenance
        case .enteringStandby: return next == .shuttingDown || next == .on
        case .shuttingDown: return next == .standby
        case .standby: return next == .booting
        case .booting: return next == .on
        case .enteringMaintenance: return next == .maintenance || next == .on
        case .maintenance: return next == .on || next == .booting
        case .failed: return next == .booting
        }
    }
}
