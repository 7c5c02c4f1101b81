"""Shared fixtures: where ../shared lives, and skips for parts this machine lacks (never in CI)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"
IN_CI = bool(os.environ.get("CI"))


def need_tool(name: str) -> str:
    """Path of an external tool; skip without it on a developer machine, fail in CI where it must be installed."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (scripts/install-test-deps.sh installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def corpus_texts(shared) -> dict[str, str]:
    """Every shared report text by file name, for extractor tests on real sentences."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((shared / "corpus").rglob("*.txt"))}
