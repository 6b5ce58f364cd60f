"""Fixtures for the NOC tests: the shared reference data and the table generator."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
GENERATOR = REPO / "tools" / "generate_data.py"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The directory of the reference CSV files; without it the test is skipped, saying why."""
    if not (SHARED_DATA / "noc2021_structure.csv").is_file():
        pytest.skip(
            f"reference data not found at {SHARED_DATA} (../shared/data is not checked out)"
        )
    return SHARED_DATA


@pytest.fixture(scope="session")
def generator() -> ModuleType:
    """``tools/generate_data.py``, loaded as a module (``tools`` is not a package)."""
    spec = importlib.util.spec_from_file_location("generate_data", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
