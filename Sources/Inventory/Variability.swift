/// The workload variability an import adds by default, so that replications of a run differ
/// (`--no-variability` leaves it out). [I] drsim's choice, not an observation: RVTools exports
/// one snapshot, which says nothing about how demand varies. The values are the scenario
/// format's own defaults for a `noise` block (docs/scenario-format.md: log-normal AR(1),
/// σ 0.15, correlation time 30 min — its mean is 1, so the observed means are kept), and a
/// smaller σ for active memory, which moves more slowly than CPU demand.
enum Variability {
    static let cpuSigma = "0.15"
    static let cpuCorrelationTime = "30m"
    static let memorySigma = "0.1"
}
