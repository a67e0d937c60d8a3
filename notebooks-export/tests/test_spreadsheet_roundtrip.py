"""Spreadsheet round trip: every CSV of a run folder opens in LibreOffice Calc as typed cells.

Each CSV is converted to .xlsx by headless LibreOffice with an explicit CSV filter (comma,
double quote, UTF-8, from line 1, US number/date parsing) and read back with openpyxl:
row counts match, numbers are numbers, `timestamp` cells are datetimes, text stays text.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import make_fixtures

CSV_FILTER = "CSV:44,34,76,1,,1033"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")  # DESIGN §6: `.` decimals, no exponent, no thousands separators
TEXT_COLUMNS = {"timestamp", "cluster", "vm", "source", "destination", "reason", "outcome", "detail",
                "host", "from_state", "to_state", "scenario", "config_id"}
BOOLEAN_COLUMNS = {"sdps_engaged"}
# The fixed schemas: every other column of these files must hold numbers.
SCHEMAS = {
    "timeseries.csv": make_fixtures.TIMESERIES_COLUMNS,
    "migrations.csv": make_fixtures.MIGRATIONS_COLUMNS,
    "summary.csv": make_fixtures.SUMMARY_COLUMNS,
    "power_events.csv": make_fixtures.POWER_EVENTS_COLUMNS,
}
REQUIRED = ["timeseries.csv", "migrations.csv", "drs_passes.csv", "power_events.csv", "summary.csv"]


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends "
                    "libreoffice-calc-nogui (run_checks.sh does this)")
    return found


def convert(csvs: list[Path], out: Path, profile: Path) -> dict[str, Path]:
    """Convert CSVs (distinct names) to .xlsx in one soffice call; fail unless every output exists."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(profile.parent))
    result = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx", f"--infilter={CSV_FILTER}", "--outdir", str(out), *map(str, csvs)],
        capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL)
    produced = {}
    for path in csvs:
        xlsx = out / (path.stem + ".xlsx")
        # soffice exits 0 even when it could not load a file: the output must exist.
        assert xlsx.is_file() and xlsx.stat().st_size > 0, (
            f"soffice did not convert {path} (exit {result.returncode})\n{result.stdout}\n{result.stderr}")
        produced[path.name] = xlsx
    return produced


@pytest.fixture(scope="module")
def converted(run_dir, fixtures, tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Every CSV of the run folder, plus the header-only migrations.csv, converted once."""
    root = tmp_path_factory.mktemp("xlsx")
    csvs = sorted(run_dir.glob("*.csv"))
    assert csvs, f"{run_dir}: no CSV files"
    result = {name: (run_dir / name, xlsx)
              for name, xlsx in convert(csvs, root / "run", root / "profile").items()}
    empty = fixtures["run_no_migrations"] / "migrations.csv"
    xlsx = convert([empty], root / "empty", root / "profile")["migrations.csv"]
    result["empty:migrations.csv"] = (empty, xlsx)
    return result


def check_roundtrip(csv_path: Path, xlsx_path: Path) -> dict[str, str]:
    """Compare a CSV with its .xlsx cell by cell; return each column's kind."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.load_workbook(xlsx_path, read_only=True)
    try:
        cells = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    finally:
        workbook.close()
    header = rows[0]
    assert len(cells) == len(rows), f"{csv_path.name}: {len(rows)} CSV rows, {len(cells)} sheet rows"
    assert [c for c in cells[0] if c is not None] == header, f"{csv_path.name}: header differs"
    kinds = {}
    for col, name in enumerate(header):
        values = [r[col] for r in rows[1:]]
        got = [(r[col] if col < len(r) else None) for r in cells[1:]]
        present = [v for v in values if v != ""]
        if name == "timestamp":
            kind = "datetime"
        elif name in BOOLEAN_COLUMNS or (present and all(v in ("true", "false") for v in present)):
            kind = "bool"
        elif name in TEXT_COLUMNS or not all(NUMBER.match(v) for v in present):
            kind = "text"
        else:
            kind = "number"
        kinds[name] = kind
        for line, (value, cell) in enumerate(zip(values, got), start=2):
            where = f"{csv_path.name} line {line} column {name}: CSV {value!r}, sheet {cell!r}"
            if value == "":
                assert cell in (None, ""), where
            elif kind == "datetime":
                assert isinstance(cell, dt.datetime), where
                expected = dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
                assert abs((cell - expected).total_seconds()) < 0.001, where
            elif kind == "number":
                assert isinstance(cell, (int, float)) and not isinstance(cell, bool), where
                # Calc keeps 15 significant digits.
                assert math.isclose(cell, float(value), rel_tol=1e-13, abs_tol=1e-9), where
            elif kind == "bool":
                assert cell in (True, False) and cell == (value == "true"), where
            else:
                assert cell == value, where
    return kinds


def test_every_csv_of_the_run_converts_and_reads_back(converted, run_dir):
    names = sorted(p.name for p in run_dir.glob("*.csv"))
    for name in REQUIRED:
        assert name in names, f"{run_dir}: {name} missing"
    for name in names:
        check_roundtrip(*converted[name])


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_columns_come_back_typed(converted, name):
    csv_path, xlsx_path = converted[name]
    kinds = check_roundtrip(csv_path, xlsx_path)
    expected = SCHEMAS[name]
    assert list(kinds)[: len(expected)] == expected, f"{name}: columns differ from DESIGN §6"
    with csv_path.open(newline="", encoding="utf-8") as handle:
        data = list(csv.DictReader(handle))
    for column in expected:
        if column in TEXT_COLUMNS or column in BOOLEAN_COLUMNS:
            continue
        if any(row[column] != "" for row in data):
            assert kinds[column] == "number", f"{name}: {column} should be numeric, came back {kinds[column]}"


@pytest.mark.parametrize("name", ["timeseries.csv", "power_events.csv"])
def test_timestamps_are_datetimes_matching_time_s(converted, name):
    _, xlsx_path = converted[name]
    workbook = openpyxl.load_workbook(xlsx_path, read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    workbook.close()
    header = list(rows[0])
    t_col, ts_col = header.index("time_s"), header.index("timestamp")
    body = rows[1:]
    assert body, f"{name}: no data rows"
    start = body[0][ts_col] - dt.timedelta(seconds=body[0][t_col])
    for row in body:
        assert isinstance(row[ts_col], dt.datetime)
        # The timestamp shows whole seconds; time_s may carry fractions.
        drift = (row[ts_col] - (start + dt.timedelta(seconds=row[t_col]))).total_seconds()
        assert abs(drift) < 1.0, f"{name}: {row[ts_col]} vs time_s {row[t_col]}"


def test_header_only_migrations_csv_round_trips(converted):
    csv_path, xlsx_path = converted["empty:migrations.csv"]
    kinds = check_roundtrip(csv_path, xlsx_path)
    assert list(kinds) == make_fixtures.MIGRATIONS_COLUMNS
