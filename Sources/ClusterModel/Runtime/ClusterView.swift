import SimKernel

/// A read-only view of one cluster at an instant, for whoever judges it without changing it: the
/// invariant checker, and the policies' inputs. Built once per pass (``ClusterRuntime/view()``)
/// without copying: the tables are shared copy-on-write and never written through it. Let it go
/// before the state changes (policies return recommendations, which the runtime applies after the
/// pass), or the first write would copy the table it touches.
struct ClusterView {
    let now: SimTime
    let config: ClusterConfig
    let hosts: HostTable
    let vms: VMTable
    let migrations: MigrationTable
    let migrationStats: MigrationStatistics
    let vmotion: VMotionCompatibility
    let rules: RuleBook
    let churn: ChurnState
}
