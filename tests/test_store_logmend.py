"""A store whose log the server refuses to start from: kg mends it, keeps every whole write, and says what it lost."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from test_hostile import REPORTS, _count, _fill, kg, small_disk  # noqa: F401 - small_disk is a fixture

from kg.store.logmend import scan
from kg.store.server import Server


def _incr(root: Path) -> Path:
    [tail] = (root / "data" / "appendonlydir").glob("*.incr.aof")
    return tail


def _two_loads_then_kill(root: Path) -> int:
    """Two reports loaded into a running store, which is then killed outright: the byte where the second began."""
    assert kg("db", "start", "--store", root).exit_code == 0
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", root).exit_code == 0
    boundary = _incr(root).stat().st_size  # the first load ended fsynced here; the second's writes follow
    assert kg("load", REPORTS / "baishi-2024.txt", "--store", root).exit_code == 0
    os.kill(Server(root).pid(), signal.SIGKILL)
    time.sleep(0.2)
    return boundary


def test_the_real_full_disk_hole_is_mended_on_start_and_no_write_is_lost(small_disk):
    """The server's own damage: a write cut short on a full disk, retried once there is room, then a kill."""
    from kg.errors import StoreError
    from kg.store.falkordb import FalkorDBStore

    root = small_disk / "store"
    assert kg("db", "start", "--store", root).exit_code == 0
    assert kg("load", REPORTS / "baishi-2023.txt", "--store", root).exit_code == 0
    _fill(small_disk)
    with FalkorDBStore(root) as opened:
        try:  # larger than any block left: cut short, then cut off with ftruncate
            opened.run("CREATE (:Resource:Law {uri: 'law:big', name: $name})", {"name": "法" * 40000})
        except StoreError:
            pass
        for filler in small_disk.glob("filler*"):
            filler.unlink()
        deadline = time.monotonic() + 30  # the server retries the write every second once there is room
        while opened.db.connection.info("persistence")["aof_last_write_status"] != "ok":
            assert time.monotonic() < deadline
            time.sleep(0.1)
        os.kill(opened.server.pid(), signal.SIGKILL)  # before any load or stop could rewrite the log
        opened.server.release()
    result = kg("query", "--cypher", "MATCH (l:Law {uri: 'law:big'}) RETURN count(l) AS c", "--format", "csv",
                "--store", root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["c", "1"]  # the write retried past the hole is there
    assert "未丢失数据" in result.stderr and "nothing lost" in result.stderr
    assert _count(root, "Report") == 1
    assert kg("db", "stop", "--store", root).exit_code == 0


def test_a_hole_of_zeros_between_two_loads_is_taken_out_and_both_reports_stay(tmp_path):
    root = tmp_path / "store"
    boundary = _two_loads_then_kill(root)
    tail = _incr(root)
    data = tail.read_bytes()
    tail.write_bytes(data[:boundary] + bytes(4096) + data[boundary:])  # as a retried write lands past ftruncate
    result = kg("reports", "--format", "csv", "--store", root)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3  # the header and both reports
    [warning] = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert "4096" in warning and "未丢失数据" in warning and str(tail) in warning
    assert (root / "data" / f"{tail.name}.damaged").read_bytes()[boundary:boundary + 4096] == bytes(4096)
    assert kg("reports", "--format", "csv", "--store", root).stderr == ""  # mended once: the next start says nothing
    assert kg("db", "stop", "--store", root).exit_code == 0


@pytest.mark.parametrize("tail_bytes, said", [
    (b"*3\r\n$11\r\nGRAPH.QUERY\r\n$2\r\nkg\r\n$999\r\ncut short mid-write\r\n", "未写完"),  # the server cuts it
    (b"\x7fgarbage\r\n*1\r\n$4\r\nPING\r\n", "无法读取"),  # the server refuses: kg cuts it
], ids=["half-written", "unreadable"])
def test_a_damaged_tail_is_cut_off_and_said_and_the_reports_before_it_stay(tmp_path, tail_bytes, said):
    root = tmp_path / "store"
    _two_loads_then_kill(root)
    tail = _incr(root)
    whole = tail.stat().st_size
    with open(tail, "ab") as handle:
        handle.write(tail_bytes)
    result = kg("reports", "--format", "csv", "--store", root)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3
    [warning] = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert said in warning and f"{len(tail_bytes)} 字节" in warning and "lost" in warning
    assert tail.stat().st_size == whole
    assert kg("db", "stop", "--store", root).exit_code == 0


def test_a_log_that_cannot_be_mended_is_one_line_naming_the_file(tmp_path):
    root = tmp_path / "store"
    _two_loads_then_kill(root)
    base = next((root / "data" / "appendonlydir").glob("*.base.rdb"))
    base.write_bytes(b"REDIS0011" + bytes(64))  # a base snapshot that is no snapshot
    result = kg("reports", "--store", root)
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and str(root / "server.log") in result.stderr
    assert "did not start" in result.stderr


def test_zeros_inside_a_command_are_data_and_only_zeros_where_a_command_starts_are_a_hole():
    command = b"*2\r\n$3\r\nSET\r\n$4\r\n\0\0\0\0\r\n"
    damaged = command + bytes(7) + command
    spans, holes, stopped = scan(damaged)
    assert holes == [(len(command), 7)] and stopped is None
    assert b"".join(damaged[start:end] for start, end in spans) == command * 2
    assert scan(command + b"*2\r\n$3\r\nSE")[2] == len(command)  # a command cut short stops the reading there


def test_a_log_mended_twice_keeps_both_damaged_copies(tmp_path):
    """The copy of the first mend holds the only trace of the bytes it cut off: a second mend may not replace it."""
    root = tmp_path / "store"
    _two_loads_then_kill(root)
    tail = _incr(root)
    kept = []
    for mark in (b"first", b"second"):
        with open(tail, "ab") as handle:
            handle.write(b"\x7fdamage-" + mark + b"\r\n")
        result = kg("reports", "--format", "csv", "--store", root)
        assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3, result.stderr
        [warning] = [line for line in result.stderr.splitlines() if "warning:" in line]
        kept.append(Path(warning.rsplit(" ", 1)[-1]))
    assert kept[0] != kept[1] and kept[0].parent == kept[1].parent == root / "data"
    assert b"damage-first" in kept[0].read_bytes() and b"damage-second" in kept[1].read_bytes()
