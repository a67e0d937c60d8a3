#!/usr/bin/env python3
"""Regenerates the figures the docs quote from runs, so they cannot drift from the code.

`make docs` runs this after the column tables: it runs the scenarios named below with the drsim
binary given as the first argument, then rewrites each block between
`<!-- figures:NAME:begin -->` and `<!-- figures:NAME:end -->` in README.md and docs/sweeps.md.
Everything else in those files is left as it is. Python standard library only.
"""
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def drsim(binary: str, *args: str) -> str:
    done = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"figures: drsim {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def summary(folder: Path) -> dict:
    return rows(folder / "summary.csv")[0]


def num(text: str) -> float:
    return float(text) if text not in ("", None) else float("nan")


def demo_run(binary: str, tmp: Path) -> str:
    out = drsim(binary, "run", "--out", str(tmp / "demo"))
    lines = [line for line in out.splitlines() if not line.lstrip().startswith(("wall time", "results"))]
    lines.append("  results       results/demo/")
    return "```\n" + "\n".join(lines) + "\n```"


DRS_SCENARIOS = [("classic (6.7)", "scenarios/drs-thresholds.yaml"), ("score (8.0)", "scenarios/drs-thresholds-vsphere8.yaml")]


def drs_thresholds(binary: str, tmp: Path) -> str:
    """One run per threshold 1-5 of scenarios/drs-thresholds.yaml (vSphere 6.7: classic DRS) and
    of its vSphere 8 twin (score DRS)."""
    table = ["| DRS (vSphere) | threshold | balancing migrations | vMotions per VM per day | CHLSD mean | CHLSD p95 "
             "| total downtime (s) | downtime p95 (ms) | unmet CPU % | DRS score mean |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for label, scenario in DRS_SCENARIOS:
        for t in range(1, 6):
            out = tmp / f"{Path(scenario).stem}-{t}"
            drsim(binary, "run", scenario, "--out", str(out), "--set", f"drs.threshold={t}", "--quiet")
            folder = next(p for p in out.iterdir() if p.is_dir())
            s = summary(folder)
            first = rows(folder / "timeseries.csv")[0]
            vms = int(first["vms_running"]) + int(first["vms_down"])
            per_vm_day = int(s["migrations_total"]) / max(1, vms) / num(s["sim_days"])
            p95 = num(s["downtime_p95_ms"])
            score = num(s["drs_score_mean"])
            table.append(f"| {label} | {t} | {int(s['migrations_drs']):,} | {per_vm_day:.2f} | {num(s['chlsd_mean']):.4f} | "
                         f"{num(s['chlsd_p95']):.4f} | {num(s['downtime_total_s']):.1f} | {'–' if p95 != p95 else f'{p95:.0f}'} | "
                         f"{num(s['cpu_unmet_pct']):.3f} | {'–' if score != score else f'{score:.2f}'} |")
    table.append("")
    table.append("– in the downtime column: nothing migrated, so there is no quantile; in the score column: classic DRS "
                 "computes no DRS score.")
    return "\n".join(table)


def dpm_night(binary: str, tmp: Path) -> str:
    found = {}
    for label, enabled in (("off", "false"), ("on", "true")):
        out = tmp / f"dpm-{label}"
        drsim(binary, "run", "scenarios/dpm-night.yaml", "--out", str(out), "--set", f"dpm.enabled={enabled}", "--quiet")
        found[label] = summary(next(p for p in out.iterdir() if p.is_dir()))
    lines = ["| | IT energy (kWh) | mean hosts on | host power cycles | unmet CPU % | migrations |", "|---|---|---|---|---|---|"]
    for label in ("off", "on"):
        s = found[label]
        lines.append(f"| DPM {label} | {num(s['energy_kwh']):,.1f} | {num(s['mean_hosts_on']):.1f} | {int(s['host_power_cycles'])} "
                     f"| {num(s['cpu_unmet_pct']):.3f} | {int(s['migrations_total']):,} |")
    off, on = num(found["off"]["energy_kwh"]), num(found["on"]["energy_kwh"])
    days = num(found["on"]["sim_days"])
    lines.append("")
    lines.append(f"DPM saves {100 * (off - on) / off:.0f} % of the IT energy here, paid for with "
                 f"{int(found['on']['host_power_cycles'])} host power cycles and ~{int(found['on']['migrations_total']) / days:.0f} "
                 "vMotions a day.")
    return "\n".join(lines)


def sweep_walkthrough(binary: str, tmp: Path) -> str:
    out = tmp / "sweep"
    drsim(binary, "sweep", "scenarios/compare-drs-thresholds.yaml", "--out", str(out), "--quiet")
    folder = out / "compare-drs-thresholds"
    table = rows(folder / "comparison.csv")
    sweep = rows(folder / "sweep.csv")

    def row(threshold: str, dpm: str, metric: str) -> dict:
        return next(r for r in table if r["drs.threshold"] == threshold and r["dpm.enabled"] == dpm and r["metric"] == metric)

    base = row("3", "false", "energy_kwh")
    t5 = row("5", "false", "energy_kwh")
    dpm = row("3", "true", "energy_kwh")
    dpm_hosts = row("3", "true", "mean_hosts_on")
    migrations5 = [num(r["migrations_total"]) for r in sweep if r["drs.threshold"] == "5" and r["dpm.enabled"] == "false"]
    significant = num(t5["diff_ci95_low"]) > 0 or num(t5["diff_ci95_high"]) < 0
    overlap = num(t5["ci95_low"]) <= num(base["ci95_high"]) and num(base["ci95_low"]) <= num(t5["ci95_high"])
    return "\n".join([
        "3. **Read the means**: `mean` is the average over the `n` replications; `ci95_low`–`ci95_high`",
        "   is where the true mean lies with 95 % confidence. For `energy_kwh`, threshold 3 without DPM",
        f"   (the baseline row, differences all 0) gives {num(base['mean']):.2f} kWh [{num(base['ci95_low']):.2f}, "
        f"{num(base['ci95_high']):.2f}] and threshold 5",
        f"   without DPM {num(t5['mean']):.2f} kWh [{num(t5['ci95_low']):.2f}, {num(t5['ci95_high']):.2f}]: the intervals "
        f"{'overlap' if overlap else 'do not overlap'}.",
        f"4. **Read the paired difference**: on the threshold 5 row, `diff_mean` is {num(t5['diff_mean']):+.4f} kWh with",
        f"   `diff_ci95_low`–`diff_ci95_high` = [{num(t5['diff_ci95_low']):.4f}, {num(t5['diff_ci95_high']):.4f}]: the interval "
        f"{'excludes' if significant else 'includes'} 0, so threshold 5",
        f"   {'really changes the energy' if significant else 'makes no measurable difference'} (its "
        f"{sum(migrations5) / len(migrations5):,.0f} migrations a run over 3 days, on average)"
        f"{', although the plain intervals overlap' if significant and overlap else ''}. The rule: **a difference is",
        "   significant when its interval does not contain 0**; the sign says in which direction. DPM on at",
        f"   threshold 3 changes energy by {num(dpm['diff_mean']):+.2f} kWh [{num(dpm['diff_ci95_low']):.2f}, "
        f"{num(dpm['diff_ci95_high']):.2f}] over the 3 days with",
        f"   {num(dpm_hosts['diff_mean']):+.2f} hosts on on average.",
    ])


BLOCKS = {
    "README.md": [("demo-run", demo_run), ("drs-thresholds", drs_thresholds), ("dpm-night", dpm_night)],
    "docs/sweeps.md": [("sweep-walkthrough", sweep_walkthrough)],
}


def replace_block(text: str, name: str, body: str, file: str) -> str:
    begin, end = f"<!-- figures:{name}:begin -->", f"<!-- figures:{name}:end -->"
    if begin not in text or end not in text:
        sys.exit(f"figures: {file} has no {begin} … {end} block")
    a = text.index(begin) + len(begin)
    b = text.index(end)
    return text[:a] + "\n" + body + "\n" + text[b:]


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: figures.py PATH_TO_DRSIM [BLOCK ...]")
    binary, wanted = sys.argv[1], set(sys.argv[2:])
    with tempfile.TemporaryDirectory(prefix="drsim-figures-") as scratch:
        for file, blocks in BLOCKS.items():
            path = ROOT / file
            text = path.read_text(encoding="utf-8")
            for name, make in blocks:
                if wanted and name not in wanted:
                    continue
                print(f"figures: {file}: {name}", file=sys.stderr)
                text = replace_block(text, name, make(binary, Path(scratch) / name), file)
            path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
