"""Write small synthetic, schema-exact drsim result folders (a run and a sweep).

The data are made up but plausible (diurnal CPU demand, DPM powering hosts off at
night, more migrations at higher DRS thresholds) and follow DESIGN.md section 6 to
the letter: column names and order, `YYYY-MM-DD HH:MM:SS` timestamps, `.` decimals,
no exponent notation, RFC 4180 quoting (one cluster name holds a comma and a dot).

Deterministic: the same arguments always give byte-identical files.
Standard library only, so it runs before the venv exists.

    python make_fixtures.py OUT_DIR      # writes OUT_DIR/run/demo, OUT_DIR/run/quiet, OUT_DIR/sweep/sweep-demo
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------- columns (DESIGN §6)

TIMESERIES_COLUMNS = [
    "time_s", "timestamp", "cluster", "hosts_on", "hosts_standby", "hosts_transitioning",
    "hosts_maintenance", "hosts_failed", "vms_running", "vms_down", "cpu_demand_mhz",
    "cpu_capacity_mhz", "cpu_served_mhz", "cpu_unmet_mhz", "mem_demand_mb", "mem_capacity_mb",
    "chlsd", "thlsd", "max_host_cpu_util", "min_host_cpu_util", "power_w", "energy_kwh",
    "facility_energy_kwh", "migrations_active", "migrations_started", "migrations_queued",
    "downtime_ms",
]
MIGRATIONS_COLUMNS = [
    "migration_id", "vm", "cluster", "source", "destination", "reason", "requested_s",
    "started_s", "finished_s", "queued_s", "precopy_rounds", "memory_mb", "transferred_mb",
    "storage_mb", "bandwidth_mbps_avg", "duration_s", "downtime_ms", "lost_pings",
    "sdps_engaged", "outcome", "detail",
]
SUMMARY_COLUMNS = [
    "scenario", "config_id", "replication", "seed", "sim_days", "energy_kwh",
    "facility_energy_kwh", "mean_hosts_on", "chlsd_mean", "chlsd_p95", "migrations_total",
    "migrations_ok", "migrations_rejected", "migrations_aborted", "migrations_drs",
    "migrations_dpm", "migrations_maintenance", "downtime_total_s", "downtime_p50_ms",
    "downtime_p95_ms", "downtime_p99_ms", "downtime_max_ms", "lost_pings", "cpu_unmet_pct",
    "ha_outages", "vm_hours_down", "host_power_cycles", "failed_admissions",
]
POWER_EVENTS_COLUMNS = ["time_s", "timestamp", "host", "cluster", "from_state", "to_state", "reason"]
# DESIGN §6 names drs_passes.csv but fixes no columns yet: this header is provisional.
DRS_PASSES_COLUMNS = [
    "time_s", "timestamp", "cluster", "hosts_on", "chlsd", "thlsd", "recommendations",
    "migrations_requested",
]
COMPARISON_STAT_COLUMNS = [
    "metric", "n", "mean", "sd", "ci95_low", "ci95_high",
    "diff_mean", "diff_sd", "diff_ci95_low", "diff_ci95_high",
]
# summary.csv columns from sim_days onward: the metrics of sweep.csv.
SWEEP_METRIC_COLUMNS = SUMMARY_COLUMNS[SUMMARY_COLUMNS.index("sim_days"):]

START = dt.datetime(2026, 1, 5, 0, 0, 0)
SAMPLE_S = 300
HOST_CORES = 48
HOST_MHZ = 2800
HOST_CAPACITY_MHZ = HOST_CORES * HOST_MHZ
HOST_MEMORY_MB = 768 * 1024
IDLE_W, MAX_W, STANDBY_W = 180.0, 520.0, 10.0
VM_MHZ = 4 * 2800 * 0.3
VM_MEMORY_MB = 16 * 1024
PUE = 1.4


def fmt(value: object) -> str:
    """Format a CSV value: integers plain, floats with at most 6 decimals, never an exponent."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)


def stamp(time_s: float) -> str:
    """The `timestamp` column for a simulated time."""
    return (START + dt.timedelta(seconds=time_s)).strftime("%Y-%m-%d %H:%M:%S")


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write an RFC 4180 CSV (CRLF-free, minimal quoting) with a header row."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([fmt(row[name]) for name in columns])


def quantile(values: list[float], q: float) -> float:
    """Linear-interpolation quantile (type 7); 0 for an empty list."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086]


def t975(df: int) -> float:
    """Two-sided 95 % Student t quantile (table up to 20 degrees of freedom, then 1.96 + tail)."""
    if df < 1:
        return float("nan")
    return T975[df - 1] if df <= len(T975) else 1.96 + 2.4 / df


# ---------------------------------------------------------------- one cluster's simulation


@dataclass
class ClusterSpec:
    """A cluster of identical hosts running identical VMs."""
    name: str
    hosts: int
    vms: int
    failure_at_s: float | None = None      # one host fails here for 4 h
    maintenance_at_s: float | None = None  # one host enters maintenance here for 45 min


@dataclass
class RunSpec:
    """Everything one synthetic run depends on."""
    scenario: str
    config_id: str
    replication: int
    seed: int
    days: int
    threshold: int
    dpm: bool
    clusters: list[ClusterSpec]
    migrations: bool = True


@dataclass
class ClusterResult:
    rows: list[dict] = field(default_factory=list)
    migrations: list[dict] = field(default_factory=list)
    power_events: list[dict] = field(default_factory=list)
    drs_passes: list[dict] = field(default_factory=list)
    energy_end_kwh: float = 0.0
    ha_outages: int = 0
    vm_hours_down: float = 0.0
    power_cycles: int = 0


def host_name(cluster: str, index: int) -> str:
    return f"{cluster}-esx{index + 1:02d}"


def simulate_cluster(spec: RunSpec, cluster: ClusterSpec, rng: random.Random) -> ClusterResult:
    """Step one cluster through its samples, producing rows, migrations and power events."""
    result = ClusterResult()
    samples = spec.days * 86400 // SAMPLE_S
    states = ["on"] * cluster.hosts
    low_samples = 0
    noise = 0.0
    min_on = 2
    migration_requests: list[tuple[float, str, str, str]] = []  # (time, reason, source, destination)
    vms_down_at: dict[int, int] = {}

    def change(time_s: float, index: int, to_state: str, reason: str) -> None:
        result.power_events.append({
            "time_s": int(time_s), "timestamp": stamp(time_s), "host": host_name(cluster.name, index),
            "cluster": cluster.name, "from_state": states[index], "to_state": to_state, "reason": reason,
        })
        states[index] = to_state

    def on_hosts() -> list[int]:
        return [i for i, s in enumerate(states) if s == "on"]

    for i in range(samples):
        t = i * SAMPLE_S
        # Finish last sample's transitions (boot and shutdown take one sample here).
        for h, s in enumerate(states):
            if s == "booting":
                change(t, h, "on", "dpm")
            elif s == "shutting_down":
                change(t, h, "standby", "dpm")
        # Scheduled failure and maintenance.
        if cluster.failure_at_s is not None:
            if t == cluster.failure_at_s and states[1] == "on":
                result.ha_outages += 1
                down = cluster.vms // max(1, len(on_hosts()))
                vms_down_at[i] = down
                result.vm_hours_down += down * 120 / 3600
                change(t, 1, "failed", "failure")
            elif t == cluster.failure_at_s + 4 * 3600 and states[1] == "failed":
                change(t, 1, "on", "repair")
        if cluster.maintenance_at_s is not None:
            if t == cluster.maintenance_at_s and states[0] == "on":
                others = [h for h in on_hosts() if h != 0]
                for _ in range(cluster.vms // max(1, len(on_hosts()))):
                    migration_requests.append((t + rng.uniform(0, 60), "maintenance",
                                               host_name(cluster.name, 0),
                                               host_name(cluster.name, rng.choice(others))))
                change(t, 0, "maintenance", "maintenance")
            elif t == cluster.maintenance_at_s + 45 * 60 and states[0] == "maintenance":
                change(t, 0, "on", "maintenance")

        hour = (t / 3600.0) % 24
        weekday_factor = 1.0
        noise = 0.9 * noise + rng.gauss(0, 0.03)
        demand = cluster.vms * VM_MHZ * (1 + 0.5 * math.sin(2 * math.pi * (hour - 8) / 24)) * \
            weekday_factor * (1 + noise)
        demand = max(0.0, demand)

        # DPM: keep utilization near 63 %, power off after 40 min below target.
        if spec.dpm:
            need = max(min_on, math.ceil(demand / (0.63 * HOST_CAPACITY_MHZ)))
            current = len(on_hosts())
            standby = [h for h, s in enumerate(states) if s == "standby"]
            if need > current and standby:
                change(t, standby[0], "booting", "dpm")
                result.power_cycles += 1
                low_samples = 0
            elif need < current:
                low_samples += 1
                if low_samples >= 8 and current > min_on:
                    victim = max(on_hosts())
                    others = [h for h in on_hosts() if h != victim]
                    for _ in range(cluster.vms // current):
                        migration_requests.append((t + rng.uniform(0, 120), "dpm_evacuate",
                                                   host_name(cluster.name, victim),
                                                   host_name(cluster.name, rng.choice(others))))
                    change(t, victim, "shutting_down", "dpm")
                    low_samples = 0
            else:
                low_samples = 0

        on = len(on_hosts())
        capacity = on * HOST_CAPACITY_MHZ
        served = min(demand, capacity * 0.97)
        unmet = demand - served
        util = served / capacity if capacity else 0.0
        chlsd = abs(0.012 * (6 - spec.threshold) + rng.gauss(0, 0.01)) + (0.03 if unmet > 0 else 0.0)
        thlsd = max(0.0, 0.1 * (5 - spec.threshold) / math.sqrt(max(on, 1)))

        # DRS balance moves: more of them at higher thresholds.
        rate = {1: 0.0, 2: 0.05, 3: 0.15, 4: 0.4, 5: 0.8}[spec.threshold]
        moves = 0
        if on >= 2 and rng.random() < rate * 3:
            moves = 1 + int(rng.random() < rate)
            hosts_on = on_hosts()
            for _ in range(moves):
                src, dst = rng.sample(hosts_on, 2)
                reason = "drs_balance" if rng.random() < 0.9 else "drs_rule"
                migration_requests.append((t + 1 + rng.uniform(0, 10), reason,
                                           host_name(cluster.name, src), host_name(cluster.name, dst)))
        if i % 144 == 37:
            hosts_on = on_hosts()
            if len(hosts_on) >= 2:
                src, dst = rng.sample(hosts_on, 2)
                migration_requests.append((t + rng.uniform(0, 300), rng.choice(["manual", "placement"]),
                                           host_name(cluster.name, src), host_name(cluster.name, dst)))
        result.drs_passes.append({
            "time_s": t, "timestamp": stamp(t), "cluster": cluster.name, "hosts_on": on,
            "chlsd": round(chlsd, 6), "thlsd": round(thlsd, 6),
            "recommendations": moves, "migrations_requested": moves,
        })

        counts = {s: sum(1 for x in states if x == s)
                  for s in ("on", "standby", "booting", "shutting_down", "maintenance", "failed")}
        power = (counts["on"] * (IDLE_W + (MAX_W - IDLE_W) * util)
                 + counts["maintenance"] * IDLE_W + counts["standby"] * STANDBY_W
                 + counts["booting"] * MAX_W + counts["shutting_down"] * IDLE_W)
        down = vms_down_at.get(i, 0)
        result.rows.append({
            "time_s": t, "timestamp": stamp(t), "cluster": cluster.name,
            "hosts_on": counts["on"], "hosts_standby": counts["standby"],
            "hosts_transitioning": counts["booting"] + counts["shutting_down"],
            "hosts_maintenance": counts["maintenance"], "hosts_failed": counts["failed"],
            "vms_running": cluster.vms - down, "vms_down": down,
            "cpu_demand_mhz": round(demand, 3), "cpu_capacity_mhz": capacity,
            "cpu_served_mhz": round(served, 3), "cpu_unmet_mhz": round(unmet, 3),
            "mem_demand_mb": cluster.vms * VM_MEMORY_MB * 0.55,
            "mem_capacity_mb": on * HOST_MEMORY_MB,
            "chlsd": round(chlsd, 6), "thlsd": round(thlsd, 6),
            "max_host_cpu_util": round(min(1.0, util + 1.5 * chlsd), 6),
            "min_host_cpu_util": round(max(0.0, util - 1.5 * chlsd), 6),
            "power_w": round(power, 3),
        })

    # Energy: exact integral of the piecewise-constant sampled power.
    energy = 0.0
    for row in result.rows:
        row["energy_kwh"] = round(energy, 6)
        row["facility_energy_kwh"] = round(energy * PUE, 6)
        energy += row["power_w"] * SAMPLE_S / 3.6e6
    result.energy_end_kwh = energy

    if spec.migrations:
        result.migrations = make_migrations(cluster, sorted(migration_requests), rng)
    fill_migration_columns(result)
    return result


def make_migrations(cluster: ClusterSpec, requests: list[tuple[float, str, str, str]],
                    rng: random.Random) -> list[dict]:
    """Turn migration requests into migrations.csv rows with plausible vMotion figures."""
    rows = []
    for requested, reason, source, destination in requests:
        roll = rng.random()
        outcome = "ok" if roll < 0.9 else ("rejected" if roll < 0.96 else "aborted")
        vm = f"web-{rng.randrange(1, cluster.vms + 1):04d}"
        row = {
            "migration_id": 0, "vm": vm, "cluster": cluster.name, "source": source,
            "destination": destination, "reason": reason, "requested_s": round(requested, 3),
            "started_s": None, "finished_s": None, "queued_s": 0.0, "precopy_rounds": 0,
            "memory_mb": VM_MEMORY_MB, "transferred_mb": 0.0, "storage_mb": 0.0,
            "bandwidth_mbps_avg": 0.0, "duration_s": 0.0, "downtime_ms": 0.0, "lost_pings": 0,
            "sdps_engaged": False, "outcome": outcome, "detail": "",
        }
        if outcome == "rejected":
            row["detail"] = rng.choice(["insufficient_memory", "destination_not_on", "cpu_incompatible"])
        else:
            queued = rng.expovariate(1 / 20) if rng.random() < 0.2 else 0.0
            bandwidth = 9000 * rng.uniform(0.45, 1.0)
            rounds = rng.randint(2, 7)
            transferred = VM_MEMORY_MB * rng.uniform(1.05, 1.4)
            duration = transferred * 8.388608 / bandwidth  # MiB -> megabits
            started = requested + queued
            row.update({
                "started_s": round(started, 3), "queued_s": round(queued, 3),
                "precopy_rounds": rounds, "transferred_mb": round(transferred, 3),
                "bandwidth_mbps_avg": round(bandwidth, 3), "sdps_engaged": rng.random() < 0.05,
            })
            if outcome == "aborted":
                duration *= rng.uniform(0.2, 0.8)
                row["detail"] = "destination_left_on"
            else:
                downtime = rng.lognormvariate(math.log(180), 0.6) + 50
                row["downtime_ms"] = round(downtime, 3)
                row["lost_pings"] = int(downtime / 1000 + rng.random())
            row["duration_s"] = round(duration, 3)
            row["finished_s"] = round(started + duration, 3)
        rows.append(row)
    return rows


def fill_migration_columns(result: ClusterResult) -> None:
    """Fill the timeseries' migration columns from the migration rows (sample i covers [i, i+1) x 300 s)."""
    n = len(result.rows)
    active, started, queued = [0] * n, [0] * n, [0] * n
    downtime = [0.0] * n

    def first_sample_at_or_after(time_s: float) -> int:
        return min(n, max(0, math.ceil(time_s / SAMPLE_S)))

    for m in result.migrations:
        s, f = m["started_s"], m["finished_s"]
        if s is None or f is None:
            continue
        for i in range(first_sample_at_or_after(s), first_sample_at_or_after(f)):
            active[i] += 1          # running at the sample's start
        for i in range(first_sample_at_or_after(m["requested_s"]), first_sample_at_or_after(s)):
            queued[i] += 1          # requested, not yet started, at the sample's start
        if int(s // SAMPLE_S) < n:
            started[int(s // SAMPLE_S)] += 1
        if int(f // SAMPLE_S) < n:
            downtime[int(f // SAMPLE_S)] += m["downtime_ms"]
    for i, row in enumerate(result.rows):
        row.update({"migrations_active": active[i], "migrations_started": started[i],
                    "migrations_queued": queued[i], "downtime_ms": round(downtime[i], 3)})


# ---------------------------------------------------------------- one run folder


def write_run(folder: Path, spec: RunSpec) -> dict:
    """Write one schema-exact run folder; return its summary row."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(spec.seed)
    results = [simulate_cluster(spec, c, rng) for c in spec.clusters]

    timeseries = sorted((row for r in results for row in r.rows),
                        key=lambda row: (row["time_s"], [c.name for c in spec.clusters].index(row["cluster"])))
    migrations = sorted((m for r in results for m in r.migrations), key=lambda m: (m["requested_s"], m["vm"]))
    for index, m in enumerate(migrations, start=1):
        m["migration_id"] = index
    power_events = sorted((e for r in results for e in r.power_events), key=lambda e: (e["time_s"], e["host"]))
    drs_passes = sorted((p for r in results for p in r.drs_passes), key=lambda p: (p["time_s"], p["cluster"]))

    write_csv(folder / "timeseries.csv", TIMESERIES_COLUMNS, timeseries)
    write_csv(folder / "migrations.csv", MIGRATIONS_COLUMNS, migrations)
    write_csv(folder / "power_events.csv", POWER_EVENTS_COLUMNS, power_events)
    write_csv(folder / "drs_passes.csv", DRS_PASSES_COLUMNS, drs_passes)

    ok = [m for m in migrations if m["outcome"] == "ok"]
    downtimes = [m["downtime_ms"] for m in ok]
    samples = len(timeseries) // len(spec.clusters)
    demand = sum(r["cpu_demand_mhz"] for r in timeseries)
    chlsds = [r["chlsd"] for r in timeseries]
    energy = sum(r.energy_end_kwh for r in results)
    summary = {
        "scenario": spec.scenario, "config_id": spec.config_id, "replication": spec.replication,
        "seed": spec.seed, "sim_days": spec.days, "energy_kwh": round(energy, 6),
        "facility_energy_kwh": round(energy * PUE, 6),
        "mean_hosts_on": round(sum(r["hosts_on"] for r in timeseries) / samples, 6),
        "chlsd_mean": round(statistics.fmean(chlsds), 6), "chlsd_p95": round(quantile(chlsds, 0.95), 6),
        "migrations_total": len(migrations), "migrations_ok": len(ok),
        "migrations_rejected": sum(m["outcome"] == "rejected" for m in migrations),
        "migrations_aborted": sum(m["outcome"] == "aborted" for m in migrations),
        "migrations_drs": sum(m["reason"] in ("drs_balance", "drs_rule") for m in migrations),
        "migrations_dpm": sum(m["reason"] == "dpm_evacuate" for m in migrations),
        "migrations_maintenance": sum(m["reason"] == "maintenance" for m in migrations),
        "downtime_total_s": round(sum(downtimes) / 1000, 6),
        "downtime_p50_ms": round(quantile(downtimes, 0.5), 3),
        "downtime_p95_ms": round(quantile(downtimes, 0.95), 3),
        "downtime_p99_ms": round(quantile(downtimes, 0.99), 3),
        "downtime_max_ms": round(max(downtimes, default=0.0), 3),
        "lost_pings": sum(m["lost_pings"] for m in migrations),
        "cpu_unmet_pct": round(100 * sum(r["cpu_unmet_mhz"] for r in timeseries) / demand, 6) if demand else 0.0,
        "ha_outages": sum(r.ha_outages for r in results),
        "vm_hours_down": round(sum(r.vm_hours_down for r in results), 6),
        "host_power_cycles": sum(r.power_cycles for r in results),
        "failed_admissions": 0,
    }
    write_csv(folder / "summary.csv", SUMMARY_COLUMNS, [summary])
    (folder / "manifest.json").write_text(json.dumps({
        "version": "0.0.0-fixture", "seed": spec.seed, "config": spec.config_id,
        "replication": spec.replication, "wall_time_s": 0.0, "completed": True,
    }, indent=2) + "\n", encoding="utf-8")
    (folder / "scenario.resolved.yaml").write_text(
        f"schema_version: 1\nname: {spec.scenario}\nseed: {spec.seed}\nstart: 2026-01-05T00:00:00Z\n"
        f"duration: {spec.days}d\nsample_interval: 5m\npue: {PUE}\n"
        f"drs: {{enabled: true, threshold: {spec.threshold}}}\n"
        f"dpm: {{enabled: {'true' if spec.dpm else 'false'}}}\n", encoding="utf-8")
    return summary


# ---------------------------------------------------------------- sweep folder


def write_sweep(folder: Path, thresholds: tuple[int, ...] = (2, 3, 4), replications: int = 3,
                days: int = 2, seed: int = 42, dpm_axis: bool = True) -> Path:
    """Write a sweep over drs.threshold (x dpm.enabled) with runs, sweep.csv and comparison.csv."""
    axes = ["drs.threshold", "dpm.enabled"] if dpm_axis else ["drs.threshold"]
    baseline = (3, False)
    configs = [(t, d) for t in thresholds for d in ((False, True) if dpm_axis else (False,))]
    rows: list[dict] = []
    for threshold, dpm in configs:
        dpm_text = "true" if dpm else "false"
        config_id = f"drs.threshold={threshold},dpm.enabled={dpm_text}" if dpm_axis else f"drs.threshold={threshold}"
        slug = f"drs.threshold-{threshold}_dpm.enabled-{dpm_text}" if dpm_axis else f"drs.threshold-{threshold}"
        for k in range(replications):
            spec = RunSpec(scenario=folder.name, config_id=config_id, replication=k, seed=seed + k,
                           days=days, threshold=threshold, dpm=dpm,
                           clusters=[ClusterSpec("prod-a", hosts=8, vms=120)])
            summary = write_run(folder / "runs" / slug / f"rep-{k}", spec)
            row = {"config_id": config_id, "drs.threshold": threshold, "dpm.enabled": dpm,
                   "replication": k, "seed": seed + k}
            if not dpm_axis:
                del row["dpm.enabled"]
            row.update({name: summary[name] for name in SWEEP_METRIC_COLUMNS})
            rows.append(row)
    write_csv(folder / "sweep.csv", ["config_id", *axes, "replication", "seed", *SWEEP_METRIC_COLUMNS], rows)

    metrics = SWEEP_METRIC_COLUMNS[SWEEP_METRIC_COLUMNS.index("energy_kwh"):]
    base_rows = {r["replication"]: r for r in rows
                 if (r["drs.threshold"], r.get("dpm.enabled", False)) == baseline}
    comparison = []
    for threshold, dpm in configs:
        mine = [r for r in rows if (r["drs.threshold"], r.get("dpm.enabled", False)) == (threshold, dpm)]
        for metric in metrics:
            values = [float(r[metric]) for r in mine]
            diffs = [float(r[metric]) - float(base_rows[r["replication"]][metric]) for r in mine]
            entry = {"config_id": mine[0]["config_id"], "drs.threshold": threshold, "dpm.enabled": dpm,
                     "metric": metric, "n": len(values)}
            if not dpm_axis:
                del entry["dpm.enabled"]
            for prefix, data in (("", values), ("diff_", diffs)):
                mean = statistics.fmean(data)
                sd = statistics.stdev(data) if len(data) > 1 else 0.0
                half = t975(len(data) - 1) * sd / math.sqrt(len(data))
                entry.update({f"{prefix}mean": round(mean, 6), f"{prefix}sd": round(sd, 6),
                              f"{prefix}ci95_low": round(mean - half, 6),
                              f"{prefix}ci95_high": round(mean + half, 6)})
            comparison.append(entry)
    write_csv(folder / "comparison.csv", ["config_id", *axes, *COMPARISON_STAT_COLUMNS], comparison)
    return folder


def write_demo_run(folder: Path, migrations: bool = True) -> Path:
    """A 2-day, 2-cluster run with DPM, one host failure and one maintenance window."""
    spec = RunSpec(
        scenario=folder.name, config_id="default", replication=0, seed=7, days=2, threshold=3, dpm=True,
        clusters=[ClusterSpec("prod-a", hosts=8, vms=120, failure_at_s=86400 + 10 * 3600,
                              maintenance_at_s=86400 + 15 * 3600),
                  ClusterSpec("lab, b.2", hosts=4, vms=40)],
        migrations=migrations,
    )
    write_run(folder, spec)
    return folder


RUNWAY_MONTHS = ["cluster", "month", "cpu_demand_mhz", "cpu_demand_peak_mhz", "cpu_capacity_mhz",
                 "facility_kwh_per_month", "energy_cost_per_month", "co2_kg_per_month", "hardware_cost_per_month",
                 "license_cost_per_month", "cost_per_vm_month"]
RUNWAY = ["cluster", "slo", "breach_month_mean", "breach_month_ci95_low", "breach_month_ci95_high", "value_at_breach",
          "replications_breached", "replications"]
RUNWAY_SLOS = ["cluster", "month", "slo", "value_mean", "value_ci95_low", "value_ci95_high", "replications_met",
               "replications"]
SIZE = ["cluster", "host_profile", "hosts", "meets_all", "hosts_needed", "slo", "value_mean", "value_ci95_low",
        "value_ci95_high", "replications_met", "replications"]
SIZE_PROFILES = ["cluster", "host_profile", "hosts_needed", "cpu_capacity_mhz", "facility_kwh_per_month",
                 "facility_kwh_per_month_ci95_low", "facility_kwh_per_month_ci95_high", "energy_cost_per_month",
                 "co2_kg_per_month", "hardware_cost_per_month", "license_cost_per_month", "total_cost_per_month", "vms",
                 "cost_per_vm_month"]


def write_runway(folder: Path, growth: float = 0.05, months: int = 12) -> Path:
    """A drsim plan runway folder for constant demand growing at `growth` (the closed form)."""
    folder.mkdir(parents=True, exist_ok=True)
    capacity, demand = 160_000.0, 140_000.0
    month_rows, slo_rows = [], []
    for m in range(months + 1):
        d = demand * (1 + growth) ** m
        month_rows.append({"cluster": "c1", "month": m, "cpu_demand_mhz": d, "cpu_demand_peak_mhz": d * 1.1,
                           "cpu_capacity_mhz": capacity, "facility_kwh_per_month": 900 + m, "energy_cost_per_month": "",
                           "co2_kg_per_month": "", "hardware_cost_per_month": "", "license_cost_per_month": "",
                           "cost_per_vm_month": ""})
        unmet = max(0.0, 100 * (d * 1.1 - capacity) / (d * 1.1))
        slo_rows.append({"cluster": "c1", "month": m, "slo": "cpu_unmet_pct<=1", "value_mean": unmet,
                         "value_ci95_low": unmet * 0.9, "value_ci95_high": unmet * 1.1,
                         "replications_met": 3 if unmet <= 1 else 0, "replications": 3})
    breach = next(m for m in range(months + 1) if slo_rows[m]["value_mean"] > 1)
    write_csv(folder / "runway_months.csv", RUNWAY_MONTHS, month_rows)
    write_csv(folder / "runway_slos.csv", RUNWAY_SLOS, slo_rows)
    write_csv(folder / "runway.csv", RUNWAY, [{"cluster": "c1", "slo": "cpu_unmet_pct<=1", "breach_month_mean": breach,
                                               "breach_month_ci95_low": breach, "breach_month_ci95_high": breach,
                                               "value_at_breach": slo_rows[breach]["value_mean"],
                                               "replications_breached": 3, "replications": 3}])
    return folder


def write_size(folder: Path) -> Path:
    """A drsim plan size folder: 280 GHz of demand on 40 GHz (small) or 80 GHz (big) hosts."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, profiles = [], []
    for name, capacity, tried, needed in [("small", 40_000.0, [4, 6, 7, 8], 7), ("big", 80_000.0, [2, 3, 4], 4)]:
        for n in tried:
            unmet = max(0.0, 100 * (280_000 - n * capacity) / 280_000)
            rows.append({"cluster": "c1", "host_profile": name, "hosts": n, "meets_all": "true" if n >= needed else "false",
                         "hosts_needed": needed, "slo": "cpu_unmet_pct<=1", "value_mean": unmet, "value_ci95_low": "",
                         "value_ci95_high": "", "replications_met": 2 if n >= needed else 0, "replications": 2})
        profiles.append({"cluster": "c1", "host_profile": name, "hosts_needed": needed, "cpu_capacity_mhz": needed * capacity,
                         "facility_kwh_per_month": 200.0 * needed, "facility_kwh_per_month_ci95_low": "",
                         "facility_kwh_per_month_ci95_high": "", "energy_cost_per_month": 50.0 * needed,
                         "co2_kg_per_month": "", "hardware_cost_per_month": 100.0 * needed,
                         "license_cost_per_month": 160.0 * needed, "total_cost_per_month": 310.0 * needed, "vms": 140,
                         "cost_per_vm_month": 310.0 * needed / 140})
    write_csv(folder / "size.csv", SIZE, rows)
    write_csv(folder / "size_profiles.csv", SIZE_PROFILES, profiles)
    return folder


def write_all(root: Path) -> dict[str, Path]:
    """Write every fixture under root; return their folders by role."""
    return {
        "run": write_demo_run(root / "run" / "demo"),
        "run_no_migrations": write_demo_run(root / "run" / "quiet", migrations=False),
        "sweep": write_sweep(root / "sweep" / "sweep-demo"),
        "sweep_thresholds_only": write_sweep(root / "sweep" / "thresholds", thresholds=(1, 2, 3, 4, 5),
                                             replications=2, days=1, dpm_axis=False),
        "runway": write_runway(root / "runway" / "flat"),
        "size": write_size(root / "size" / "flat"),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_fixtures.py OUT_DIR")
    for role, path in write_all(Path(sys.argv[1])).items():
        print(f"{role}: {path}")
