/// One output column: its name (snake_case with a unit suffix) and what it holds.
public struct OutputColumn: Sendable {
    public let name: String
    public let meaning: String
    public init(_ name: String, _ meaning: String) { self.name = name; self.meaning = meaning }
}

/// The CSV column lists, defined once (docs/outputs.md). Writers emit cells in exactly this order, a test
/// checks every header against these lists, and `docs/outputs.md` is generated from them.
public enum OutputColumns {
    public static let timeseries: [OutputColumn] = [
        .init("time_s", "Start of the sample interval, seconds since the scenario's start."),
        .init("timestamp", "The same instant as `YYYY-MM-DD HH:MM:SS` (UTC)."),
        .init("cluster", "Cluster name."),
        .init("hosts_on", "Hosts in state `on`."),
        .init("hosts_standby", "Hosts in DPM standby."),
        .init("hosts_transitioning", "Hosts entering standby or maintenance, shutting down or booting."),
        .init("hosts_maintenance", "Hosts in maintenance mode."),
        .init("hosts_failed", "Failed hosts."),
        .init("vms_running", "VMs running on a host."),
        .init("vms_down", "VMs not running (failed admission, host failure awaiting HA, no capacity)."),
        .init("cpu_demand_mhz", "CPU the running VMs demand, after their limits, MHz (demand beyond a VM's vCPUs included: see `vms_vcpu_saturated`)."),
        .init("cpu_capacity_mhz", "CPU capacity of the hosts that run VMs, MHz."),
        .init("cpu_served_mhz", "CPU the VMs got after contention (shares), MHz."),
        .init("cpu_unmet_mhz", "Demand not served (`cpu_demand_mhz − cpu_served_mhz`), MHz."),
        .init("mem_demand_mb", "DRS memory demand (active + 25 % of idle + overhead) of running VMs, MiB."),
        .init("mem_capacity_mb", "Memory of the hosts that run VMs, MiB."),
        .init("chlsd", "Current host load standard deviation over `on` hosts (load = max of CPU and memory entitlement / capacity)."),
        .init("thlsd", "Target host load standard deviation for the DRS threshold (0 when DRS is off, at threshold 5, or under score DRS, which has no such target)."),
        .init("max_host_cpu_util", "Highest host CPU utilization (0–1) among hosts that run VMs."),
        .init("min_host_cpu_util", "Lowest host CPU utilization (0–1) among hosts that run VMs."),
        .init("power_w", "IT power of the cluster during the interval, W."),
        .init("energy_kwh", "Cumulative IT energy from t = 0 to `time_s`, kWh."),
        .init("facility_energy_kwh", "`energy_kwh × pue`, kWh."),
        .init("migrations_active", "vMotions copying at `time_s`."),
        .init("migrations_started", "vMotions that started copying during the interval."),
        .init("migrations_queued", "vMotion requests waiting for a concurrency slot at `time_s`."),
        .init("downtime_ms", "Switchover downtime of migrations that completed during the interval, ms."),
        .init("vms_vcpu_saturated", "Running VMs whose demand exceeded their vCPUs: the excess is in `cpu_demand_mhz` and `cpu_unmet_mhz`."),
        .init("energy_cost", "Cumulative cost of the facility energy (`facility_energy_kwh × price_per_kwh`); empty without `price_per_kwh`."),
        .init("co2_kg", "Cumulative CO₂ of the facility energy, kg (`co2_g_per_kwh` or the hourly `co2_trace`); empty without either."),
        .init("mem_configured_mb", "Configured memory of the running VMs, MB (above `mem_capacity_mb` when memory is overcommitted)."),
        .init("mem_consumed_mb", "Consumed (touched) memory of the running VMs, MB: resident plus reclaimed."),
        .init("mem_active_mb", "Active memory of the running VMs, MB."),
        .init("mem_ballooned_mb", "Memory reclaimed by the balloon driver (host in soft state, or above a VM's limit), MB."),
        .init("mem_compressed_mb", "Memory compressed into the VMs' compression caches (original size), MB."),
        .init("mem_swapped_mb", "Memory swapped to the hosts' swap files, MB."),
        .init("mem_contention_mb", "Active memory that is not resident (ballooned, compressed or swapped): memory contention, MB."),
        .init("hosts_memory_soft_or_worse", "Hosts whose memory state is soft, hard or low (free memory below 64 % of minFree)."),
        .init("drs_score", "Cluster DRS score (0–100, VM-weighted mean of the VM DRS scores) averaged over the score DRS passes of the interval; empty for classic DRS or DRS off."),
    ]

    public static let powerEvents: [OutputColumn] = [
        .init("time_s", "When the host changed state, seconds since start."),
        .init("timestamp", "The same instant, `YYYY-MM-DD HH:MM:SS` (UTC)."),
        .init("host", "Host name."),
        .init("cluster", "Cluster name."),
        .init("from_state", "Previous state (`on`, `entering_standby`, `shutting_down`, `standby`, `booting`, `entering_maintenance`, `maintenance`, `failed`)."),
        .init("to_state", "New state."),
        .init("reason", "`dpm`, `maintenance`, `failure`, `repair` or `manual`."),
    ]

    public static let migrations: [OutputColumn] = [
        .init("migration_id", "Row number, 1-based, in the order requests ended."),
        .init("vm", "VM name."),
        .init("cluster", "Cluster name."),
        .init("source", "Host the VM ran on at request time."),
        .init("destination", "Requested destination host."),
        .init("reason", "`drs_balance`, `drs_rule`, `placement`, `dpm_evacuate`, `maintenance` or `manual`."),
        .init("requested_s", "Request time, seconds since start."),
        .init("started_s", "Start of the copy (empty when it never started)."),
        .init("finished_s", "When the request ended: resume on the destination, rejection, abort or failure."),
        .init("queued_s", "Time spent waiting for a concurrency slot, s."),
        .init("precopy_rounds", "Pre-copy rounds before switchover."),
        .init("memory_mb", "Configured memory of the VM, MiB."),
        .init("transferred_mb", "Memory data sent, pre-copy and switchover, MiB."),
        .init("storage_mb", "Disk data sent by a shared-nothing vMotion, MiB."),
        .init("bandwidth_mbps_avg", "Mean transfer rate over the copy, Mbit/s."),
        .init("duration_s", "From start of copy to resume on the destination, s."),
        .init("downtime_ms", "Switchover (stun) time, ms."),
        .init("lost_pings", "Pings (1 s period, random phase per VM) falling inside the downtime."),
        .init("sdps_engaged", "`true` when SDPS throttled the guest so pre-copy could converge."),
        .init("outcome", "`ok`, `rejected`, `aborted`, `failed`, or `unfinished` (still queued or copying when the run ended)."),
        .init("detail", "Reason code of a rejection, abort or failure (`round_limit` for an `ok` that hit the round limit); see docs/model.md (vMotion)."),
    ]

    public static let drsPasses: [OutputColumn] = [
        .init("time_s", "Time of the pass, seconds since start."),
        .init("timestamp", "The same instant, `YYYY-MM-DD HH:MM:SS` (UTC)."),
        .init("cluster", "Cluster name."),
        .init("hosts_on", "Hosts taking part (state `on`)."),
        .init("chlsd_before", "CHLSD of the windowed entitlements before the pass (in-flight moves counted at their destination)."),
        .init("chlsd_after", "CHLSD of the snapshot after every planned move."),
        .init("thlsd", "Target for the threshold and host count (0 for score passes: score DRS has no host-load target; their CHLSD columns are informative)."),
        .init("pairwise_gap", "Largest CPU or memory utilization gap between two hosts, 0–1."),
        .init("trigger", "`chlsd` (CHLSD above target), `pairwise` (gap above 30/20/10/5 % at threshold 2/3/4/5) or `none`."),
        .init("moves_p1", "Recommendations of priority 1 (mandatory: rule violations)."),
        .init("moves_p2", "Recommendations of priority 2."),
        .init("moves_p3", "Recommendations of priority 3."),
        .init("moves_p4", "Recommendations of priority 4."),
        .init("moves_p5", "Recommendations of priority 5."),
        .init("moves_applied", "Recommendations submitted to the vMotion engine and accepted by its checks."),
        .init("skipped_priority", "1 when balancing stopped because the next move's priority exceeded the threshold."),
        .init("skipped_cost_benefit", "1 when balancing stopped because every improving move failed cost-benefit."),
        .init("skipped_automation", "Recommendations only logged (automation `manual` or `partially_automated`)."),
        .init("skipped_rejected", "Recommendations the vMotion engine rejected."),
        .init("candidates_evaluated", "(VM, destination) pairs evaluated: the pass's work, deterministic (wall time is in manifest.json)."),
        .init("algorithm", "`classic` (vSphere ≤ 6.7: CHLSD, every `drs.period`) or `score` (vSphere 7+: VM DRS score, every minute)."),
        .init("vms_score_0_20", "Running VMs with a VM DRS score in [0, 20) before the pass's moves (score passes; empty for classic)."),
        .init("vms_score_20_40", "Running VMs with a score in [20, 40)."),
        .init("vms_score_40_60", "Running VMs with a score in [40, 60)."),
        .init("vms_score_60_80", "Running VMs with a score in [60, 80)."),
        .init("vms_score_80_100", "Running VMs with a score in [80, 100]."),
        .init("drs_score", "Cluster DRS score (VM-weighted mean VM DRS score, 0–100) before the pass's moves; empty for classic."),
    ]

    public static let maintenance: [OutputColumn] = [
        .init("window", "Maintenance window number (1-based, in file order); empty for an `enter_maintenance` event."),
        .init("host", "Host name."),
        .init("cluster", "Cluster name."),
        .init("evacuation_start_s", "When the host entered maintenance mode, seconds since start."),
        .init("evacuation_end_s", "When its last VM had left (empty when it never emptied)."),
        .init("evacuation_s", "Evacuation time, s."),
        .init("vms_moved", "VMs vMotioned off the host."),
        .init("patch_done_s", "When patching finished (windows only)."),
        .init("back_on_s", "When the host was `on` again."),
        .init("status", "`done`, `stuck` (a VM could not leave: a must rule or no capacity; a window stops there), `failed` or `incomplete` (run ended)."),
    ]

    public static let outages: [OutputColumn] = [
        .init("vm", "VM name."),
        .init("host", "The failed host it ran on."),
        .init("cluster", "Cluster name."),
        .init("down_s", "When the host failed, seconds since start."),
        .init("restarted_s", "When the VM ran again (empty: still down at the end)."),
        .init("outage_s", "Time down, s."),
        .init("restart_host", "Host it was restarted on."),
        .init("reason", "`ha_restart`, `host_repair` (no HA: restarted when its host came back) or `still_down`."),
    ]

    public static let summary: [OutputColumn] = [
        .init("scenario", "Scenario name."),
        .init("config_id", "Sweep configuration id (`base` for a single run)."),
        .init("replication", "Replication index k (seed = scenario seed + k)."),
        .init("seed", "Master seed of the run."),
        .init("sim_days", "Simulated days."),
        .init("energy_kwh", "IT energy of all clusters, kWh."),
        .init("facility_energy_kwh", "`energy_kwh × pue`, kWh."),
        .init("mean_hosts_on", "Time-average number of hosts in state `on`, summed over clusters."),
        .init("chlsd_mean", "Mean CHLSD over all cluster samples."),
        .init("chlsd_p95", "95th percentile of CHLSD over all cluster samples (resolution 0.0001)."),
        .init("migrations_total", "Migration requests."),
        .init("migrations_ok", "Migrations that completed."),
        .init("migrations_rejected", "Requests rejected by the compatibility checks."),
        .init("migrations_aborted", "Migrations aborted (destination left `on` mid-copy)."),
        .init("migrations_drs", "Migrations requested by DRS (balance, rules, placement)."),
        .init("migrations_dpm", "Migrations requested by DPM evacuations."),
        .init("migrations_maintenance", "Migrations requested by maintenance evacuations."),
        .init("downtime_total_s", "Sum of switchover downtime of completed migrations, s."),
        .init("downtime_p50_ms", "Median switchover downtime, ms."),
        .init("downtime_p95_ms", "95th percentile switchover downtime, ms."),
        .init("downtime_p99_ms", "99th percentile switchover downtime, ms."),
        .init("downtime_max_ms", "Longest switchover downtime, ms."),
        .init("lost_pings", "Pings (1 s period) lost during switchovers."),
        .init("cpu_unmet_pct", "Unmet CPU demand as a percentage of demand, over the run: Σ `cpu_unmet_mhz` × interval / Σ `cpu_demand_mhz` × interval of timeseries.csv (contention only; SDPS throttling is `sdps_unmet_pct`)."),
        .init("ha_outages", "VM outages caused by host failures."),
        .init("vm_hours_down", "VM-hours not running (failed admissions, host failures)."),
        .init("host_power_cycles", "Host power-offs (standby or shutdown) during the run."),
        .init("failed_admissions", "VMs refused at power-on (initial placement, churn arrival): no host could guarantee their CPU and memory reservations + overhead, or HA admission control refused them. Configured memory may be overcommitted and never refuses a VM by itself."),
        .init("dpm_power_offs", "Hosts DPM put into standby."),
        .init("dpm_power_ons", "Hosts DPM woke from standby."),
        .init("standby_host_hours", "Host-hours spent in standby."),
        .init("maintenance_hosts_patched", "Hosts that completed a rolling patch."),
        .init("maintenance_window_s", "Total duration of the rolling patch windows, s."),
        .init("migrations_failed", "Migrations whose source failed mid-copy."),
        .init("migrations_sdps", "Migrations during which SDPS throttled the guest."),
        .init("migrations_unfinished", "Migrations still queued or copying when the run ended (outcome `unfinished`)."),
        .init("energy_cost", "Cost of the facility energy, `facility_energy_kwh × price_per_kwh`; empty without `price_per_kwh`."),
        .init("co2_kg", "CO₂ of the facility energy, kg: `facility_energy_kwh × co2_g_per_kwh / 1000` (or summed hour by hour over `co2_trace`); empty without either."),
        .init("sdps_unmet_pct", "CPU withheld from migrating VMs by SDPS throttling, as a percentage of CPU demand over the run (not in timeseries.csv)."),
        .init("mem_overcommit_max", "Highest memory overcommitment over the samples: configured memory of the running VMs / physical memory of the hosts running VMs (the largest of the clusters')."),
        .init("mem_ballooned_gb_hours", "Ballooned memory integrated over time, GB·h."),
        .init("mem_swapped_gb_hours", "Swapped memory integrated over time, GB·h."),
        .init("mem_contention_pct", "Memory contention: time-weighted share of active memory that was not resident, %."),
        .init("drs_score_mean", "Mean cluster DRS score over every score DRS pass of every cluster (0–100); empty when no cluster runs score DRS."),
    ]

    /// `sweep.csv` columns before the axes: the configuration id.
    public static let sweepLeading: [OutputColumn] = [
        .init("config_id", "Configuration id: the axis assignments in axis order (`drs.threshold=4,dpm.enabled=true`), `base` without axes."),
    ]

    /// `sweep.csv` columns after the axes: the run, then every `summary.csv` column from `sim_days` on.
    public static var sweepTrailing: [OutputColumn] {
        [.init("replication", "Replication index k."),
         .init("seed", "Master seed of the run: scenario seed + k, the same in every configuration (common random numbers).")]
            + sweepMetrics
    }

    /// The `summary.csv` columns that `sweep.csv` repeats: from `sim_days` on.
    public static var sweepMetrics: [OutputColumn] { Array(summary.drop { $0.name != "sim_days" }) }

    /// The metrics `comparison.csv` summarizes, in row order: the `summary.csv` columns from `energy_kwh` on.
    public static var comparisonMetrics: [OutputColumn] { Array(summary.drop { $0.name != "energy_kwh" }) }

    /// `comparison.csv` columns after the axes.
    public static let comparisonStatistics: [OutputColumn] = [
        .init("metric", "A `summary.csv` column name (`energy_kwh`, `chlsd_p95`, …)."),
        .init("n", "Replications of the configuration with a value of the metric."),
        .init("mean", "Mean of the metric over the replications (an empty cell, e.g. downtime when nothing migrated, is left out)."),
        .init("sd", "Sample standard deviation (divisor n − 1); empty when n < 2."),
        .init("ci95_low", "Lower bound of the 95 % Student-t confidence interval of the mean, clipped at 0 (no metric can be negative); empty when n < 2."),
        .init("ci95_high", "Upper bound of that interval; empty when n < 2."),
        .init("diff_mean", "Mean of the paired differences from the baseline configuration (same replication, same seed); 0 on baseline rows."),
        .init("diff_sd", "Standard deviation of the paired differences; empty when n < 2, 0 on baseline rows."),
        .init("diff_ci95_low", "Lower bound of the 95 % Student-t interval of the paired difference; empty when n < 2, 0 on baseline rows."),
        .init("diff_ci95_high", "Upper bound of that interval; empty when n < 2, 0 on baseline rows."),
    ]

    /// `comparison-wide.csv` columns after the axes: per metric of ``comparisonMetrics``, its mean
    /// and its mean paired difference from the baseline (one row per configuration, for spreadsheets).
    public static var comparisonWideMetrics: [OutputColumn] {
        [.init("baseline", "`true` on the baseline configuration's row.")]
            + comparisonMetrics.flatMap { m in
                [OutputColumn("\(m.name)_mean", "Mean of `\(m.name)` over the replications (`mean` in comparison.csv)."),
                 OutputColumn("\(m.name)_diff", "Mean paired difference of `\(m.name)` from the baseline (`diff_mean`); 0 on the baseline row.")]
            }
    }

    /// The `comparison-wide.csv` columns of a sweep over `axes`.
    public static func comparisonWide(axes: [String]) -> [OutputColumn] {
        sweepLeading + axes.map(axisColumn) + comparisonWideMetrics
    }

    /// The `sweep.csv` columns of a sweep over `axes` (one column per axis, named by its key path).
    public static func sweep(axes: [String]) -> [OutputColumn] {
        sweepLeading + axes.map(axisColumn) + sweepTrailing
    }

    /// The `comparison.csv` columns of a sweep over `axes`.
    public static func comparison(axes: [String]) -> [OutputColumn] {
        sweepLeading + axes.map(axisColumn) + comparisonStatistics
    }

    static func axisColumn(_ path: String) -> OutputColumn {
        .init(path, "Value of the sweep axis `\(path)` in this configuration, as written in the scenario or on the command line.")
    }

    /// The header line of a column list.
    public static func header(_ columns: [OutputColumn]) -> [String] { columns.map(\.name) }

    /// Markdown tables of every file's columns; `docs/outputs.md` holds this text verbatim.
    public static func markdown() -> String {
        var s = ""
        for (file, cols) in [("timeseries.csv", timeseries), ("migrations.csv", migrations), ("drs_passes.csv", drsPasses), ("power_events.csv", powerEvents),
                            ("maintenance.csv", maintenance), ("outages.csv", outages), ("summary.csv", summary),
                            ("sweep.csv", sweep(axes: ["<axis path>"])), ("comparison.csv", comparison(axes: ["<axis path>"])),
                            ("runway.csv", runway), ("runway_months.csv", runwayMonths), ("runway_slos.csv", runwaySLOs),
                            ("size.csv", size), ("size_profiles.csv", sizeProfiles),
                            ("comparison-wide.csv", sweepLeading + [axisColumn("<axis path>")] + comparisonWideMetrics.prefix(3)
                                + [OutputColumn("…", "The same two columns for every other metric of comparison.csv, in its order.")])] {
            s += "### `\(file)`\n\n| column | meaning |\n|---|---|\n"
            for c in cols { s += "| `\(c.name)` | \(c.meaning) |\n" }
            s += "\n"
        }
        return s
    }
}
