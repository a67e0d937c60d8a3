/// What `drsim import rvtools` produced: the scenario text and what was imported or skipped.
public struct RVToolsImportResult: Sendable {
    /// The scenario file (DESIGN §5, schema_version 1), ready to write.
    public let yaml: String
    /// Clusters, hosts and powered-on VMs written to the scenario.
    public let clustersImported: Int
    public let hostsImported: Int
    public let vmsImported: Int
    /// Templates skipped (never simulated).
    public let templatesSkipped: Int
    /// Powered-off and suspended VMs skipped (never simulated).
    public let poweredOffSkipped: Int
    /// Everything the user should check, one line each (also in the file's header comment).
    public let warnings: [String]
}
