#!/usr/bin/env bash
# Charts from drsim result folders (CSV only): makes the venv if needed, then runs the
# notebooks as plain Python. Output: one folder per chart set under --out, and an index.html.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/.venv"
PY="$VENV/bin/python"
OUT="$HERE/out"

usage() {
    cat <<'EOF'
usage: notebooks-export/make_notebooks.sh [--out DIR] [--run RUN_DIR]... [--sweep SWEEP_DIR]...
                                          [--dpm-runs OFF_RUN_DIR ON_RUN_DIR]...
                                          [--runway RUNWAY_DIR]... [--size SIZE_DIR]...
       notebooks-export/make_notebooks.sh --fixtures [--out DIR]
       notebooks-export/make_notebooks.sh --setup

  --run DIR        run_overview.py on a run folder (timeseries.csv, migrations.csv, ...)
  --sweep DIR      compare_thresholds.py on a sweep folder (sweep.csv, comparison.csv), and
                   dpm_savings.py too when the sweep has a dpm.enabled axis
  --dpm-runs A B   dpm_savings.py on two run folders: A with DPM off, B with DPM on
  --runway DIR     demand_vs_capacity.py on a `drsim plan runway` folder (runway_months.csv, ...)
  --size DIR       sizing_curve.py on a `drsim plan size` folder (size.csv, size_profiles.csv)
  --fixtures       all of them on small synthetic folders (tests/make_fixtures.py), no simulator needed
  --out DIR        where the charts go (default notebooks-export/out)
  --setup          only create or refresh the venv (notebooks-export/.venv)

The venv is created with python3.11 (or $PYTHON) and the pinned requirements.txt; it is
reinstalled only when requirements.txt changes.
EOF
}

setup_venv() {
    local python="${PYTHON:-}"
    if [[ -z "$python" ]]; then
        if command -v python3.11 >/dev/null 2>&1; then python=python3.11; else python=python3; fi
    fi
    if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
        echo "error: $python is missing or older than Python 3.11 (set PYTHON=...)" >&2
        exit 1
    fi
    if [[ ! -x "$PY" ]] || ! "$PY" -c 'import sys' >/dev/null 2>&1; then
        echo "creating $VENV with $("$python" --version 2>&1)" >&2
        rm -rf "$VENV"
        if ! "$python" -m venv "$VENV"; then
            # Debian's own python3 needs python3-venv for ensurepip.
            if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
                rm -rf "$VENV"
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null \
                    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
                         apt-get install -y -qq --no-install-recommends python3-venv >/dev/null; }
                "$python" -m venv "$VENV"
            else
                echo "error: cannot create a venv with $python (install python3-venv)" >&2
                exit 1
            fi
        fi
    fi
    local stamp="$VENV/.requirements.sha256" want
    want="$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
        echo "installing notebooks-export/requirements.txt into the venv" >&2
        "$PY" -m pip install --disable-pip-version-check --no-input -q -r "$HERE/requirements.txt"
        echo "$want" >"$stamp"
    fi
}

runs=() sweeps=() dpm_pairs=() runways=() sizes=() fixtures=0 setup_only=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --run) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; runs+=("$2"); shift 2 ;;
        --sweep) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; sweeps+=("$2"); shift 2 ;;
        --dpm-runs) [[ $# -ge 3 ]] || { usage >&2; exit 2; }; dpm_pairs+=("$2" "$3"); shift 3 ;;
        --runway) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; runways+=("$2"); shift 2 ;;
        --size) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; sizes+=("$2"); shift 2 ;;
        --out) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; OUT="$2"; shift 2 ;;
        --fixtures) fixtures=1; shift ;;
        --setup) setup_only=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "error: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done

setup_venv
[[ $setup_only -eq 1 ]] && exit 0

if [[ $fixtures -eq 1 ]]; then
    data="$OUT/fixture-data"
    rm -rf "$data"
    "$PY" "$HERE/tests/make_fixtures.py" "$data" >/dev/null
    runs+=("$data/run/demo" "$data/run/quiet")
    sweeps+=("$data/sweep/sweep-demo")
    r="$data/sweep/sweep-demo/runs"
    dpm_pairs+=("$r/drs.threshold-3_dpm.enabled-false/rep-0" "$r/drs.threshold-3_dpm.enabled-true/rep-0")
    runways+=("$data/runway/flat")
    sizes+=("$data/size/flat")
fi
if [[ ${#runs[@]} -eq 0 && ${#sweeps[@]} -eq 0 && ${#dpm_pairs[@]} -eq 0 && ${#runways[@]} -eq 0 && ${#sizes[@]} -eq 0 ]]; then
    usage >&2
    exit 2
fi

mkdir -p "$OUT"
pages=() failed=0
declare -A used=()
# A unique output folder name per notebook and input.
slot() {
    local name="$1" base="$2" candidate="$2" n=2
    while [[ -n "${used[$name/$candidate]:-}" ]]; do candidate="$base-$n"; n=$((n + 1)); done
    used[$name/$candidate]=1
    printf '%s' "$candidate"
}
notebook() {
    local name="$1" base="$2"; shift 2
    local dest
    dest="$name/$(slot "$name" "$base")"
    echo "== $name $* -> $OUT/$dest" >&2
    if "$PY" "$HERE/$name.py" "$@" --out "$OUT/$dest"; then
        pages+=("$dest/index.html")
    else
        echo "!! $name failed on $*" >&2
        failed=1
    fi
}

for run in "${runs[@]}"; do
    notebook run_overview "$(basename "$run")" "$run"
done
for sweep in "${sweeps[@]}"; do
    notebook compare_thresholds "$(basename "$sweep")" "$sweep"
    if [[ -f "$sweep/sweep.csv" ]] && head -n 1 "$sweep/sweep.csv" | tr ',' '\n' | grep -qx 'dpm.enabled'; then
        notebook dpm_savings "$(basename "$sweep")" "$sweep"
    fi
done
# A run folder's label: its name, with the configuration's when it is a sweep's rep-<k>.
label() {
    local name
    name="$(basename "$1")"
    [[ "$name" == rep-* ]] && name="$(basename "$(dirname "$1")")-$name"
    printf '%s' "$name"
}
for ((i = 0; i < ${#dpm_pairs[@]}; i += 2)); do
    off="${dpm_pairs[i]}" on="${dpm_pairs[i + 1]}"
    notebook dpm_savings "$(label "$off")-vs-$(label "$on")" "$off" "$on"
done
for runway in "${runways[@]}"; do
    notebook demand_vs_capacity "$(basename "$runway")" "$runway"
done
for size in "${sizes[@]}"; do
    notebook sizing_curve "$(basename "$size")" "$size"
done

{
    echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>drsim charts</title>'
    echo '<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto}</style></head><body>'
    echo '<h1>drsim charts</h1><ul>'
    for page in "${pages[@]}"; do
        echo "<li><a href=\"$page\">${page%/index.html}</a></li>"
    done
    echo '</ul></body></html>'
} >"$OUT/index.html"
echo "wrote ${#pages[@]} page(s); open $OUT/index.html" >&2
exit $failed
