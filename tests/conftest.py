"""Shared fixtures for the whole test suite. Other test modules may add their own here."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao import store
from nianbao.session import Session

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = REPO_ROOT / "examples"
LILIN_PATH = EXAMPLES_DIR / "lilin-2021.json"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout the tests run from."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES_DIR


@pytest.fixture(scope="session")
def lilin_path() -> Path:
    """examples/lilin-2021.json: the 梨林镇 2021 report, the reference example."""
    return LILIN_PATH


@pytest.fixture
def lilin(lilin_path: Path) -> Session:
    """A fresh copy of the loaded lilin session (tests may modify it)."""
    return store.load(lilin_path)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data folder, set as NIANBAO_DATA_DIR for the test."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(store.ENV_DATA_DIR, str(folder))
    return folder
