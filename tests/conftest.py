"""Shared fixtures: where ../shared lives, and skips for parts this machine lacks (never in CI)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from functools import cache
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


@pytest.fixture(scope="session")
def examples_store(falkordb_server):
    """One embedded store per run holding the bundled samples and the hostile fixture report, for views and briefings."""
    from kg.load.loader import load_paths
    from kg.store.falkordb import FalkorDBStore

    store = FalkorDBStore(server=falkordb_server, graph="examples")
    try:
        summary = load_paths(store, [EXAMPLES, ROOT / "tests" / "fixtures" / "reports" / "malicious.txt"], progress=False)
        assert not summary.errors, summary.errors
        yield store
    finally:
        store.close()


def free_port() -> int:
    """A free TCP port below 32768: FalkorDB reads BOLT_PORT as a signed 16-bit number."""
    import random
    import socket

    for port in random.sample(range(20000, 32768), 200):
        with socket.socket() as probe:
            try:
                probe.bind(("0.0.0.0", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for FalkorDB's Bolt listener")


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory):
    """The one embedded FalkorDB server of a test run; its Bolt port (tests only) lets the Neo4j backend reach it."""
    from kg.store.server import Server

    # FalkorDB 4.16 aborts on a write over Bolt while the AOF is on, so this server keeps RDB only.
    server = Server(tmp_path_factory.mktemp("store"), module_args=("BOLT_PORT", str(free_port())), appendonly=False)
    server.ensure()
    yield server
    server.stop()


@pytest.fixture
def graph_name(request) -> str:
    """A graph of its own for each test, in the one server."""
    import re

    return "t_" + re.sub(r"\W", "_", request.node.name)[-60:]


@pytest.fixture(scope="session")
def cli_store_dir(tmp_path_factory):
    """A store directory for commands run through the CLI (graph `kg`), holding two years of one sample township."""
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.store.server import Server

    root = tmp_path_factory.mktemp("cli-store")
    server = Server(root, appendonly=False)
    server.ensure()  # kept running, so each command reuses it instead of starting its own
    try:
        result = CliRunner().invoke(cli, ["load", str(EXAMPLES / "lanqiao_2023.txt"), str(EXAMPLES / "lanqiao_2024.txt"),
                                          "--store", str(root)])
        assert result.exit_code == 0, result.output
        yield str(root)
    finally:
        server.stop()


@pytest.fixture
def fresh(falkordb_server, graph_name):
    """Stores on the test server, each a new graph with no file index, emptied afterwards."""
    from kg.store.falkordb import FalkorDBStore

    opened = []

    def make():
        store = FalkorDBStore(server=falkordb_server, graph=f"{graph_name}_{len(opened)}")
        store.run("MATCH (n) DETACH DELETE n")
        store.files_index().unlink(missing_ok=True)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.run("MATCH (n) DETACH DELETE n")
        store.files_index().unlink(missing_ok=True)
        store.close()


@cache
def bench_generator():
    """bench/generate.py as a module (bench/ is no package): the generator of synthetic reports."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cli_server(tmp_path_factory, request):
    """A running store of the module's own for the CLI, kept up so every command of the module reuses it."""
    from kg.store.server import Server

    server = Server(tmp_path_factory.mktemp(request.module.__name__), appendonly=False)
    server.ensure()
    yield server
    server.stop()
