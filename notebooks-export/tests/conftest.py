"""Shared fixtures: the run and sweep folders under test.

DRSIM_RUN_DIR / DRSIM_SWEEP_DIR point at real drsim outputs; when unset, the tests use
small synthetic folders written by make_fixtures.py into a temporary directory.
Cases that need a particular shape (a run without migrations, two runs DPM off/on)
always use the synthetic folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
NOTEBOOKS = TESTS.parent
sys.path.insert(0, str(TESTS))

import make_fixtures  # noqa: E402


@pytest.fixture(scope="session")
def fixtures(tmp_path_factory) -> dict[str, Path]:
    return make_fixtures.write_all(tmp_path_factory.mktemp("fixtures"))


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    path = Path(value).resolve()
    if not path.is_dir():
        pytest.fail(f"{name}={value}: no such folder")
    return path


@pytest.fixture(scope="session")
def run_dir(fixtures) -> Path:
    return _from_env("DRSIM_RUN_DIR") or fixtures["run"]


@pytest.fixture(scope="session")
def sweep_dir(fixtures) -> Path:
    return _from_env("DRSIM_SWEEP_DIR") or fixtures["sweep"]
