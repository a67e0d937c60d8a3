/// vSphere HA restart priority of a VM (vmware-facts-2 §3 Restarts 1): HA restarts the VMs of a
/// failed host highest first; `disabled` VMs are not restarted. Default `medium`.
public enum RestartPriority: String, SpecEnum {
    case disabled, lowest, low, medium, high, highest

    /// Restart order rank: 5 for `highest` down to 1 for `lowest`, 0 for `disabled`.
    public var rank: Int {
        switch self {
        case .disabled: return 0
        case .lowest: return 1
        case .low: return 2
        case .medium: return 3
        case .high: return 4
        case .highest: return 5
        }
    }
}
