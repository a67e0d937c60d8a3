#!/usr/bin/env bash
# CI checks for notebooks-export: LibreOffice Calc (headless) for the spreadsheet round
# trip, the pinned venv, then pytest on notebooks-export/tests. Exits non-zero on failure.
# Extra arguments go to pytest. DRSIM_RUN_DIR / DRSIM_SWEEP_DIR select real result folders
# (default: synthetic fixtures written by tests/make_fixtures.py).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
started=$(date +%s)

if ! command -v soffice >/dev/null 2>&1; then
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "error: soffice not found; install libreoffice-calc-nogui as root" >&2
        exit 1
    fi
    echo "installing libreoffice-calc-nogui" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

"$HERE/make_notebooks.sh" --setup
echo "notebooks-export: setup took $(($(date +%s) - started)) s" >&2

cd "$HERE"
exec "$HERE/.venv/bin/python" -m pytest -q tests "$@"
