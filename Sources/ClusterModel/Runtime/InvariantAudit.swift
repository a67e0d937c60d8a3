import SimKernel

/// What the invariant checker carries from one check to the next (used only under
/// ``RunSettings/checkInvariants``; see ``ClusterRuntime/invariantViolations()``).
struct InvariantAudit {
    /// Time and metered energy at the previous check (the clock and energy never go back).
    var lastTime: SimTime = .zero
    var lastMeteredEnergyJ = 0.0
    /// Host state changes that the state machine does not allow, noted as they happen.
    var badTransitions: [String] = []
}
