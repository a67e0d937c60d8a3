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
# # Runway: demand against capacity, month by month
#
# Reads the folder `drsim plan runway` writes (`runway_months.csv`, `runway.csv`,
# `runway_slos.csv`; docs/planning.md) and draws, per cluster, the CPU demand (mean and busiest
# hour) growing against the capacity, with the month each service level breaks, and each
# service level's value by month with its 95 % interval.
#
# As a script: `python notebooks-export/demand_vs_capacity.py RUNWAY_DIR [--out OUT_DIR]`.
# In Jupyter: set `DRSIM_RUNWAY_DIR`.

# %% tags=["parameters"]
import argparse
import sys
from pathlib import Path

try:
    import nbkit  # the helper next to this file (script dir, or Jupyter's working dir)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import nbkit

RUNWAY_DIR = nbkit.env_path("DRSIM_RUNWAY_DIR", "results/runway/demo")
OUT_DIR = nbkit.env_out()

if not nbkit.in_notebook():
    parser = argparse.ArgumentParser(description="Demand vs capacity by month, from drsim plan runway's CSVs.")
    parser.add_argument("folder", type=Path, help="a drsim plan runway folder (runway_months.csv, runway.csv)")
    parser.add_argument("--out", type=Path, default=None, help="output folder for PNGs and index.html")
    args = parser.parse_args()
    RUNWAY_DIR, OUT_DIR = args.folder, args.out
OUT_DIR = OUT_DIR or nbkit.default_out("demand_vs_capacity", RUNWAY_DIR)

# %%
import matplotlib.pyplot as plt
import numpy as np

months = nbkit.read_csv(RUNWAY_DIR / "runway_months.csv",
                        ["cluster", "month", "cpu_demand_mhz", "cpu_demand_peak_mhz", "cpu_capacity_mhz"])
runway = nbkit.read_csv(RUNWAY_DIR / "runway.csv", ["cluster", "slo", "breach_month_mean", "replications_breached"])
levels = nbkit.read_csv(RUNWAY_DIR / "runway_slos.csv",
                        ["cluster", "month", "slo", "value_mean", "value_ci95_low", "value_ci95_high"])
if months.empty:
    nbkit.fail(f"{RUNWAY_DIR / 'runway_months.csv'}: no rows")
clusters = list(dict.fromkeys(months["cluster"]))
report = nbkit.Report(Path(OUT_DIR), "Runway: demand vs capacity", str(RUNWAY_DIR))

# %% [markdown]
# ## Demand and capacity by month

# %%
fig, axes = plt.subplots(len(clusters), 1, figsize=(11, 3.6 * len(clusters)), squeeze=False)
for ax, cluster in zip(axes[:, 0], clusters):
    m = months[months["cluster"] == cluster].sort_values("month")
    ax.plot(m["month"], m["cpu_demand_mhz"] / 1000, marker="o", ms=3, label="mean demand")
    ax.plot(m["month"], m["cpu_demand_peak_mhz"] / 1000, marker="o", ms=3, label="busiest hour")
    ax.step(m["month"], m["cpu_capacity_mhz"] / 1000, where="mid", color="black", lw=1.5, label="capacity")
    for _, row in runway[runway["cluster"] == cluster].iterrows():
        if np.isfinite(row["breach_month_mean"]):
            ax.axvline(row["breach_month_mean"], ls="--", lw=1, color="tab:red")
            ax.text(row["breach_month_mean"], ax.get_ylim()[1] * 0.02, f" {row['slo']}", rotation=90,
                    va="bottom", ha="right", fontsize=8, color="tab:red")
    nbkit.headroom(ax, max(m["cpu_demand_peak_mhz"].max(), m["cpu_capacity_mhz"].max()) / 1000, 1.25)
    ax.set_xlabel("Month (0 = today)")
    ax.set_ylabel("CPU (GHz)")
    ax.set_title(f"{cluster}: CPU demand vs capacity")
    ax.legend(loc="upper left", ncols=3)
fig.tight_layout()
report.save(fig, "demand_capacity", "Demand vs capacity",
            "Mean and busiest-hour CPU demand of each month's simulated days (mean over replications) "
            "against the CPU capacity; dashed lines: the mean month each service level breaks.")

# %% [markdown]
# ## Each service level by month

# %%
slos = list(dict.fromkeys(levels["slo"]))
fig, axes = plt.subplots(len(clusters), 1, figsize=(11, 3.4 * len(clusters)), squeeze=False)
for ax, cluster in zip(axes[:, 0], clusters):
    for slo in slos:
        v = levels[(levels["cluster"] == cluster) & (levels["slo"] == slo)].sort_values("month")
        line, = ax.plot(v["month"], v["value_mean"], marker="o", ms=3, label=slo)
        if v["value_ci95_low"].notna().any():
            ax.fill_between(v["month"], v["value_ci95_low"], v["value_ci95_high"], color=line.get_color(), alpha=0.2)
    ax.set_xlabel("Month (0 = today)")
    ax.set_ylabel("Service level value")
    ax.set_title(f"{cluster}: service levels by month (95 % interval shaded)")
    ax.legend(loc="upper left")
fig.tight_layout()
report.save(fig, "service_levels", "Service levels by month",
            "Each service level's judged value per month (mean over replications, 95 % interval shaded). "
            "cpu_unmet_pct in %; n_plus_1 shows the first bound with the largest host failed; "
            "ha_admission is memory footprint / (capacity − largest host), at most 1 to hold.")

# %%
table = runway.copy()
report.table("When each service level breaks (runway.csv)", table)
page = report.write_html(f"{len(clusters)} cluster(s), months 0–{int(months['month'].max())}.")
print(f"wrote {len(report.charts)} charts and {page}")
