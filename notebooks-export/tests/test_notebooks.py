"""The three notebooks run as plain Python on a run and a sweep, and write real charts.

Every expected PNG must exist, be a PNG (magic bytes, nonzero size) and not be blank
(more than one color); index.html must show each of them. The notebooks must also
parse as Jupytext percent notebooks.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import jupytext
import matplotlib.image
import nbformat
import numpy as np
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHARTS = {
    "run_overview": ["power_energy", "hosts_by_state", "cpu_demand", "imbalance", "migrations_per_hour",
                     "downtime"],
    "compare_thresholds": ["metric_means", "paired_differences", "tradeoff"],
    "dpm_savings": ["daily_energy", "daily_hosts_on", "timeline"],
    "demand_vs_capacity": ["demand_capacity", "service_levels"],
    "sizing_curve": ["sizing_curve", "profiles"],
}


def run_notebook(name: str, *args: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(NOTEBOOKS / f"{name}.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


def check_png(path: Path) -> None:
    assert path.is_file(), f"{path} missing"
    data = path.read_bytes()
    assert len(data) > len(PNG_MAGIC) and data.startswith(PNG_MAGIC), f"{path}: not a PNG"
    pixels = matplotlib.image.imread(path)
    assert pixels.shape[0] >= 200 and pixels.shape[1] >= 300, f"{path}: only {pixels.shape[:2]} pixels"
    flat = pixels.reshape(-1, pixels.shape[-1])
    assert bool((flat != flat[0]).any()), f"{path}: blank image (one color)"
    # Not just a frame: the chart is drawn with many shades (lines, text anti-aliasing).
    assert len(np.unique(np.round(flat[:: max(1, len(flat) // 20000)] * 255).astype(np.uint8), axis=0)) > 8


def check_output(out: Path, notebook: str) -> None:
    for chart in CHARTS[notebook]:
        check_png(out / f"{chart}.png")
    page = (out / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<img src="([^"]+)"', page)
    assert shown == [f"{c}.png" for c in CHARTS[notebook]], f"index.html shows {shown}"


def succeed(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"


def test_run_overview(run_dir, tmp_path):
    succeed(run_notebook("run_overview", run_dir, "--out", tmp_path))
    check_output(tmp_path, "run_overview")


def test_run_overview_without_migrations(fixtures, tmp_path):
    folder = fixtures["run_no_migrations"]
    assert (folder / "migrations.csv").read_text().count("\n") == 1  # header only
    result = run_notebook("run_overview", folder, "--out", tmp_path)
    succeed(result)
    assert "0 migration requests" in result.stdout
    check_output(tmp_path, "run_overview")


def test_compare_thresholds(sweep_dir, tmp_path):
    succeed(run_notebook("compare_thresholds", sweep_dir, "--out", tmp_path))
    check_output(tmp_path, "compare_thresholds")


def test_dpm_savings_on_a_sweep(sweep_dir, tmp_path):
    with (sweep_dir / "sweep.csv").open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    result = run_notebook("dpm_savings", sweep_dir, "--out", tmp_path)
    if "dpm.enabled" in header:
        succeed(result)
        check_output(tmp_path, "dpm_savings")
    else:  # a sweep without the axis: a clear refusal, not a traceback
        assert result.returncode == 2 and "no dpm.enabled axis" in result.stderr, result.stderr


def test_compare_thresholds_with_a_single_axis(fixtures, tmp_path):
    result = run_notebook("compare_thresholds", fixtures["sweep_thresholds_only"], "--out", tmp_path)
    succeed(result)
    assert "5 configurations × 2 replications; axes ['drs.threshold']; baseline drs.threshold=3" in result.stdout
    check_output(tmp_path, "compare_thresholds")


def test_dpm_savings_refuses_a_sweep_without_dpm_axis(fixtures, tmp_path):
    result = run_notebook("dpm_savings", fixtures["sweep_thresholds_only"], "--out", tmp_path)
    assert result.returncode == 2 and "no dpm.enabled axis" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_dpm_savings_on_two_runs(fixtures, tmp_path):
    runs = fixtures["sweep"] / "runs"
    off = runs / "drs.threshold-3_dpm.enabled-false" / "rep-0"
    on = runs / "drs.threshold-3_dpm.enabled-true" / "rep-0"
    result = run_notebook("dpm_savings", off, on, "--out", tmp_path)
    succeed(result)
    assert "1 run(s) with DPM off, 1 with DPM on" in result.stdout
    check_output(tmp_path, "dpm_savings")


def test_fixture_savings_are_positive(fixtures, tmp_path):
    """On the synthetic sweep DPM saves energy: the notebook's numbers say so."""
    result = run_notebook("dpm_savings", fixtures["sweep"], "--out", tmp_path)
    succeed(result)
    saved = re.search(r"saved (-?[\d,.]+) kWh \((-?[\d.]+) %\)", result.stdout)
    assert saved and float(saved.group(1).replace(",", "")) > 0 and 5 < float(saved.group(2)) < 50, result.stdout


@pytest.mark.parametrize("args", [["nowhere"], [".", "--out", "x"]])
def test_run_overview_refuses_a_folder_that_is_not_a_run(tmp_path, args):
    result = run_notebook("run_overview", *[tmp_path / a if a not in ("--out",) else a for a in args])
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


@pytest.mark.parametrize("notebook", sorted(CHARTS))
def test_notebook_is_a_jupytext_percent_notebook(notebook):
    text = (NOTEBOOKS / f"{notebook}.py").read_text(encoding="utf-8")
    notebook_object = jupytext.reads(text, fmt="py:percent")
    kinds = [cell.cell_type for cell in notebook_object.cells]
    assert kinds.count("markdown") >= 3 and kinds.count("code") >= 3, kinds
    assert any("parameters" in cell.metadata.get("tags", []) for cell in notebook_object.cells)
    nbformat.validate(nbformat.reads(jupytext.writes(notebook_object, fmt="ipynb"), as_version=4))


@pytest.mark.parametrize("notebook,env", [
    ("run_overview", "DRSIM_RUN_DIR"), ("compare_thresholds", "DRSIM_SWEEP_DIR"), ("dpm_savings", "DRSIM_DPM_DIRS")])
def test_notebook_mode_reads_its_parameters_from_the_environment(fixtures, tmp_path, notebook, env):
    """As in Jupyter: no command line, folders from environment variables, working dir = notebooks-export."""
    folder = fixtures["run"] if notebook == "run_overview" else fixtures["sweep"]
    code = ("import builtins, runpy; builtins.__IPYTHON__ = True; "
            f"runpy.run_path({notebook + '.py'!r}, run_name='__main__')")
    environment = dict(os.environ, **{env: str(folder), "DRSIM_NB_OUT": str(tmp_path), "MPLBACKEND": "Agg"})
    result = subprocess.run([sys.executable, "-c", code], cwd=NOTEBOOKS, capture_output=True, text=True,
                            timeout=600, env=environment, stdin=subprocess.DEVNULL)
    succeed(result)
    check_output(tmp_path, notebook)


@pytest.mark.parametrize("notebook,role", [("demand_vs_capacity", "runway"), ("sizing_curve", "size")])
def test_plan_notebooks(fixtures, tmp_path, notebook, role):
    result = run_notebook(notebook, fixtures[role], "--out", tmp_path)
    succeed(result)
    check_output(tmp_path, notebook)


@pytest.mark.parametrize("notebook", ["demand_vs_capacity", "sizing_curve"])
def test_plan_notebooks_refuse_a_folder_without_their_csvs(fixtures, tmp_path, notebook):
    result = run_notebook(notebook, fixtures["run"], "--out", tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("notebook,env,role", [("demand_vs_capacity", "DRSIM_RUNWAY_DIR", "runway"),
                                               ("sizing_curve", "DRSIM_SIZE_DIR", "size")])
def test_plan_notebooks_in_notebook_mode(fixtures, tmp_path, notebook, env, role):
    code = ("import builtins, runpy; builtins.__IPYTHON__ = True; "
            f"runpy.run_path({notebook + '.py'!r}, run_name='__main__')")
    environment = dict(os.environ, **{env: str(fixtures[role]), "DRSIM_NB_OUT": str(tmp_path), "MPLBACKEND": "Agg"})
    result = subprocess.run([sys.executable, "-c", code], cwd=NOTEBOOKS, capture_output=True, text=True,
                            timeout=600, env=environment, stdin=subprocess.DEVNULL)
    succeed(result)
    check_output(tmp_path, notebook)


def test_baseline_comes_from_the_sweep_plan(fixtures, tmp_path):
    """Issue 17 item 15: the notebooks printed "baseline None" for a real sweep; the baseline is
    the one sweep-plan.json records, even when another configuration's differences look zero."""
    import json
    import shutil
    folder = tmp_path / "sweep"
    shutil.copytree(fixtures["sweep_thresholds_only"], folder)
    with (folder / "sweep.csv").open(newline="", encoding="utf-8") as handle:
        ids = list(dict.fromkeys(row["config_id"] for row in csv.DictReader(handle)))
    assert "drs.threshold=5" in ids
    plan = {"configurations": [{"id": i} for i in ids], "baseline_index": ids.index("drs.threshold=5")}
    (folder / "sweep-plan.json").write_text(json.dumps(plan), encoding="utf-8")
    result = run_notebook("compare_thresholds", folder, "--out", tmp_path / "out")
    succeed(result)
    assert "baseline drs.threshold=5" in result.stdout, result.stdout
    check_output(tmp_path / "out", "compare_thresholds")


def test_formula_guard_is_stripped_from_names():
    """Issue 17 item 2: drsim writes '=name for a name starting with = + - @ TAB CR."""
    sys.path.insert(0, str(NOTEBOOKS))
    import nbkit
    assert nbkit.strip_formula_guard("'=HYPERLINK(1)") == "=HYPERLINK(1)"
    assert nbkit.strip_formula_guard("'-web") == "-web"
    assert nbkit.strip_formula_guard("'quoted") == "'quoted"
    assert nbkit.strip_formula_guard("web-01") == "web-01"
    assert nbkit.strip_formula_guard(3.5) == 3.5
