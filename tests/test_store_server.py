"""The embedded store's server shared between commands: a stop waits for the commands using it, and a store
that cannot be written is one line naming the file, with what was loaded kept."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from test_hostile import REPORTS, ROOT, _count, kg

_USER = """
import sys, time
from kg.store.falkordb import FalkorDBStore
with FalkorDBStore(sys.argv[1]) as store:
    print("ready", flush=True)
    time.sleep(2)  # a command at work: its write comes after `kg db stop` was asked
    store.run("CREATE (:Resource:Law {uri: 'law:late', name: '行政复议法'})")
    store.checkpoint()
"""


def _started_with_a_user(store):
    """A started store and a command at work on it, once it holds the store."""
    assert kg("db", "start", "--store", store).exit_code == 0
    user = subprocess.Popen([sys.executable, "-c", _USER, str(store)], stdout=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert user.stdout.readline().strip() == "ready"
    return user


def test_db_stop_waits_for_a_command_using_the_store_and_keeps_its_writes(tmp_path):
    store = tmp_path / "store"
    user = _started_with_a_user(store)
    try:
        stopped = kg("db", "stop", "--store", store)
    finally:
        user.wait(timeout=60)
    assert user.returncode == 0  # its write went through: the server was not stopped under it
    assert stopped.exit_code == 0 and stopped.stdout.strip() == "kg: store stopped"
    assert "waiting for the commands that use the store to end" in stopped.stderr
    assert _count(store, "Law") == 1


def test_db_stop_past_its_timeout_refuses_and_the_command_using_the_store_finishes(tmp_path):
    from kg.store.server import Server

    store = tmp_path / "store"
    user = _started_with_a_user(store)
    try:
        begun = time.monotonic()
        refused = kg("db", "stop", "--timeout", "0.5", "--store", store)
        waited = time.monotonic() - begun
        running = Server(store).running()
    finally:
        user.wait(timeout=60)
    assert refused.exit_code == 3 and waited < 1.9  # the user holds the store for 2 s
    message = refused.stderr.strip().splitlines()[-1]
    assert message.startswith(f"kg: {store / 'run' / 'users'}: 等待 0.5 秒后仍有命令在使用存储，未停止")
    assert "it was not stopped and keeps running" in message
    assert running and user.returncode == 0  # its write went through on the server left running
    assert _count(store, "Law") == 1
    assert kg("db", "stop", "--timeout", "5", "--store", store).stdout.strip() == "kg: store stopped"


@pytest.fixture
def remountable(tmp_path):
    """A small file system of its own that the test can make read-only (root and mount(8) needed)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=False)
        from kg.store.server import Server

        Server(mount / "store").stop()
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_store_on_a_read_only_disk_is_one_line_naming_the_file_and_keeps_what_was_loaded(remountable):
    store = remountable / "store"
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    subprocess.run(["mount", "-o", "remount,ro", str(remountable)], check=True)
    lock = store.resolve() / "run" / "lock"
    for command in (["reports"], ["load", str(REPORTS / "baishi-2024.txt")], ["db", "start"]):
        result = kg(*command, "--store", store)
        assert result.exit_code == 3, result.output
        assert result.stderr == (f"kg: {lock}: cannot open the store's lock (Read-only file system); the store needs "
                                 "a folder it can write: its server keeps its log, pid and socket there\n")
    assert kg("db", "stop", "--store", store).stdout.strip() == "kg: store was not running"
    assert kg("db", "status", "--store", store).exit_code == 1
    subprocess.run(["mount", "-o", "remount,rw", str(remountable)], check=True)
    assert _count(store, "Report") == 1


def test_a_new_store_on_a_read_only_disk_is_one_line_naming_the_folder(remountable):
    subprocess.run(["mount", "-o", "remount,ro", str(remountable)], check=True)
    result = kg("load", REPORTS / "baishi-2023.txt", "--store", remountable / "new")
    assert result.exit_code == 3
    assert result.stderr == (f"kg: {remountable / 'new'}: cannot make the store's directory: Read-only file system\n")


def test_a_server_killed_during_a_load_is_one_line_and_the_reports_before_it_stay(tmp_path):
    """kill -9 of the server while a command writes: that command fails in one line; the next starts from the log."""
    import os
    import signal

    from kg.errors import StoreError
    from kg.store.falkordb import FalkorDBStore

    store = tmp_path / "store"
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", store).exit_code == 0
    assert kg("db", "start", "--store", store).exit_code == 0
    with FalkorDBStore(store) as opened:
        opened.run("CREATE (:Resource:Law {uri: 'law:1', name: '民法典'})")
        os.kill(opened.server.pid(), signal.SIGKILL)
        time.sleep(0.2)
        with pytest.raises(StoreError) as failed:
            opened.run("CREATE (:Resource:Law {uri: 'law:2', name: '行政处罚法'})")
    assert "\n" not in str(failed.value)
    assert str(failed.value).startswith(f"{opened.server.socket}: the store's server stopped answering")
    with FalkorDBStore(store) as reopened:  # a write the server had answered was in its log before the kill
        assert reopened.query("MATCH (l:Law {uri: 'law:1'}) RETURN l.name AS n") == [{"n": "民法典"}]
    assert _count(store, "Report") == 1


def test_a_server_slow_to_save_on_stop_is_never_killed_and_keeps_its_writes(tmp_path):
    """A stop whose time runs out while the server writes its snapshot leaves it to finish: a kill would lose the
    writes made since the last snapshot (a store without the log keeps them only in memory until then)."""
    import os

    import redis

    from kg.store.server import Server, StoreError

    server = Server(tmp_path / "store", appendonly=False)
    server.ensure()
    client = redis.Redis(unix_socket_path=str(server.socket))
    client.set("late", os.urandom(48 * 1024 * 1024))  # tens of milliseconds to write and fsync
    client.close()
    pid = server.pid()
    with pytest.raises(StoreError, match=r"^\S+server\.pid: .*had not exited.*still saving.*not killed") as error:
        server.stop(timeout=0.001)
    assert "\n" not in str(error.value)
    deadline = time.monotonic() + 60
    while Server(tmp_path / "store").pid() == pid and time.monotonic() < deadline:
        time.sleep(0.05)
    restarted = Server(tmp_path / "store", appendonly=False)
    restarted.ensure()
    try:
        client = redis.Redis(unix_socket_path=str(restarted.socket))
        assert client.strlen("late") == 48 * 1024 * 1024
        client.close()
    finally:
        restarted.stop()


def test_a_start_waits_for_a_server_still_saving_after_a_stop_instead_of_killing_it(tmp_path):
    """A server saving its snapshot on its way out answers nobody: a start that took it for a hung one killed it."""
    import redis

    from kg.store.server import Server, StoreError

    server = Server(tmp_path / "store", appendonly=False)
    server.ensure()
    client = redis.Redis(unix_socket_path=str(server.socket))
    client.mset({f"late:{number}": number for number in range(200)})
    client.config_set("rdb-key-save-delay", 100_000)  # 0.1 s a key: a 20 s save, past a start's 15 s of patience
    client.close()
    with pytest.raises(StoreError, match="had not exited"):
        server.stop(timeout=0.5)
    restarted = Server(tmp_path / "store", appendonly=False)
    assert restarted.ensure()  # a new server, started once the old one had saved and gone
    try:
        client = redis.Redis(unix_socket_path=str(restarted.socket))
        assert client.dbsize() == 200
        client.close()
    finally:
        restarted.stop()
