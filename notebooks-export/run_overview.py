# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # drsim run overview
#
# One run folder (`timeseries.csv`, `migrations.csv`, `summary.csv`): power and energy,
# hosts by state, CPU demand against capacity, cluster imbalance (CHLSD) against the DRS
# target (THLSD), migrations per hour by reason, and the distribution of migration downtime.
#
# As a script: `python notebooks-export/run_overview.py RUN_DIR [--out OUT_DIR]`.
# In Jupyter: set `DRSIM_RUN_DIR` (or edit the parameters cell).

# %% tags=["parameters"]
import argparse
import sys
from pathlib import Path

try:
    import nbkit  # the helper next to this file (script dir, or Jupyter's working dir)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import nbkit

RUN_DIR = nbkit.env_path("DRSIM_RUN_DIR", "results/demo")
OUT_DIR = nbkit.env_out()  # DRSIM_NB_OUT, else notebooks-export/out/<notebook>/<folder name>

if not nbkit.in_notebook():
    parser = argparse.ArgumentParser(description="Charts for one drsim run folder.")
    parser.add_argument("run_dir", type=Path, help="run folder (holds timeseries.csv)")
    parser.add_argument("--out", type=Path, default=None, help="output folder for PNGs and index.html")
    args = parser.parse_args()
    RUN_DIR, OUT_DIR = args.run_dir, args.out
OUT_DIR = OUT_DIR or nbkit.default_out("run_overview", RUN_DIR)

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

nbkit.require_run_folder(RUN_DIR)
ts = nbkit.read_csv(RUN_DIR / "timeseries.csv", [
    "time_s", "timestamp", "cluster", "hosts_on", "hosts_standby", "hosts_transitioning",
    "hosts_maintenance", "hosts_failed", "cpu_demand_mhz", "cpu_capacity_mhz", "cpu_served_mhz",
    "cpu_unmet_mhz", "chlsd", "thlsd", "power_w", "energy_kwh", "facility_energy_kwh"])
if ts.empty:
    nbkit.fail(f"{RUN_DIR / 'timeseries.csv'}: no rows")
migrations = nbkit.read_csv(RUN_DIR / "migrations.csv", [
    "migration_id", "reason", "requested_s", "finished_s", "downtime_ms", "outcome"])
summary_path = RUN_DIR / "summary.csv"
summary = nbkit.read_csv(summary_path) if summary_path.is_file() else pd.DataFrame()

clusters = list(dict.fromkeys(ts["cluster"]))
scenario = str(summary["scenario"].iloc[0]) if "scenario" in summary.columns and len(summary) else RUN_DIR.name
start = nbkit.run_start(ts)
sample_s = float(np.median(np.diff(np.unique(ts["time_s"])))) if ts["time_s"].nunique() > 1 else 300.0

additive = [c for c in ts.columns if c.startswith(("hosts_", "vms_", "cpu_", "mem_", "migrations_"))
            or c in ("power_w", "energy_kwh", "facility_energy_kwh", "downtime_ms")]
total = ts.groupby("time", sort=True)[additive].sum()
where = f"{len(clusters)} cluster{'s' if len(clusters) != 1 else ''}"
report = nbkit.Report(Path(OUT_DIR), f"Run overview: {scenario}", str(RUN_DIR))
print(f"{scenario}: {len(ts)} timeseries rows, {where}, {len(migrations)} migration requests")


def step(ax, x, y, **kw):
    """Samples hold from their start time to the next sample: draw them as steps."""
    return ax.step(x, y, where="post", **kw)


# %% [markdown]
# ## Power and cumulative energy
# Power is sampled at the start of each interval; energy is the exact cumulative integral
# written by the simulator (IT energy, and facility energy = IT × PUE).

# %%
fig, (ax_p, ax_e) = plt.subplots(2, 1, figsize=(11, 6.5), sharex=True, height_ratios=[3, 2])
step(ax_p, total.index, total["power_w"] / 1000, color="#d62728", lw=1.2,
     label="all clusters" if len(clusters) > 1 else clusters[0])
if 1 < len(clusters) <= 6:
    for name, part in ts.groupby("cluster", sort=False):
        step(ax_p, part["time"], part["power_w"] / 1000, lw=0.8, alpha=0.7, label=name)
ax_p.set_ylabel("Power (kW)")
nbkit.headroom(ax_p, total["power_w"].max() / 1000)
ax_p.set_title(f"Power draw ({where})")
ax_p.legend(loc="upper left", ncols=min(4, len(clusters) + 1))
ax_e.plot(total.index, total["energy_kwh"], color="#1f77b4", lw=1.5, label="IT energy")
if not np.allclose(total["facility_energy_kwh"], total["energy_kwh"]):
    ax_e.plot(total.index, total["facility_energy_kwh"], color="#1f77b4", lw=1.2, ls="--",
              label="facility energy (× PUE)")
end_energy = float(summary["energy_kwh"].iloc[0]) if "energy_kwh" in summary.columns and len(summary) \
    else float(total["energy_kwh"].iloc[-1])
ax_e.set_title(f"Cumulative energy (total IT energy {end_energy:,.1f} kWh)")
ax_e.set_ylabel("Energy (kWh)")
ax_e.set_ylim(bottom=0)
ax_e.legend(loc="upper left")
nbkit.date_axis(ax_e)
report.save(fig, "power_energy", "Power and cumulative energy",
            "Total power draw of all hosts (kW, step per sample) and cumulative energy since t = 0 (kWh).")

# %% [markdown]
# ## Hosts by power state
# Stacked: on, transitioning (booting or shutting down), standby (DPM), maintenance, failed.

# %%
states = [("on", "hosts_on"), ("transitioning", "hosts_transitioning"), ("standby", "hosts_standby"),
          ("maintenance", "hosts_maintenance"), ("failed", "hosts_failed")]
fig, ax = plt.subplots(figsize=(11, 4.5))
bottom = np.zeros(len(total))
for label, column in states:
    values = total[column].to_numpy(dtype=float)
    ax.fill_between(total.index, bottom, bottom + values, step="post", color=nbkit.STATE_COLORS[label],
                    alpha=0.85, lw=0, label=f"{label} (max {int(values.max())})")
    bottom = bottom + values
ax.set_ylabel("Hosts (count)")
ax.set_ylim(0, max(1.0, bottom.max()) * 1.15)
ax.set_title(f"Hosts by state ({where}, {int(bottom.max())} hosts)")
ax.legend(loc="upper left", ncols=5)
nbkit.date_axis(ax)
report.save(fig, "hosts_by_state", "Hosts by state",
            "Number of hosts in each power state over time, stacked; the top edge is the cluster size.")

# %% [markdown]
# ## CPU demand, capacity and unmet demand

# %%
fig, (ax_c, ax_u) = plt.subplots(2, 1, figsize=(11, 6.5), sharex=True, height_ratios=[3, 1.3])
step(ax_c, total.index, total["cpu_capacity_mhz"] / 1000, color="#555555", lw=1.2,
     label="capacity of hosts on")
step(ax_c, total.index, total["cpu_demand_mhz"] / 1000, color="#ff7f0e", lw=1.2, label="demand")
step(ax_c, total.index, total["cpu_served_mhz"] / 1000, color="#1f77b4", lw=1.0, ls="--", label="served")
ax_c.set_ylabel("CPU (GHz)")
nbkit.headroom(ax_c, max(total["cpu_capacity_mhz"].max(), total["cpu_demand_mhz"].max()) / 1000)
ax_c.set_title(f"CPU demand vs capacity ({where})")
ax_c.legend(loc="upper left", ncols=3)
unmet_ghz = total["cpu_unmet_mhz"] / 1000
ax_u.fill_between(total.index, 0, unmet_ghz, step="post", color="#d62728", alpha=0.7, lw=0)
demand_sum = float(total["cpu_demand_mhz"].sum())
unmet_pct = 100 * float(total["cpu_unmet_mhz"].sum()) / demand_sum if demand_sum else 0.0
ax_u.set_title(f"Unmet CPU demand ({unmet_pct:.3f} % of demand)")
ax_u.set_ylabel("Unmet (GHz)")
ax_u.set_ylim(0, max(1.0, float(unmet_ghz.max()) * 1.2))
if float(unmet_ghz.max()) == 0:
    ax_u.text(0.5, 0.5, "no unmet demand", transform=ax_u.transAxes, ha="center", va="center", color="#555555")
nbkit.date_axis(ax_u)
report.save(fig, "cpu_demand", "CPU demand, capacity and unmet demand",
            "CPU demand of all VMs, the capacity of the hosts that are on, what was served (GHz), "
            "and the demand left unmet.")

# %% [markdown]
# ## Imbalance: CHLSD against the DRS target THLSD
# CHLSD is the standard deviation of host load over the hosts that are on; DRS acts when it
# exceeds THLSD = 0.1 × (5 − threshold) / √N.

# %%
fig, ax = plt.subplots(figsize=(11, 4.5))
if len(clusters) <= 6:
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, (name, part) in enumerate(ts.groupby("cluster", sort=False)):
        color = colors[i % len(colors)]
        step(ax, part["time"], part["chlsd"], color=color, lw=1.0, label=f"CHLSD {name}")
        step(ax, part["time"], part["thlsd"], color=color, lw=1.4, ls="--", label=f"THLSD {name}")
else:
    by_time = ts.groupby("time")
    step(ax, by_time["chlsd"].median().index, by_time["chlsd"].median(), color="#1f77b4", label="CHLSD median")
    step(ax, by_time["chlsd"].max().index, by_time["chlsd"].max(), color="#1f77b4", lw=0.7, alpha=0.6,
         label="CHLSD max over clusters")
    step(ax, by_time["thlsd"].median().index, by_time["thlsd"].median(), color="#d62728", ls="--",
         label="THLSD median")
ax.set_ylabel("Std. dev. of host load (unitless)")
nbkit.headroom(ax, max(ts["chlsd"].max(), ts["thlsd"].max()), 1.35)
ax.set_title("Cluster imbalance (CHLSD, solid) vs DRS target (THLSD, dashed)")
ax.legend(loc="upper left", ncols=2)
nbkit.date_axis(ax)
report.save(fig, "imbalance", "CHLSD vs THLSD",
            "Current host load standard deviation (solid) against the target that the DRS threshold allows "
            "(dashed), per cluster.")

# %% [markdown]
# ## Migrations per hour by reason
# Every request counts in the hour it was made, whatever its outcome.

# %%
fig, ax = plt.subplots(figsize=(11, 4.5))
if migrations.empty:
    nbkit.empty_panel(ax, "no migrations in this run")
    ax.set_title("Migrations per hour by reason")
else:
    requested = start + pd.to_timedelta(migrations["requested_s"].astype(float), unit="s")
    hours = requested.dt.floor("h")
    counts = pd.crosstab(hours, migrations["reason"])
    span = pd.date_range(start.floor("h"), max(total.index.max(), hours.max()).floor("h"), freq="h")
    counts = counts.reindex(span, fill_value=0)
    reasons = [r for r in nbkit.REASON_COLORS if r in counts.columns] + \
        sorted(r for r in counts.columns if r not in nbkit.REASON_COLORS)
    bottom = np.zeros(len(counts))
    for reason in reasons:
        ax.bar(counts.index, counts[reason], width=1 / 24, align="edge", bottom=bottom,
               color=nbkit.REASON_COLORS.get(reason, "#7f7f7f"), lw=0,
               label=f"{reason} ({int(counts[reason].sum())})")
        bottom = bottom + counts[reason].to_numpy()
    outcomes = migrations["outcome"].value_counts()
    ax.set_title("Migrations per hour by reason (" +
                 ", ".join(f"{n} {o}" for o, n in outcomes.items()) + ")")
    ax.set_ylabel("Migrations per hour (count/h)")
    nbkit.headroom(ax, bottom.max(), 1.45)
    ax.legend(loc="upper left", ncols=3, title="reason (total)")
    nbkit.date_axis(ax)
report.save(fig, "migrations_per_hour", "Migrations per hour by reason",
            "Migration requests per hour, stacked by reason (all outcomes); the legend gives each reason's total.")

# %% [markdown]
# ## Migration downtime
# Switchover downtime of the migrations that completed (outcome `ok`): histogram and
# empirical CDF with p50, p95 and p99 marked.

# %%
downtime = migrations.loc[migrations["outcome"] == "ok", "downtime_ms"].dropna().astype(float)
fig, (ax_h, ax_c) = plt.subplots(1, 2, figsize=(11, 4.2))
if downtime.empty:
    message = "no migrations in this run" if migrations.empty else "no completed migrations"
    nbkit.empty_panel(ax_h, message)
    nbkit.empty_panel(ax_c, message)
else:
    marks = {p: float(np.percentile(downtime, p)) for p in (50, 95, 99)}
    mark_colors = {50: "#2ca02c", 95: "#ff7f0e", 99: "#d62728"}
    ax_h.hist(downtime, bins=min(50, max(5, int(np.sqrt(len(downtime))))), color="#1f77b4", alpha=0.8)
    ax_h.set_xlabel("Downtime (ms)")
    ax_h.set_ylabel("Migrations (count)")
    ordered = np.sort(downtime.to_numpy())
    ax_c.step(ordered, np.arange(1, len(ordered) + 1) / len(ordered), where="post", color="#1f77b4",
              label="empirical CDF")
    ax_c.set_xlabel("Downtime (ms)")
    ax_c.set_ylabel("Fraction of migrations ≤ x")
    ax_c.set_ylim(0, 1.02)
    for p, value in marks.items():
        for axis in (ax_h, ax_c):
            axis.axvline(value, color=mark_colors[p], ls="--", lw=1.2, label=f"p{p} = {value:,.0f} ms")
    ax_h.legend(loc="upper right")
    ax_c.legend(loc="lower right")
ax_h.set_title(f"Downtime histogram ({len(downtime)} completed migrations)")
ax_c.set_title("Downtime CDF")
fig.tight_layout()
report.save(fig, "downtime", "Migration downtime distribution",
            "Histogram and empirical CDF of switchover downtime (ms) of completed migrations, "
            "with the 50th, 95th and 99th percentiles marked.")

# %% [markdown]
# ## Summary row and the page

# %%
if len(summary):
    table = summary.drop(columns=[c for c in ("time",) if c in summary.columns]).T.reset_index()
    table.columns = ["metric", "value"]
    report.table("summary.csv", table)
page = report.write_html(f"{where}, {len(ts)} timeseries rows, {len(migrations)} migration requests, "
                         f"sample interval {sample_s:.0f} s, from {start:%Y-%m-%d %H:%M} UTC.")
print(f"wrote {len(report.charts)} charts and {page}")
