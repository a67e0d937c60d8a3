/// What `drsim validate` warns about in a valid scenario: settings that run, but likely not as
/// the planner meant (docs/scenario-format.md "Warnings").
public enum ScenarioWarnings {
    /// One line per warning, cluster by cluster.
    public static func list(_ loaded: LoadedScenario) -> [String] {
        let spec = loaded.spec
        var warnings: [String] = []
        for cluster in loaded.resolved.clusters {
            let hostMemoryGB = cluster.hosts.reduce(0.0) { $0 + spec.hostProfiles[$1.profileIndex].memoryGB }
            let vmMemoryGB = cluster.vms.reduce(0.0) { $0 + spec.vmProfiles[$1.profileIndex].memoryGB }
            if vmMemoryGB > hostMemoryGB {
                warnings.append("cluster '\(cluster.name)': its \(cluster.vms.count) VMs configure "
                                + "\(SpecValidator.show(vmMemoryGB.rounded())) GB of memory, its \(cluster.hosts.count) hosts "
                                + "have \(SpecValidator.show(hostMemoryGB.rounded())) GB: not every VM can power on")
            }
            if cluster.dpm.enabled, let minimum = cluster.dpm.minHostsOn, minimum > cluster.hosts.count {
                warnings.append("cluster '\(cluster.name)': dpm.min_hosts_on (\(minimum)) exceeds its \(cluster.hosts.count) "
                                + "hosts: DPM keeps every host on")
            }
        }
        return warnings.map { TerminalText.escaped($0) }
    }
}
