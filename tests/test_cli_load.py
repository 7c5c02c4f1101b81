"""`kg load` and `kg db`: exit codes and one-line messages, against the run's embedded store."""

from __future__ import annotations

import os
import shutil
import signal
import time

from click.testing import CliRunner

from kg.cli import cli

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")


def test_load_reports_what_it_loaded(falkordb_server):
    result = CliRunner().invoke(cli, ["load", EXAMPLES, "--store", str(falkordb_server.layout.root)])
    assert result.exit_code == 0, result.output
    assert "6 reports loaded" in result.stderr
    assert falkordb_server.running()  # a server the command found running is left running


def test_a_bad_file_is_one_line_and_the_rest_load(falkordb_server, tmp_path):
    shutil.copy(os.path.join(EXAMPLES, "yunxiu_2023.txt"), tmp_path / "yunxiu_2023.txt")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02 not a report")
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--store", str(falkordb_server.layout.root)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert "1 reports loaded" in result.stderr


def test_unreachable_neo4j_exits_3_without_echoing_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    result = CliRunner().invoke(cli, ["load", EXAMPLES, "--neo4j", "bolt://127.0.0.1:1"])
    assert result.exit_code == 3  # the store cannot be reached
    assert "cannot reach Neo4j" in result.stderr and "s3cret-pw" not in result.output + result.stderr


def test_the_password_prompt_hides_input():
    result = CliRunner().invoke(cli, ["load", EXAMPLES, "--neo4j", "bolt://127.0.0.1:1"],
                                input="neo4j\nhidden-pw\n", env={"NEO4J_USER": None, "NEO4J_PASSWORD": None})
    assert result.exit_code == 3
    assert "hidden-pw" not in result.output + result.stderr


def test_db_start_status_stop(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(cli, ["db", "status", "--store", store]).exit_code == 1
    started = runner.invoke(cli, ["db", "start", "--store", store])
    assert started.exit_code == 0 and "started" in started.output
    try:
        assert runner.invoke(cli, ["db", "status", "--store", store]).exit_code == 0
        loaded = runner.invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2023.txt"), "--store", store])
        assert loaded.exit_code == 0
        assert runner.invoke(cli, ["db", "status", "--store", store]).exit_code == 0  # still running
    finally:
        stopped = runner.invoke(cli, ["db", "stop", "--store", store])
    assert "stopped" in stopped.output
    assert runner.invoke(cli, ["db", "status", "--store", store]).exit_code == 1


def test_a_load_into_a_running_store_survives_the_server_dying(tmp_path):
    """The load ends with a snapshot, so a server killed outright afterwards loses nothing of it."""
    from kg.store.falkordb import FalkorDBStore
    from kg.store.server import Server

    runner = CliRunner()
    store_dir = str(tmp_path / "store")
    assert runner.invoke(cli, ["db", "start", "--store", store_dir]).exit_code == 0
    server = Server(store_dir)
    try:
        loaded = runner.invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2023.txt"), "--store", store_dir])
        assert loaded.exit_code == 0, loaded.output
        with FalkorDBStore(store_dir) as store:
            deadline = time.monotonic() + 30
            while store.db.connection.info("persistence")["rdb_bgsave_in_progress"] and time.monotonic() < deadline:
                time.sleep(0.1)
            assert store.db.connection.info("persistence")["rdb_last_bgsave_status"] == "ok"
        os.kill(server.pid(), signal.SIGKILL)  # no save at exit: only what the load checkpointed is on disk
    finally:
        runner.invoke(cli, ["db", "stop", "--store", store_dir])
    with FalkorDBStore(store_dir) as store:
        assert store.started
        assert store.query("MATCH (r:Report) RETURN r.year AS year") == [{"year": 2023}]
