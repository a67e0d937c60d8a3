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
# # Compare configurations of a drsim sweep
#
# A sweep folder (`sweep.csv`: one row per run, `comparison.csv`: per configuration and
# metric the mean with its 95 % confidence interval and the paired difference from the
# baseline configuration). Charts: each metric's mean with CI per configuration, the paired
# differences from the baseline, and the trade-off between balance (CHLSD) and migration cost.
#
# As a script: `python notebooks-export/compare_thresholds.py SWEEP_DIR [--out OUT_DIR]`.
# In Jupyter: set `DRSIM_SWEEP_DIR` (or edit the parameters cell).

# %% tags=["parameters"]
import argparse
import sys
from pathlib import Path

try:
    import nbkit  # the helper next to this file (script dir, or Jupyter's working dir)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import nbkit

SWEEP_DIR = nbkit.env_path("DRSIM_SWEEP_DIR", "results/sweep")
OUT_DIR = nbkit.env_out()  # DRSIM_NB_OUT, else notebooks-export/out/<notebook>/<folder name>
KEY_METRICS = ["energy_kwh", "mean_hosts_on", "chlsd_mean", "chlsd_p95", "migrations_total",
               "downtime_total_s", "downtime_p95_ms", "lost_pings", "cpu_unmet_pct"]

if not nbkit.in_notebook():
    parser = argparse.ArgumentParser(description="Compare the configurations of a drsim sweep.")
    parser.add_argument("sweep_dir", type=Path, help="sweep folder (holds sweep.csv and comparison.csv)")
    parser.add_argument("--out", type=Path, default=None, help="output folder for PNGs and index.html")
    args = parser.parse_args()
    SWEEP_DIR, OUT_DIR = args.sweep_dir, args.out
OUT_DIR = OUT_DIR or nbkit.default_out("compare_thresholds", SWEEP_DIR)

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

if not SWEEP_DIR.is_dir():
    nbkit.fail(f"{SWEEP_DIR}: no such folder")
sweep = nbkit.read_csv(SWEEP_DIR / "sweep.csv", ["config_id", "replication", "seed"])
comparison = nbkit.read_csv(SWEEP_DIR / "comparison.csv", [
    "config_id", "metric", "n", "mean", "sd", "ci95_low", "ci95_high",
    "diff_mean", "diff_sd", "diff_ci95_low", "diff_ci95_high"])
if sweep.empty or comparison.empty:
    nbkit.fail(f"{SWEEP_DIR}: sweep.csv or comparison.csv has no rows")
axes = nbkit.axis_columns(sweep, "replication")
if nbkit.axis_columns(comparison, "metric") != axes:
    nbkit.fail(f"{SWEEP_DIR}: sweep.csv and comparison.csv name different axes")


def show(value) -> str:
    """An axis value as text: booleans as true/false, whole floats without .0."""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Configurations in sweep order, with their axis values.
configs = sweep.drop_duplicates("config_id")[["config_id", *axes]].reset_index(drop=True)

# The baseline: the one sweep-plan.json records; for older folders without it, the configuration
# whose paired differences are all zero (or empty).
baseline = nbkit.sweep_baseline(SWEEP_DIR)
if baseline not in set(configs["config_id"]):
    zero = comparison.groupby("config_id", sort=False).apply(
        lambda g: bool(((g["diff_mean"].fillna(0) == 0) & (g["diff_sd"].fillna(0) == 0)).all()),
        include_groups=False)
    baseline_ids = [c for c in configs["config_id"] if zero.get(c, False)]
    baseline = baseline_ids[0] if len(baseline_ids) == 1 else None

# x axis: the DRS threshold if swept, else the first axis; one series per value of the other axes.
x_axis = "drs.threshold" if "drs.threshold" in axes else (axes[0] if axes else "config_id")
series_axes = [a for a in axes if a != x_axis]
x_values = list(configs[x_axis].drop_duplicates())
try:
    x_values = sorted(x_values)
except TypeError:
    pass
x_pos = {v: i for i, v in enumerate(x_values)}
configs["series"] = configs.apply(
    lambda r: ", ".join(f"{a}={show(r[a])}" for a in series_axes) or "mean ± 95 % CI", axis=1)
series_names = list(dict.fromkeys(configs["series"]))
palette = plt.rcParams["axes.prop_cycle"].by_key()["color"]
series_color = {s: palette[i % len(palette)] for i, s in enumerate(series_names)}
width = 0.6 / max(1, len(series_names))
configs["x"] = [x_pos[v] + (series_names.index(s) - (len(series_names) - 1) / 2) * width
                for v, s in zip(configs[x_axis], configs["series"])]
configs["label"] = configs.apply(lambda r: ", ".join(f"{a}={show(r[a])}" for a in axes) or r["config_id"], axis=1)

metrics_present = list(dict.fromkeys(comparison["metric"]))
metrics = [m for m in KEY_METRICS if m in metrics_present] or metrics_present[:9]
stats = comparison.merge(configs[["config_id", "series", "x", "label"]], on="config_id", how="left")
sweep = sweep.merge(configs[["config_id", "series", "x"]], on="config_id", how="left")
short_x = x_axis.split(".")[-1]
report = nbkit.Report(Path(OUT_DIR), f"Sweep comparison: {SWEEP_DIR.resolve().name}", str(SWEEP_DIR))
print(f"{len(configs)} configurations × {sweep['replication'].nunique()} replications; axes {axes}; "
      f"baseline {baseline}")


def errors(frame: pd.DataFrame, mean: str, low: str, high: str) -> np.ndarray:
    """Asymmetric error bar lengths (NaN → 0, never negative)."""
    below = (frame[mean] - frame[low]).fillna(0).clip(lower=0)
    above = (frame[high] - frame[mean]).fillna(0).clip(lower=0)
    return np.vstack([below.to_numpy(), above.to_numpy()])


def grid(count: int):
    cols = min(3, count)
    rows = math.ceil(count / cols)
    fig, axs = plt.subplots(rows, cols, figsize=(4.4 * cols, 3.4 * rows + 0.6), squeeze=False)
    for ax in axs.flat[count:]:
        ax.set_visible(False)
    return fig, list(axs.flat[:count])


def x_ticks(ax) -> None:
    ax.set_xticks(range(len(x_values)), [show(v) for v in x_values])
    ax.set_xlabel(x_axis)
    ax.set_xlim(-0.5, len(x_values) - 0.5)


def series_legend(fig, extra: list) -> None:
    handles = [Line2D([], [], color=series_color[s], marker="o", ls="", label=s) for s in series_names]
    fig.legend(handles=handles + extra, loc="upper center", ncols=min(6, len(handles) + len(extra)),
               bbox_to_anchor=(0.5, 1.0), frameon=False)


# %% [markdown]
# ## Mean of each metric per configuration, with 95 % CI
# Dots are the individual replications; the bars are the t-based 95 % confidence interval
# of the mean from `comparison.csv`.

# %%
fig, panels = grid(len(metrics))
for ax, metric in zip(panels, metrics):
    part = stats[stats["metric"] == metric]
    for name in series_names:
        rows = part[part["series"] == name]
        ax.errorbar(rows["x"], rows["mean"], yerr=errors(rows, "mean", "ci95_low", "ci95_high"), fmt="o",
                    ms=6, capsize=4, color=series_color[name], zorder=3)
        if metric in sweep.columns:
            reps = sweep[sweep["series"] == name]
            ax.scatter(reps["x"] + 0.06, reps[metric], s=10, color=series_color[name], alpha=0.35, zorder=2)
    if baseline is not None:
        base = part[part["config_id"] == baseline]
        ax.scatter(base["x"], base["mean"], s=160, facecolors="none", edgecolors="black", lw=1.3, zorder=4)
    ax.set_title(nbkit.unit_label(metric))
    ax.set_ylabel(nbkit.unit_label(metric).split("(")[-1].rstrip(")") if "(" in nbkit.unit_label(metric) else "")
    x_ticks(ax)
series_legend(fig, [Line2D([], [], color="grey", marker="o", ls="", alpha=0.4, ms=4, label="replications"),
                    Line2D([], [], color="black", marker="o", mfc="none", ls="", ms=11, label="baseline")])
fig.tight_layout(rect=(0, 0, 1, 0.95))
report.save(fig, "metric_means", "Mean per configuration with 95 % CI",
            f"Each panel is one metric from comparison.csv: the mean over replications with its 95 % confidence "
            f"interval, per value of {x_axis}; faint dots are single runs; the circled point is the baseline.")

# %% [markdown]
# ## Paired differences from the baseline
# Replication k of every configuration uses the same seed (common random numbers), so the
# difference is taken run by run; a filled marker means its 95 % CI excludes zero.

# %%
fig, panels = grid(len(metrics))
for ax, metric in zip(panels, metrics):
    part = stats[stats["metric"] == metric]
    ax.axhline(0, color="black", lw=0.8)
    for name in series_names:
        rows = part[part["series"] == name]
        significant = (rows["diff_ci95_low"] > 0) | (rows["diff_ci95_high"] < 0)
        err = errors(rows, "diff_mean", "diff_ci95_low", "diff_ci95_high")
        ax.errorbar(rows["x"], rows["diff_mean"], yerr=err, fmt="none", capsize=4, ecolor=series_color[name])
        ax.scatter(rows["x"], rows["diff_mean"], s=36, zorder=3, edgecolors=series_color[name],
                   facecolors=[series_color[name] if s else "white" for s in significant])
    if baseline is not None:
        base = part[part["config_id"] == baseline]
        ax.scatter(base["x"], [0] * len(base), marker="*", s=140, color="black", zorder=4)
    unit = nbkit.unit_label(metric)
    ax.set_title(f"Δ {unit}")
    ax.set_ylabel("config − baseline" + (f" ({unit.split('(')[-1]}" if "(" in unit else ""))
    x_ticks(ax)
series_legend(fig, [Line2D([], [], color="grey", marker="o", ls="", label="CI excludes 0"),
                    Line2D([], [], color="grey", marker="o", mfc="white", ls="", label="CI includes 0"),
                    Line2D([], [], color="black", marker="*", ls="", ms=11, label="baseline")])
fig.tight_layout(rect=(0, 0, 1, 0.95))
base_label = configs.loc[configs["config_id"] == baseline, "label"].iloc[0] if baseline is not None else "none found"
report.save(fig, "paired_differences", "Paired differences from the baseline",
            f"Mean paired difference (configuration − baseline) with its 95 % CI; baseline: {base_label}.")

# %% [markdown]
# ## Trade-off: what balance costs in migrations and downtime
# One point per threshold (per series), with 95 % CIs on both axes. Down and to the left is better.

# %%
pairs = [("chlsd_mean", "migrations_total"), ("chlsd_mean", "downtime_total_s")]
fig, panels = plt.subplots(1, 2, figsize=(12, 4.8))
for ax, (x_metric, y_metric) in zip(panels, pairs):
    if x_metric not in metrics_present or y_metric not in metrics_present:
        nbkit.empty_panel(ax, f"no {x_metric} or {y_metric} in comparison.csv")
        continue
    for name in series_names:
        xs = stats[(stats["metric"] == x_metric) & (stats["series"] == name)].set_index("config_id")
        ys = stats[(stats["metric"] == y_metric) & (stats["series"] == name)].set_index("config_id")
        ids = [c for c in configs["config_id"] if c in xs.index and c in ys.index]
        order = sorted(ids, key=lambda c: x_pos[configs.set_index("config_id").loc[c, x_axis]])
        xs, ys = xs.loc[order], ys.loc[order]
        ax.errorbar(xs["mean"], ys["mean"], xerr=errors(xs, "mean", "ci95_low", "ci95_high"),
                    yerr=errors(ys, "mean", "ci95_low", "ci95_high"), fmt="o-", ms=6, capsize=3, lw=1,
                    color=series_color[name], label=name)
        for k, c in enumerate(order):
            value = configs.set_index("config_id").loc[c, x_axis]
            # Alternate the label above-right and below-left of neighbouring points so that close
            # points (thresholds 4 and 5 often nearly coincide) do not print over each other.
            offset, align = ((7, 7), ("left", "bottom")) if k % 2 == 0 else ((-7, -9), ("right", "top"))
            ax.annotate(f"{short_x}={show(value)}", (xs.loc[c, "mean"], ys.loc[c, "mean"]),
                        textcoords="offset points", xytext=offset, ha=align[0], va=align[1], fontsize=8,
                        color=series_color[name])
            if c == baseline:
                ax.scatter([xs.loc[c, "mean"]], [ys.loc[c, "mean"]], s=160, facecolors="none", edgecolors="black",
                           lw=1.3, zorder=4, label="baseline")
    ax.set_xlabel(nbkit.unit_label(x_metric) + " — lower is better balanced")
    ax.set_ylabel(nbkit.unit_label(y_metric))
    ax.set_title(f"{nbkit.unit_label(y_metric).split(' (')[0]} vs imbalance")
    ax.margins(x=0.12, y=0.15)  # room for the labels at the ends
    ax.legend(loc="best", fontsize=8)
fig.tight_layout()
report.save(fig, "tradeoff", "Trade-off: migrations and downtime vs imbalance",
            f"Mean migrations (left) and total downtime (right) against mean CHLSD, one point per {x_axis} "
            f"value with 95 % CIs on both axes; the circled point is the baseline ({baseline or 'none found'}).")

# %% [markdown]
# ## Tables

# %%
def cell(mean, low, high) -> str:
    if pd.isna(low) or pd.isna(high):
        return f"{mean:,.4g}"
    return f"{mean:,.4g} [{low:,.4g}, {high:,.4g}]"


for title, (m, lo, hi) in {"Mean [95 % CI] per configuration": ("mean", "ci95_low", "ci95_high"),
                           "Paired difference from the baseline [95 % CI]":
                               ("diff_mean", "diff_ci95_low", "diff_ci95_high")}.items():
    table = stats[stats["metric"].isin(metrics)].copy()
    table["value"] = [cell(a, b, c) for a, b, c in zip(table[m], table[lo], table[hi])]
    pivot = table.pivot(index="label", columns="metric", values="value")
    pivot = pivot.loc[list(dict.fromkeys(configs["label"])), metrics]
    pivot.columns = [nbkit.unit_label(c) for c in pivot.columns]
    report.table(title, pivot.rename_axis("configuration").reset_index())
page = report.write_html(f"{len(configs)} configurations, {sweep['replication'].nunique()} replications each; "
                         f"axes: {', '.join(axes) or 'none'}; baseline: {base_label}.")
print(f"wrote {len(report.charts)} charts and {page}")
