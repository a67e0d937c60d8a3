/// The scenario an RVTools import will write: host and VM profiles and, per cluster, the named
/// hosts and VMs that use them. Built by ``InventoryPlanner``, written by ``ScenarioYAMLWriter``.
struct InventoryPlan: Sendable {
    /// Identical hosts (same CPU, sizes and memory) share one profile.
    struct HostProfile: Sendable {
        let name: String
        let vendor: String
        let generation: String
        let sockets: Int
        let coresPerSocket: Int
        let mhz: Int
        let memoryGB: Int
        let idleW: Int
        let maxW: Int
        /// The distinct `CPU Model` strings of its hosts, sorted.
        let models: [String]
        /// Why the generation is a guess, if it is.
        let note: String?
        let hostCount: Int
    }

    /// VMs with the same vCPUs, memory, resource controls and CPU usage band share one profile.
    struct VMProfile: Sendable {
        let name: String
        let vcpus: Int
        let memoryMB: Int
        let settings: VMSettings
        /// The mean CPU utilization (0–1) of its VMs.
        let cpuMean: Double
        /// The mean active memory fraction of its VMs, when known.
        let activeFraction: Double?
        /// The mean consumed memory fraction of its VMs, when known.
        let consumedFraction: Double?
        /// The mean disk space in use, GB rounded up, when known.
        let diskGB: Int?
        let vmCount: Int
    }

    /// Named hosts of one profile (and one set of mounted datastores) in one cluster.
    struct HostGroup: Sendable {
        let profile: String
        /// The datastores these hosts mount, when not all of the cluster's (from vDatastore).
        let datastores: [String]?
        let names: [String]
    }

    /// Named VMs of one profile, datastore and network in one cluster.
    struct VMGroup: Sendable {
        /// Unique in the scenario: the profile name, with `-2`, `-3` … when repeated.
        let name: String
        let profile: String
        let datastore: String
        let network: String
        let names: [String]
    }

    /// One cluster with its settings.
    struct Cluster: Sendable {
        let name: String
        let vsphereVersion: String?
        let evc: String?
        let datastores: [String]
        let networks: [String]
        let drsEnabled: Bool?
        let drsAutomation: String?
        let drsThreshold: Int?
        let dpmEnabled: Bool?
        /// `automatic` or `manual` (vCluster's DPM default behavior).
        let dpmAutomation: String?
        let haEnabled: Bool?
        let admissionControl: Bool?
        /// Host failures HA admission control tolerates (vCluster's `Failover Level`).
        let hostFailuresToTolerate: Int?
        let hostGroups: [HostGroup]
        let vmGroups: [VMGroup]
    }

    let hostProfiles: [HostProfile]
    let vmProfiles: [VMProfile]
    let clusters: [Cluster]
    /// The export day (`YYYY-MM-DD`, from vMetaData) that becomes the scenario's `start`.
    let startDay: String?
    let hostsImported: Int
    let vmsImported: Int
    let templatesSkipped: Int
    /// Powered-off, suspended and unknown-state VMs (not simulated).
    let poweredOffSkipped: Int
    /// What was imported, skipped and carried, one line each (also the file's header comment).
    let summary: [String]
    let warnings: [String]
}
