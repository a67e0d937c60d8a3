/// A scheduled operator action or fault (docs/model.md "Maintenance, patching, failures, HA",
/// docs/scenario-format.md `events:`).
///
/// Keys used per action: `migrate` needs `vm` and `to` (a host of the VM's cluster);
/// `enter_maintenance` needs `host` and may give `for` (exit after that long; else it stays);
/// `fail_host` needs `host` and may give `repair_after` (else it stays failed until a
/// `repair_host` event); `exit_maintenance`, `repair_host`, `power_on_host`, `power_off_host`
/// need `host`. Events at or after the end of the run never happen.
public struct EventSpec: Codable, Hashable, Sendable {
    /// What happens.
    public enum Action: String, SpecEnum {
        case migrate
        case enterMaintenance = "enter_maintenance"
        case exitMaintenance = "exit_maintenance"
        case failHost = "fail_host"
        case repairHost = "repair_host"
        case powerOnHost = "power_on_host"
        case powerOffHost = "power_off_host"
    }

    /// Time since the start of the run (required).
    public var at: DurationValue
    /// Action (required).
    public var action: Action
    /// VM to migrate.
    public var vm: String?
    /// Destination host of a migration.
    public var to: String?
    /// The host acted on.
    public var host: String?
    /// Maintenance length (`for:` in the file).
    public var forDuration: DurationValue?
    /// Time until a failed host is repaired.
    public var repairAfter: DurationValue?

    /// An event.
    public init(at: DurationValue, action: Action, vm: String? = nil, to: String? = nil, host: String? = nil,
                forDuration: DurationValue? = nil, repairAfter: DurationValue? = nil) {
        self.at = at
        self.action = action
        self.vm = vm
        self.to = to
        self.host = host
        self.forDuration = forDuration
        self.repairAfter = repairAfter
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case at, action, vm, to, host
        case forDuration = "for"
        case repairAfter = "repair_after"
    }
}

extension EventSpec {
    /// Reads one element of `events:`.
    init(reading m: MappingReader<CodingKeys>) {
        self.init(at: m.required(.at) { $0.duration() } ?? .zero,
                  action: m.required(.action) { $0.enumValue(Action.self) } ?? .migrate,
                  vm: m.string(.vm), to: m.string(.to), host: m.string(.host),
                  forDuration: m.duration(.forDuration), repairAfter: m.duration(.repairAfter))
    }
}
