/// What `drsim import rvtools` produced: the scenario text and what was imported or skipped.
public struct RVToolsImportResult: Sendable {
    /// The scenario file (docs/scenario-format.md, schema_version 1), ready to write.
    public let yaml: String
    /// Clusters, hosts and powered-on VMs written to the scenario.
    public let clustersImported: Int
    public let hostsImported: Int
    public let vmsImported: Int
    /// VM profiles the VMs were grouped into.
    public let vmProfiles: Int
    /// Templates skipped (never simulated).
    public let templatesSkipped: Int
    /// Powered-off, suspended and unknown-state VMs skipped (never simulated).
    public let poweredOffSkipped: Int
    /// What was read, imported, skipped and why, and what was carried, one line each (also in
    /// the file's header comment).
    public let summary: [String]
    /// Everything the user should check, one line each (also in the file's header comment).
    public let warnings: [String]
}
