#!/usr/bin/env python3
"""The README's "DRS thresholds side by side" table: scenarios/drs-thresholds.yaml (vSphere 6.7,
classic DRS) and its vSphere 8 twin (score DRS), one run per threshold 1-5.

Usage (from the repository root, after `swift build -c release --product drsim`):
    python3 contrib/thresholds/thresholds_table.py [path/to/drsim]
"""
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

DRSIM = sys.argv[1] if len(sys.argv) > 1 else ".build/release/drsim"
SCENARIOS = [("classic (6.7)", "scenarios/drs-thresholds.yaml"), ("score (8.0)", "scenarios/drs-thresholds-vsphere8.yaml")]


def summary(scenario: str, threshold: int, out: Path) -> dict:
    subprocess.run([DRSIM, "run", scenario, "--set", f"drs.threshold={threshold}", "--out", str(out), "--quiet"], check=True)
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    with open(folder / "summary.csv", newline="") as f:
        return next(csv.DictReader(f))


def main() -> None:
    print("| DRS (vSphere) | threshold | balancing migrations | CHLSD mean | CHLSD p95 | total downtime (s) "
          "| downtime p95 (ms) | unmet CPU % | DRS score mean |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, scenario in SCENARIOS:
            for t in range(1, 6):
                s = summary(scenario, t, Path(tmp) / f"{Path(scenario).stem}-t{t}")
                score = f"{float(s['drs_score_mean']):.2f}" if s["drs_score_mean"] else ""
                p95 = f"{float(s['downtime_p95_ms']):.0f}" if s["downtime_p95_ms"] else ""   # empty: nothing migrated
                print(f"| {label} | {t} | {s['migrations_drs']} | {float(s['chlsd_mean']):.4f} | {float(s['chlsd_p95']):.4f} "
                      f"| {float(s['downtime_total_s']):.1f} | {p95} | {float(s['cpu_unmet_pct']):.3f} | {score} |")


if __name__ == "__main__":
    main()
