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
# # Sizing curve: service levels against host count
#
# Reads the folder `drsim plan size` writes (`size.csv`, `size_profiles.csv`; docs/planning.md)
# and draws each service level against the candidate host counts (mean and 95 % interval over
# the replications, the hosts needed marked), and the host profiles side by side: hosts
# needed, energy and cost per month.
#
# As a script: `python notebooks-export/sizing_curve.py SIZE_DIR [--out OUT_DIR]`.
# In Jupyter: set `DRSIM_SIZE_DIR`.

# %% tags=["parameters"]
import argparse
import sys
from pathlib import Path

try:
    import nbkit  # the helper next to this file (script dir, or Jupyter's working dir)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import nbkit

SIZE_DIR = nbkit.env_path("DRSIM_SIZE_DIR", "results/size/demo")
OUT_DIR = nbkit.env_out()

if not nbkit.in_notebook():
    parser = argparse.ArgumentParser(description="Sizing curve and profile comparison, from drsim plan size's CSVs.")
    parser.add_argument("folder", type=Path, help="a drsim plan size folder (size.csv, size_profiles.csv)")
    parser.add_argument("--out", type=Path, default=None, help="output folder for PNGs and index.html")
    args = parser.parse_args()
    SIZE_DIR, OUT_DIR = args.folder, args.out
OUT_DIR = OUT_DIR or nbkit.default_out("sizing_curve", SIZE_DIR)

# %%
import re

import matplotlib.pyplot as plt
import numpy as np

size = nbkit.read_csv(SIZE_DIR / "size.csv", ["cluster", "host_profile", "hosts", "hosts_needed", "slo", "value_mean",
                                              "value_ci95_low", "value_ci95_high"])
profiles = nbkit.read_csv(SIZE_DIR / "size_profiles.csv", ["host_profile", "hosts_needed", "facility_kwh_per_month",
                                                           "total_cost_per_month", "cost_per_vm_month"])
if size.empty:
    nbkit.fail(f"{SIZE_DIR / 'size.csv'}: no rows")
slos = list(dict.fromkeys(size["slo"]))
names = list(dict.fromkeys(size["host_profile"]))
cluster = size["cluster"].iloc[0]
report = nbkit.Report(Path(OUT_DIR), f"Sizing cluster {cluster}", str(SIZE_DIR))


def bound(slo: str) -> float | None:
    """The limit of a bounded service level (`cpu_unmet_pct<=1` → 1), else None."""
    match = re.search(r"(<=|>=)(-?[0-9.]+)$", slo)
    return float(match.group(2)) if match else None


# %% [markdown]
# ## The sizing curve

# %%
fig, axes = plt.subplots(len(slos), 1, figsize=(10, 3.4 * len(slos)), squeeze=False)
for ax, slo in zip(axes[:, 0], slos):
    for name in names:
        c = size[(size["slo"] == slo) & (size["host_profile"] == name)].sort_values("hosts")
        line, = ax.plot(c["hosts"], c["value_mean"], marker="o", label=name)
        if c["value_ci95_low"].notna().any():
            ax.fill_between(c["hosts"], c["value_ci95_low"], c["value_ci95_high"], color=line.get_color(), alpha=0.2)
        needed = int(c["hosts_needed"].iloc[0])
        ax.axvline(needed, ls="--", lw=1, color=line.get_color())
        ax.annotate(f"{name}: {needed} hosts", (needed, 0), xytext=(4, 4), textcoords="offset points",
                    fontsize=8, color=line.get_color(), xycoords=("data", "axes fraction"))
    limit = bound(slo)
    if limit is not None:
        ax.axhline(limit, color="black", lw=1, label="bound")
    ax.set_xlabel("Hosts")
    ax.set_ylabel(slo)
    ax.set_title(f"{slo} by host count (95 % interval shaded; dashed: hosts needed)")
    ax.legend(loc="upper right")
fig.tight_layout()
report.save(fig, "sizing_curve", "Sizing curve",
            "Each service level's value at every candidate host count the search tried (mean over replications), "
            "per host profile; the dashed line is the smallest count meeting every service level in every replication.")

# %% [markdown]
# ## Host profiles side by side

# %%
fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
x = np.arange(len(profiles))
panels = [("hosts_needed", "Hosts needed"), ("facility_kwh_per_month", "Facility energy (kWh/month)"),
          ("total_cost_per_month", "Cost per month")]
for ax, (column, title) in zip(axes, panels):
    values = profiles[column].astype(float)
    if values.notna().any():
        ax.bar(x, values.fillna(0), color=[f"C{i}" for i in range(len(profiles))])
        for i, v in enumerate(values):
            if np.isfinite(v):
                ax.text(i, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=9)
        nbkit.headroom(ax, values.max(), 1.2)
    else:
        nbkit.empty_panel(ax, "no cost keys in the scenario")
    ax.set_xticks(x, profiles["host_profile"])
    ax.set_title(title)
fig.tight_layout()
report.save(fig, "profiles", "Host profiles compared",
            "Hosts needed, facility energy per month and total cost per month (hardware amortization, "
            "licenses and energy: the parts the scenario prices) for each host profile.")

# %%
report.table("Profiles (size_profiles.csv)", profiles)
page = report.write_html(f"cluster {cluster}; service levels: {', '.join(slos)}.")
print(f"wrote {len(report.charts)} charts and {page}")
