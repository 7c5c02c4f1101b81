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


def test_a_load_into_a_running_store_survives_the_server_killed_as_soon_as_it_returns(tmp_path):
    """The load ends once its writes are fsynced in the store's log: a server killed outright at once loses none."""
    from kg.store.falkordb import FalkorDBStore
    from kg.store.server import Server

    runner = CliRunner()
    store_dir = str(tmp_path / "store")
    assert runner.invoke(cli, ["db", "start", "--store", store_dir]).exit_code == 0
    server = Server(store_dir)
    try:
        loaded = runner.invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2023.txt"), "--store", store_dir])
        assert loaded.exit_code == 0, loaded.output
        os.kill(server.pid(), signal.SIGKILL)  # no save, no flush at exit: only what the load made durable
    finally:
        runner.invoke(cli, ["db", "stop", "--store", store_dir])
    assert not (tmp_path / "store" / "data" / "graph.rdb").is_file()  # no snapshot was written: the log alone
    with FalkorDBStore(store_dir) as store:
        assert store.started
        assert store.query("MATCH (r:Report) RETURN r.year AS year") == [{"year": 2023}]


def test_a_store_of_snapshots_only_is_started_from_its_snapshot_and_given_its_log(tmp_path):
    """A store made before the log (or kept without one) loses nothing when a later command starts it with a log."""
    from kg.store.falkordb import FalkorDBStore
    from kg.store.server import Layout, Server

    root = tmp_path / "store"
    with FalkorDBStore(root, server=Server(root, appendonly=False)) as store:
        store.run("CREATE (:Resource:Law {uri: 'law:1', name: '行政复议法'})")
    layout = Layout(root.resolve())
    assert (layout.data / "graph.rdb").is_file() and not layout.appendlog.exists()
    with FalkorDBStore(root) as store:  # the default: the log
        assert layout.appendlog.is_file()
        store.run("CREATE (:Resource:Law {uri: 'law:2', name: '民法典'})")
        store.checkpoint()
        os.kill(store.server.pid(), signal.SIGKILL)
        store.server.release()
    with FalkorDBStore(root) as store:
        assert store.started
        assert sorted(r["n"] for r in store.query("MATCH (l:Law) RETURN l.name AS n")) == ["民法典", "行政复议法"]
    assert (root / "format").read_text() == "township-kg store format 2\n"
    assert (layout.data / "graph.rdb.before-log").is_file()  # the snapshot the log began from, kept aside
    _assert_a_kg_of_snapshots_only_cannot_start(layout)


def _assert_a_kg_of_snapshots_only_cannot_start(layout) -> None:
    """A kg from before the log starts its server from data/graph.rdb alone: on a logged store that server fails
    (at the folder standing there) rather than serving the graph as it was before the log."""
    import subprocess

    from kg.store.server import binaries

    server, module = binaries()
    done = subprocess.run([server, "--port", "0", "--unixsocket", str(layout.root / "old.sock"), "--dir",
                           str(layout.data), "--dbfilename", "graph.rdb", "--appendonly", "no", "--save", "",
                           "--loadmodule", module], capture_output=True, timeout=60)
    (layout.root / "old.sock").unlink(missing_ok=True)  # left by the server that gave up
    assert done.returncode != 0 and b"graph.rdb" in done.stdout  # it exits at the folder: nothing out of date is served
    assert "appendonlydir" in (layout.data / "graph.rdb" / "README.txt").read_text(encoding="utf-8")


def test_a_new_store_says_its_format_and_a_kg_of_snapshots_only_cannot_read_it(tmp_path):
    from kg.store.server import Layout

    root = tmp_path / "store"
    assert CliRunner().invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2023.txt"), "--store", str(root)]).exit_code == 0
    assert (root / "format").read_text() == "township-kg store format 2\n"
    _assert_a_kg_of_snapshots_only_cannot_start(Layout(root.resolve()))
    reports = CliRunner().invoke(cli, ["reports", "--format", "csv", "--store", str(root)])
    assert reports.exit_code == 0 and len(reports.stdout.splitlines()) == 2  # this kg reads it as before
    # A store the kg before format files gave its log: its next start marks it, and keeps its graph.
    shutil.rmtree(root / "data" / "graph.rdb")
    (root / "format").unlink()
    reports = CliRunner().invoke(cli, ["reports", "--format", "csv", "--store", str(root)])
    assert reports.exit_code == 0 and len(reports.stdout.splitlines()) == 2
    assert (root / "format").read_text() == "township-kg store format 2\n"
    _assert_a_kg_of_snapshots_only_cannot_start(Layout(root.resolve()))


def test_a_store_in_a_newer_format_is_refused_in_one_line_and_left_unstarted(tmp_path):
    from kg.store.server import Server

    root = tmp_path / "store"
    assert CliRunner().invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2023.txt"), "--store", str(root)]).exit_code == 0
    (root / "format").write_text("township-kg store format 3\n")
    for command in (["reports"], ["load", os.path.join(EXAMPLES, "lanqiao_2024.txt")], ["db", "start"]):
        result = CliRunner().invoke(cli, [*command, "--store", str(root)])
        assert result.exit_code == 3, result.output
        assert result.stderr == f"kg: {root.resolve() / 'format'}: the store is in format 3, written by a newer kg; " \
            "this kg reads formats up to 2 and would show out-of-date data: upgrade kg to use this store\n"
        assert Server(root).pid() is None
    (root / "format").write_text("township-kg store format 2\n")
    assert CliRunner().invoke(cli, ["reports", "--store", str(root)]).exit_code == 0  # nothing was changed meanwhile


def _rewrites_done(store) -> dict:
    deadline = time.monotonic() + 60
    while (info := store.db.connection.info("persistence"))["aof_rewrite_in_progress"] or info["aof_rewrite_scheduled"]:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return info


def test_a_log_grown_past_its_limit_is_rewritten_into_a_new_base_after_the_checkpoint(tmp_path, monkeypatch):
    from kg.store import falkordb
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(tmp_path / "store") as store:
        store.run("CREATE (:Resource:Law {uri: 'law:1', name: '行政处罚法'})")
        store.checkpoint()
        info = store.db.connection.info("persistence")
        assert info["aof_current_size"] > info["aof_base_size"]  # below the limit: the log only grows
        monkeypatch.setattr(falkordb, "LOG_REWRITE_BYTES", 1)
        store.checkpoint()
        after = _rewrites_done(store)
        assert after["aof_rewrites"] == info["aof_rewrites"] + 1 and after["aof_last_bgrewrite_status"] == "ok"
        assert after["aof_current_size"] == after["aof_base_size"]
    with FalkorDBStore(tmp_path / "store") as store:
        assert store.query("MATCH (l:Law) RETURN l.name AS n") == [{"n": "行政处罚法"}]


def test_a_load_does_not_wait_for_the_logs_rewrite_and_a_kill_during_it_loses_nothing(tmp_path, monkeypatch):
    """The rewrite a load's end starts moves new writes to a new file of the log at once: the next load's writes,
    made while it runs, are in the log when the server is killed outright."""
    from kg.store import falkordb
    from kg.store.falkordb import FalkorDBStore
    from kg.store.server import Server

    runner = CliRunner()
    store_dir = str(tmp_path / "store")
    assert runner.invoke(cli, ["db", "start", "--store", store_dir]).exit_code == 0
    try:
        with FalkorDBStore(store_dir) as store:
            store.ensure_schema()
            store.db.connection.config_set("rdb-key-save-delay", 3_000_000)  # each key of the base takes 3 s
        monkeypatch.setattr(falkordb, "LOG_REWRITE_BYTES", 1)  # every load's end starts a rewrite
        started = time.monotonic()
        first = runner.invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2023.txt"), "--store", store_dir])
        assert first.exit_code == 0, first.output
        with FalkorDBStore(store_dir) as store:
            assert store.db.connection.info("persistence")["aof_rewrite_in_progress"] == 1
        second = runner.invoke(cli, ["load", os.path.join(EXAMPLES, "lanqiao_2024.txt"), "--store", store_dir])
        assert second.exit_code == 0, second.output
        with FalkorDBStore(store_dir) as store:  # both loads ended within the rewrite they started
            assert store.db.connection.info("persistence")["aof_rewrite_in_progress"] == 1
        assert time.monotonic() - started < 60
        os.kill(Server(store_dir).pid(), signal.SIGKILL)
    finally:
        runner.invoke(cli, ["db", "stop", "--store", store_dir])
    with FalkorDBStore(store_dir) as store:
        assert store.started
        assert sorted(r["y"] for r in store.query("MATCH (r:Report) RETURN r.year AS y")) == [2023, 2024]


def test_a_stop_waits_for_the_logs_rewrite_a_load_left_under_way(tmp_path, monkeypatch):
    from kg.store import falkordb
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(tmp_path / "store") as store:
        store.run("CREATE (:Resource:Law {uri: 'law:1', name: '民法典'})")
        store.checkpoint()
        store.db.connection.config_set("rdb-key-save-delay", 1_000_000)
        monkeypatch.setattr(falkordb, "LOG_REWRITE_BYTES", 1)
        store.checkpoint()
        assert store.db.connection.info("persistence")["aof_rewrite_in_progress"] == 1
    with FalkorDBStore(tmp_path / "store") as store:
        info = store.db.connection.info("persistence")
        assert info["aof_current_size"] == info["aof_base_size"]  # the rewrite ended before the stop: no tail to replay
        assert store.query("MATCH (l:Law) RETURN l.name AS n") == [{"n": "民法典"}]


def test_the_indexes_of_a_new_store_are_in_its_log_base_not_its_tail(tmp_path):
    """A start replays the log's tail; the loader's MERGEs replayed without their index scan the whole graph."""
    from kg.store.falkordb import FalkorDBStore

    with FalkorDBStore(tmp_path / "store") as store:
        store.ensure_schema()
        info = store.db.connection.info("persistence")
        assert info["aof_rewrites"] >= 1 and info["aof_current_size"] == info["aof_base_size"]
        store.ensure_schema()  # all there and serving: nothing written, nothing rewritten
        assert store.db.connection.info("persistence")["aof_rewrites"] == info["aof_rewrites"]
