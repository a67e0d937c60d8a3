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
# # What DPM saves, day by day
#
# Energy and hosts on with DPM off vs on, per calendar day (UTC). Input is either a sweep
# folder with a `dpm.enabled` axis (replications are paired by their common seed and
# averaged, with 95 % CIs), or two run folders: DPM off first, DPM on second.
#
# As a script:
# `python notebooks-export/dpm_savings.py SWEEP_DIR [--where drs.threshold=3] [--out OUT_DIR]` or
# `python notebooks-export/dpm_savings.py OFF_RUN_DIR ON_RUN_DIR [--out OUT_DIR]`.
# In Jupyter: set `DRSIM_DPM_DIRS` (one sweep folder, or two run folders separated by `:`).

# %% tags=["parameters"]
import argparse
import os
import sys
from pathlib import Path

try:
    import nbkit  # the helper next to this file (script dir, or Jupyter's working dir)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import nbkit

FOLDERS = [Path(p) for p in os.environ.get("DRSIM_DPM_DIRS", "results/sweep").split(":")]
WHERE: list[str] = []  # other sweep axes to hold fixed, as KEY=VALUE
OUT_DIR = nbkit.env_out()  # DRSIM_NB_OUT, else notebooks-export/out/<notebook>/<folder name>

if not nbkit.in_notebook():
    parser = argparse.ArgumentParser(description="DPM off vs on, day by day, from drsim CSVs.")
    parser.add_argument("folders", type=Path, nargs="+",
                        help="a sweep folder with a dpm.enabled axis, or two run folders (DPM off, DPM on)")
    parser.add_argument("--where", action="append", default=[], metavar="KEY=VALUE",
                        help="hold another sweep axis at this value (default: the baseline's value)")
    parser.add_argument("--out", type=Path, default=None, help="output folder for PNGs and index.html")
    args = parser.parse_args()
    FOLDERS, WHERE, OUT_DIR = args.folders, args.where, args.out
if len(FOLDERS) == 2:
    default_name = f"{FOLDERS[0].resolve().name}-vs-{FOLDERS[1].resolve().name}"
    OUT_DIR = OUT_DIR or nbkit.HERE / "out" / "dpm_savings" / default_name
else:
    OUT_DIR = OUT_DIR or nbkit.default_out("dpm_savings", FOLDERS[0])

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

AXIS = "dpm.enabled"


def text(value) -> str:
    return str(value).strip().lower()


def pick_sweep_runs(sweep_dir: Path) -> tuple[dict[bool, list[tuple[int, Path]]], str]:
    """The replications (number, folder) with DPM off and on, other axes held fixed."""
    sweep = nbkit.read_csv(sweep_dir / "sweep.csv", ["config_id", "replication"])
    axes = nbkit.axis_columns(sweep, "replication")
    if AXIS not in axes:
        nbkit.fail(f"{sweep_dir / 'sweep.csv'}: no {AXIS} axis (axes: {', '.join(axes) or 'none'}); "
                   "give two run folders instead")
    fixed: dict[str, str] = {}
    comparison_path = sweep_dir / "comparison.csv"
    recorded = nbkit.sweep_baseline(sweep_dir)  # the baseline's values of the other axes
    if recorded is not None and (sweep["config_id"] == recorded).any():
        base_row = sweep[sweep["config_id"] == recorded].iloc[0]
        fixed = {a: text(base_row[a]) for a in axes if a != AXIS}
    elif comparison_path.is_file():  # older folders: the configuration with zero differences
        comparison = nbkit.read_csv(comparison_path, ["config_id", "diff_mean", "diff_sd"])
        zero = comparison.groupby("config_id", sort=False).apply(
            lambda g: bool(((g["diff_mean"].fillna(0) == 0) & (g["diff_sd"].fillna(0) == 0)).all()),
            include_groups=False)
        base_ids = [c for c, z in zero.items() if z]
        if len(base_ids) == 1:
            base_row = sweep[sweep["config_id"] == base_ids[0]].iloc[0]
            fixed = {a: text(base_row[a]) for a in axes if a != AXIS}
    for a in axes:  # otherwise the first value in sweep order
        if a != AXIS and a not in fixed:
            fixed[a] = text(sweep[a].iloc[0])
    for item in WHERE:
        key, _, value = item.partition("=")
        if key not in axes or key == AXIS:
            nbkit.fail(f"--where {item}: {key} is not another axis of the sweep ({', '.join(axes)})")
        fixed[key] = text(value)
    chosen = sweep
    for key, value in fixed.items():
        column = chosen[key].map(text)
        numeric = pd.to_numeric(chosen[key], errors="coerce")
        try:
            match = (column == value) | (numeric == float(value))
        except ValueError:
            match = column == value
        chosen = chosen[match]
    runs = nbkit.find_runs(sweep_dir)
    result: dict[bool, list[tuple[int, Path]]] = {False: [], True: []}
    for _, row in chosen.iterrows():
        key = (str(row["config_id"]), int(row["replication"]))
        if key not in runs:
            nbkit.fail(f"{sweep_dir}: no run folder with config_id {key[0]!r}, replication {key[1]} under runs/")
        result[bool(nbkit.as_bool(pd.Series([row[AXIS]])).iloc[0])].append((key[1], runs[key]))
    if not result[False] or not result[True]:
        nbkit.fail(f"{sweep_dir}: need runs with {AXIS} false and true where "
                   + (", ".join(f"{k}={v}" for k, v in fixed.items()) or "all rows"))
    where = ", ".join(f"{k}={v}" for k, v in fixed.items())
    return result, where


def daily(run: Path) -> pd.DataFrame:
    """Per calendar day: IT energy (kWh), mean hosts on, and the hosts-on time series."""
    nbkit.require_run_folder(run)
    ts = nbkit.read_csv(run / "timeseries.csv", ["time_s", "timestamp", "hosts_on", "power_w", "energy_kwh"])
    if ts.empty:
        nbkit.fail(f"{run / 'timeseries.csv'}: no rows")
    total = ts.groupby("time", sort=True)[["hosts_on", "power_w", "energy_kwh", "time_s"]].agg(
        {"hosts_on": "sum", "power_w": "sum", "energy_kwh": "sum", "time_s": "first"})
    # Cumulative energy at each day's first sample; the run's end from summary.csv
    # (exact), else the last sample's power held for one more interval.
    step_s = float(np.median(np.diff(total["time_s"]))) if len(total) > 1 else 300.0
    end_energy = float(total["energy_kwh"].iloc[-1] + total["power_w"].iloc[-1] * step_s / 3.6e6)
    summary_path = run / "summary.csv"
    if summary_path.is_file():
        summary = nbkit.read_csv(summary_path)
        if "energy_kwh" in summary.columns and len(summary):
            end_energy = float(summary["energy_kwh"].iloc[0])
    day = total.index.floor("D")
    starts = total.groupby(day)["energy_kwh"].first()
    ends = list(starts.iloc[1:]) + [end_energy]
    frame = pd.DataFrame({"energy_kwh": np.array(ends) - starts.to_numpy(),
                          "hosts_on_mean": total.groupby(day)["hosts_on"].mean().to_numpy(),
                          "hours": total.groupby(day).size().to_numpy() * step_s / 3600}, index=starts.index)
    frame.index.name = "day"
    frame.attrs["series"] = total
    return frame


if len(FOLDERS) == 1 and (FOLDERS[0] / "sweep.csv").is_file():
    picked, where = pick_sweep_runs(FOLDERS[0])
    source = f"sweep {FOLDERS[0]}" + (f" ({where})" if where else "")
elif len(FOLDERS) == 2:
    picked = {False: [(0, FOLDERS[0])], True: [(0, FOLDERS[1])]}
    source = f"DPM off: {FOLDERS[0]}, DPM on: {FOLDERS[1]}"
else:
    nbkit.fail("give one sweep folder (with sweep.csv) or two run folders (DPM off, DPM on)")

days = {dpm: {rep: daily(folder) for rep, folder in runs} for dpm, runs in picked.items()}
paired = sorted(set(days[False]) & set(days[True]))
if not paired:
    paired_pairs = list(zip(sorted(days[False]), sorted(days[True])))
else:
    paired_pairs = [(r, r) for r in paired]
report = nbkit.Report(Path(OUT_DIR), "DPM savings", source)
print(f"{source}: {len(picked[False])} run(s) with DPM off, {len(picked[True])} with DPM on")

# %% [markdown]
# ## Day by day: mean over replications with 95 % CI
# Savings are paired: replication k with DPM off against replication k with DPM on (same seed).

# %%
rows = []
all_days = sorted(set().union(*(f.index for d in days.values() for f in d.values())))
for day in all_days:
    row = {"day": day}
    for dpm, name in ((False, "off"), (True, "on")):
        for col in ("energy_kwh", "hosts_on_mean"):
            values = [f.loc[day, col] for f in days[dpm].values() if day in f.index]
            row[f"{col}_{name}"], row[f"{col}_{name}_ci"] = nbkit.mean_ci(values)
    savings = [days[False][a].loc[day, "energy_kwh"] - days[True][b].loc[day, "energy_kwh"]
               for a, b in paired_pairs if day in days[False][a].index and day in days[True][b].index]
    row["saving_kwh"], row["saving_kwh_ci"] = nbkit.mean_ci(savings)
    row["saving_pct"] = 100 * row["saving_kwh"] / row["energy_kwh_off"] if row["energy_kwh_off"] else np.nan
    row["hours"] = max(f.loc[day, "hours"] for d in days.values() for f in d.values() if day in f.index)
    rows.append(row)
table = pd.DataFrame(rows).set_index("day")
total_off, total_on = table["energy_kwh_off"].sum(), table["energy_kwh_on"].sum()
total_saving = total_off - total_on
print(f"energy: {total_off:,.1f} kWh off, {total_on:,.1f} kWh on, saved {total_saving:,.1f} kWh "
      f"({100 * total_saving / total_off:.1f} %)")


def ci(series: pd.Series):
    values = series.fillna(0).to_numpy()
    return values if values.any() else None


OFF, ON = "#7f7f7f", "#2ca02c"
x = table.index + pd.Timedelta(hours=12)  # bars centred on their day
bar = pd.Timedelta(hours=8)

# %% [markdown]
# ## Energy per day and the saving

# %%
fig, (ax_e, ax_s) = plt.subplots(2, 1, figsize=(11, 7), sharex=True, height_ratios=[3, 2])
ax_e.bar(x - bar / 2, table["energy_kwh_off"], width=bar, yerr=ci(table["energy_kwh_off_ci"]), capsize=3,
         color=OFF, label=f"DPM off ({total_off:,.1f} kWh in total)")
ax_e.bar(x + bar / 2, table["energy_kwh_on"], width=bar, yerr=ci(table["energy_kwh_on_ci"]), capsize=3,
         color=ON, label=f"DPM on ({total_on:,.1f} kWh in total)")
ax_e.set_ylabel("IT energy per day (kWh)")
nbkit.headroom(ax_e, max(table["energy_kwh_off"].max(), table["energy_kwh_on"].max()), 1.3)
ax_e.set_title("Energy per day, DPM off vs on")
ax_e.legend(loc="upper left", ncols=2, fontsize=9)
ax_s.bar(x, table["saving_kwh"], width=bar * 1.5, yerr=ci(table["saving_kwh_ci"]), capsize=3, color="#1f77b4")
# Percent labels above the bars: every day up to a week, every other day up to two weeks (they
# overlapped each other and the error bars when every day of a longer run was labelled).
step = 1 if len(table) <= 7 else 2
for k, (centre, (_, row)) in enumerate(zip(x if len(table) <= 14 else [], table.iterrows())):
    if k % step:
        continue
    top = max(0.0, row["saving_kwh"]) + (0 if pd.isna(row["saving_kwh_ci"]) else row["saving_kwh_ci"])
    ax_s.annotate(f"{row['saving_pct']:.1f} %", (centre, top), textcoords="offset points",
                  xytext=(0, 4), ha="center", va="bottom", fontsize=8)
ax_s.axhline(0, color="black", lw=0.8)
ax_s.set_ylabel("Saved per day (kWh)")
ax_s.set_title(f"Saving (off − on): {total_saving:,.1f} kWh in total, {100 * total_saving / total_off:.1f} %")
low = min(0.0, float((table["saving_kwh"] - table["saving_kwh_ci"].fillna(0)).min()))
high = max(0.0, float((table["saving_kwh"] + table["saving_kwh_ci"].fillna(0)).max()))
if low == high == 0:
    high = 1.0  # no saving at all: keep a readable axis
ax_s.set_ylim(low * 1.3, high * 1.45)  # headroom for the percent labels
nbkit.day_axis(ax_s, table.index)
report.save(fig, "daily_energy", "Energy per day, DPM off vs on",
            "IT energy per calendar day (kWh) with DPM off and on, and the paired saving (kWh, % of DPM off). "
            "Error bars: 95 % CI over replications (none with a single run); a partial last day is shorter.")

# %% [markdown]
# ## Hosts on per day
# DPM keeps fewer hosts powered on when demand allows; averaged over each day.

# %%
fig, ax = plt.subplots(figsize=(11, 4.2))
ax.bar(x - bar / 2, table["hosts_on_mean_off"], width=bar, yerr=ci(table["hosts_on_mean_off_ci"]), capsize=3,
       color=OFF, label="DPM off")
ax.bar(x + bar / 2, table["hosts_on_mean_on"], width=bar, yerr=ci(table["hosts_on_mean_on_ci"]), capsize=3,
       color=ON, label="DPM on")
ax.set_ylabel("Mean hosts on (hosts)")
nbkit.headroom(ax, table["hosts_on_mean_off"].max(), 1.3)
ax.set_title("Mean number of hosts powered on, per day")
ax.legend(loc="upper left", ncols=2)
nbkit.day_axis(ax, table.index)
report.save(fig, "daily_hosts_on", "Hosts on per day, DPM off vs on",
            "Time-averaged number of hosts in state on per calendar day (all clusters), with 95 % CI over replications.")

# %% [markdown]
# ## Over time: hosts on and power
# One replication of each setting, to see when DPM powers hosts off and back on.

# %%
fig, (ax_h, ax_p) = plt.subplots(2, 1, figsize=(11, 6.5), sharex=True)
for dpm, color, name in ((False, OFF, "DPM off"), (True, ON, "DPM on")):
    first = days[dpm][min(days[dpm])].attrs["series"]
    ax_h.step(first.index, first["hosts_on"], where="post", color=color, lw=1.3, label=name)
    ax_p.step(first.index, first["power_w"] / 1000, where="post", color=color, lw=1.1, label=name)
rep_note = f" (replication {min(days[False])})" if len(days[False]) > 1 else ""
ax_h.set_ylabel("Hosts on (count)")
nbkit.headroom(ax_h, days[False][min(days[False])].attrs["series"]["hosts_on"].max(), 1.3)
ax_h.set_title("Hosts on over time" + rep_note)
ax_h.legend(loc="upper left", ncols=2)
ax_p.set_ylabel("Power (kW)")
nbkit.headroom(ax_p, max(days[d][min(days[d])].attrs["series"]["power_w"].max() for d in days) / 1000, 1.3)
ax_p.set_title("Power draw over time" + rep_note)
ax_p.legend(loc="upper left", ncols=2)
nbkit.date_axis(ax_p)
report.save(fig, "timeline", "Hosts on and power over time",
            "Hosts on and total power (kW) over the run, DPM off vs on, for one replication: "
            "DPM powers hosts off when demand is low.")

# %% [markdown]
# ## The table and the page

# %%
out = table[["hours", "energy_kwh_off", "energy_kwh_on", "saving_kwh", "saving_kwh_ci", "saving_pct",
             "hosts_on_mean_off", "hosts_on_mean_on"]].copy()
out.index = out.index.strftime("%Y-%m-%d")
out.columns = ["hours", "energy off (kWh)", "energy on (kWh)", "saved (kWh)", "saved ± 95 % CI (kWh)",
               "saved (%)", "mean hosts on, off", "mean hosts on, on"]
report.table("Day by day", out.reset_index())
page = report.write_html(f"{len(picked[False])} run(s) with DPM off and {len(picked[True])} with DPM on; "
                         f"{len(table)} day(s); total saving {total_saving:,.1f} kWh "
                         f"({100 * total_saving / total_off:.1f} % of {total_off:,.1f} kWh).")
print(f"wrote {len(report.charts)} charts and {page}")
