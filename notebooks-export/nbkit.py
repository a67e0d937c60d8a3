"""Shared helpers for the drsim analysis notebooks.

Reads drsim's CSV outputs (DESIGN.md section 6) with pandas, never the simulator itself,
and collects matplotlib charts into PNG files plus one HTML page that shows them.
"""

from __future__ import annotations

import builtins
import html
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

HERE = Path(__file__).resolve().parent


def in_notebook() -> bool:
    """True inside Jupyter/IPython, where sys.argv belongs to the kernel."""
    return hasattr(builtins, "__IPYTHON__") or "ipykernel" in sys.modules


if not in_notebook():
    matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

plt.rcParams.update({
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 9,
    "legend.framealpha": 0.9,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
})

# Text columns: read as strings even when a name looks like a number ("1.5") or like NA.
TEXT_COLUMNS = {
    "timestamp": str, "cluster": str, "vm": str, "source": str, "destination": str, "reason": str,
    "outcome": str, "detail": str, "host": str, "from_state": str, "to_state": str,
    "scenario": str, "config_id": str, "metric": str,
}

# Fixed colors so a reason or state has the same color in every chart.
REASON_COLORS = {
    "drs_balance": "#1f77b4", "drs_rule": "#17becf", "placement": "#9467bd",
    "dpm_evacuate": "#2ca02c", "maintenance": "#ff7f0e", "manual": "#8c564b",
}
STATE_COLORS = {
    "on": "#2ca02c", "transitioning": "#ffbf00", "standby": "#9e9e9e",
    "maintenance": "#1f77b4", "failed": "#d62728",
}

# Human labels (with units) for summary metrics; others fall back to unit_label().
METRIC_LABELS = {
    "energy_kwh": "IT energy (kWh)",
    "facility_energy_kwh": "Facility energy (kWh)",
    "mean_hosts_on": "Mean hosts on (hosts)",
    "chlsd_mean": "Mean CHLSD (unitless)",
    "chlsd_p95": "CHLSD p95 (unitless)",
    "migrations_total": "Migrations (count)",
    "migrations_ok": "Successful migrations (count)",
    "migrations_rejected": "Rejected migrations (count)",
    "migrations_aborted": "Aborted migrations (count)",
    "migrations_drs": "DRS migrations (count)",
    "migrations_dpm": "DPM migrations (count)",
    "migrations_maintenance": "Maintenance migrations (count)",
    "downtime_total_s": "Total downtime (s)",
    "downtime_p50_ms": "Downtime p50 (ms)",
    "downtime_p95_ms": "Downtime p95 (ms)",
    "downtime_p99_ms": "Downtime p99 (ms)",
    "downtime_max_ms": "Downtime max (ms)",
    "lost_pings": "Lost pings (count)",
    "cpu_unmet_pct": "Unmet CPU demand (%)",
    "ha_outages": "HA outages (count)",
    "vm_hours_down": "VM downtime (VM·h)",
    "host_power_cycles": "Host power cycles (count)",
    "failed_admissions": "Failed admissions (count)",
    "sim_days": "Simulated time (days)",
}

UNIT_SUFFIXES = [
    ("_kwh", "kWh"), ("_mhz", "MHz"), ("_mbps", "Mbit/s"), ("_mb", "MiB"), ("_gb", "GiB"),
    ("_ms", "ms"), ("_s", "s"), ("_w", "W"), ("_pct", "%"), ("_util", "fraction"),
]


class InputError(Exception):
    """A results folder that is missing, incomplete or not what the notebook needs."""


def fail(message: str) -> None:
    """Stop with a clear message: exit code 2 as a script, an exception in a notebook."""
    if in_notebook():
        raise InputError(message)
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def unit_label(column: str) -> str:
    """A readable axis label with the unit taken from the column's suffix."""
    if column in METRIC_LABELS:
        return METRIC_LABELS[column]
    for suffix, unit in UNIT_SUFFIXES:
        if column.endswith(suffix):
            return f"{column[: -len(suffix)].replace('_', ' ')} ({unit})"
    return column.replace("_", " ")


def default_out(notebook: str, folder: Path) -> Path:
    """Default output folder: notebooks-export/out/<notebook>/<results folder name>."""
    return HERE / "out" / notebook / folder.resolve().name


# ---------------------------------------------------------------- reading CSVs


# drsim writes a text cell that a spreadsheet would run as a formula (one starting with = + - @
# TAB or CR) with a leading ' (OWASP's CSV-injection rule, docs/outputs.md); names read here
# lose that guard again, so charts and tables show the name as the inventory has it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def strip_formula_guard(value):
    """A text cell without drsim's formula guard (the leading ' before = + - @ TAB CR)."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def sweep_baseline(sweep: Path) -> str | None:
    """The baseline configuration id recorded in the sweep folder's sweep-plan.json, or None."""
    import json
    try:
        plan = json.loads((sweep / "sweep-plan.json").read_text(encoding="utf-8"))
        return str(plan["configurations"][int(plan["baseline_index"])]["id"])
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


def read_csv(path: Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read one drsim CSV: empty cells are NaN, text columns stay text, `timestamp` becomes `time`."""
    if not path.is_file():
        fail(f"{path}: no such file")
    try:
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""],
                            dtype={k: v for k, v in TEXT_COLUMNS.items()})
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        fail(f"{path}: not a readable CSV ({error})")
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(strip_formula_guard)
    missing = [c for c in (required or []) if c not in frame.columns]
    if missing:
        fail(f"{path}: missing column(s) {', '.join(missing)}")
    if "timestamp" in frame.columns:
        frame["time"] = pd.to_datetime(frame["timestamp"], format="%Y-%m-%d %H:%M:%S")
    return frame


def as_bool(series: pd.Series) -> pd.Series:
    """Booleans written as true/false, True/False or 1/0."""
    if series.dtype == bool:
        return series
    return series.astype(str).str.strip().str.lower().isin(["true", "1", "1.0", "yes"])


def run_start(timeseries: pd.DataFrame) -> pd.Timestamp:
    """Calendar time of t = 0, from the first timeseries row."""
    first = timeseries.iloc[0]
    return first["time"] - pd.to_timedelta(float(first["time_s"]), unit="s")


def require_run_folder(folder: Path) -> None:
    """Fail clearly unless folder looks like a drsim run folder."""
    if not folder.is_dir():
        fail(f"{folder}: no such folder")
    if not (folder / "timeseries.csv").is_file():
        fail(f"{folder}: not a drsim run folder (no timeseries.csv)")


def find_runs(sweep: Path) -> dict[tuple[str, int], Path]:
    """Map (config_id, replication) to its run folder, read from each run's summary.csv."""
    runs: dict[tuple[str, int], Path] = {}
    for summary_path in sorted((sweep / "runs").glob("*/rep-*/summary.csv")):
        summary = read_csv(summary_path, ["config_id", "replication"])
        if len(summary):
            row = summary.iloc[0]
            runs[(str(row["config_id"]), int(row["replication"]))] = summary_path.parent
    return runs


def axis_columns(frame: pd.DataFrame, before: str) -> list[str]:
    """The sweep's axis columns: those between `config_id` and `before`."""
    columns = list(frame.columns)
    if "config_id" not in columns or before not in columns:
        fail(f"expected columns config_id … {before}, found {', '.join(columns)}")
    return columns[columns.index("config_id") + 1: columns.index(before)]


# ---------------------------------------------------------------- statistics

_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
         2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
         2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def t975(df: int) -> float:
    """Two-sided 95 % Student t quantile; NaN below one degree of freedom."""
    if df < 1:
        return float("nan")
    if df <= len(_T975):
        return _T975[df - 1]
    return 1.959964 + 2.4 / df  # within 0.002 of the exact value beyond 30


def mean_ci(values) -> tuple[float, float]:
    """Mean and 95 % CI half-width (NaN with fewer than two values)."""
    data = np.asarray(pd.Series(values).dropna(), dtype=float)
    if len(data) == 0:
        return float("nan"), float("nan")
    if len(data) == 1:
        return float(data[0]), float("nan")
    return float(data.mean()), t975(len(data) - 1) * float(data.std(ddof=1)) / math.sqrt(len(data))


# ---------------------------------------------------------------- chart helpers


def date_axis(ax) -> None:
    """Dates on the x axis, concise and UTC."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("Time (UTC)")


def day_axis(ax, days) -> None:
    """Calendar days on the x axis: labels at each day's centre (bars sit at day + 12 h), lines between days."""
    days = pd.DatetimeIndex(days)
    interval = max(1, math.ceil(len(days) / 14))
    centres = days[::interval] + pd.Timedelta(hours=12)
    ax.set_xticks(mdates.date2num(centres.to_pydatetime()), [f"{d:%a}\n{d:%Y-%m-%d}" for d in days[::interval]])
    ax.set_xticks(mdates.date2num(list(days.to_pydatetime()) + [days.max() + pd.Timedelta(days=1)]), minor=True)
    ax.tick_params(axis="x", which="major", length=0)
    ax.grid(False, axis="x", which="major")
    ax.grid(True, axis="x", which="minor", alpha=0.4)
    ax.set_xlim(days.min(), days.max() + pd.Timedelta(days=1))
    ax.set_xlabel("Day (UTC)")


def headroom(ax, top: float, factor: float = 1.3) -> None:
    """Start the y axis at 0 and leave room above the data for a legend."""
    ax.set_ylim(0, max(float(top), 1e-9) * factor)


def empty_panel(ax, text: str) -> None:
    """Replace a chart by a centered message (e.g. no migrations in this run)."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#bbbbbb")
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=14, color="#555555",
            transform=ax.transAxes)


@dataclass
class Chart:
    file: str
    title: str
    caption: str


@dataclass
class Report:
    """PNG charts written to one folder, and an index.html that shows them."""
    out: Path
    title: str
    source: str
    charts: list[Chart] = field(default_factory=list)
    tables: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)

    def save(self, fig, name: str, title: str, caption: str) -> Path:
        """Write fig as <name>.png, remember it for the page, and close it (unless in Jupyter)."""
        path = self.out / f"{name}.png"
        fig.savefig(path, bbox_inches="tight", facecolor="white")
        self.charts.append(Chart(path.name, title, caption))
        if in_notebook():
            plt.show()
        else:
            plt.close(fig)
        return path

    def table(self, heading: str, frame: pd.DataFrame, index: bool = False) -> None:
        """Add a table to the page."""
        self.tables.append((heading, frame.to_html(index=index, border=0, classes="data",
                                                   na_rep="–", float_format=lambda v: f"{v:,.3f}")))

    def write_html(self, intro: str = "") -> Path:
        """Write index.html: the charts in order, then the tables."""
        parts = [
            "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{html.escape(self.title)}</title>",
            "<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;"
            "color:#222}figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}"
            "figcaption{color:#444;margin-top:.4em}table.data{border-collapse:collapse;font-size:.9em}"
            "table.data td,table.data th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:right}"
            "code{background:#f4f4f4;padding:0 .2em}</style></head><body>",
            f"<h1>{html.escape(self.title)}</h1>",
            f"<p>Source: <code>{html.escape(self.source)}</code></p>",
        ]
        if intro:
            parts.append(f"<p>{html.escape(intro)}</p>")
        for chart in self.charts:
            parts += [f'<figure id="{html.escape(Path(chart.file).stem)}">',
                      f"<h2>{html.escape(chart.title)}</h2>",
                      f'<img src="{html.escape(chart.file)}" alt="{html.escape(chart.title)}">',
                      f"<figcaption>{html.escape(chart.caption)}</figcaption></figure>"]
        for heading, table in self.tables:
            parts += [f"<h2>{html.escape(heading)}</h2>", table]
        parts.append("</body></html>")
        path = self.out / "index.html"
        path.write_text("\n".join(parts) + "\n", encoding="utf-8")
        return path


def env_path(name: str, default: str) -> Path:
    """A folder from an environment variable (used when the notebook runs inside Jupyter)."""
    return Path(os.environ.get(name, default))


def env_out() -> Path | None:
    """The output folder from DRSIM_NB_OUT, if set (for Jupyter; scripts take --out)."""
    value = os.environ.get("DRSIM_NB_OUT", "").strip()
    return Path(value) if value else None
