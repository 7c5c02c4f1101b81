"""Parallel extraction: the same reports in the same order for any number of processes, and errors kept in place."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from conftest import bench_generator
from kg.errors import KgError
from kg.extract.parallel import default_jobs, iter_outcomes, ordered_map
from kg.extract.stream import iter_outcomes as serial_outcomes



@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Thirty reports recombined from examples/, one empty file and one binary file among them."""
    out = tmp_path_factory.mktemp("corpus")
    bench_generator().generate(out, 30, seed=3)
    (out / "000" / "r000010_empty.txt").write_bytes(b"")
    (out / "000" / "r000020_binary.txt").write_bytes(bytes(range(256)) * 8)
    return out


def _view(outcomes):
    """What a user sees of each outcome: the path, the report, or the error message."""
    return [(o.path, o.report, str(o.error) if o.error else None) for o in outcomes]


def test_any_number_of_jobs_gives_the_serial_result_in_file_order(corpus):
    serial = _view(serial_outcomes([corpus]))
    assert len(serial) == 32
    assert [path for path, _, _ in serial] == sorted(path for path, _, _ in serial)
    assert sum(report is not None for _, report, _ in serial) >= 30
    for jobs in (1, 2, 3):
        assert _view(iter_outcomes([corpus], jobs=jobs)) == serial


def test_a_bad_file_keeps_its_place_and_names_itself(corpus):
    outcomes = list(iter_outcomes([corpus], jobs=2))
    failed = {Path(o.path).name: str(o.error) for o in outcomes if o.error}
    assert "r000010_empty.txt" in failed and "empty file" in failed["r000010_empty.txt"]
    assert "r000020_binary.txt" in failed and "binary" in failed["r000020_binary.txt"]
    assert all(name.endswith((".txt",)) and name in message for name, message in failed.items())
    assert isinstance(next(o.error for o in outcomes if o.error), KgError)


def test_stopping_early_leaves_no_worker_behind(corpus):
    outcomes = iter_outcomes([corpus], jobs=2)
    first = next(outcomes)
    outcomes.close()
    assert first.path.endswith("r000000_" + first.path.rsplit("_", 1)[1])
    assert multiprocessing.active_children() == []


def test_ordered_map_streams_more_items_than_it_holds():
    squares = ordered_map(_square, range(5000), jobs=2, initializer=None, chunk=16)
    assert sum(squares) == sum(n * n for n in range(5000))


def test_jobs_below_one_is_an_error():
    with pytest.raises(KgError, match="--jobs"):
        list(ordered_map(_square, [1], jobs=0))


def test_default_jobs_is_the_cores_this_process_may_use():
    assert 1 <= default_jobs() <= (multiprocessing.cpu_count() or 1)


def _square(n: int) -> int:
    return n * n


def test_aside_runs_a_call_in_another_process_only_when_enabled():
    from kg.extract.parallel import Aside

    with Aside() as aside:
        assert not aside.started
        assert aside.call(os.getpid) != os.getpid()
        assert aside.call(_square, 7) == 49
    assert multiprocessing.active_children() == []
    assert Aside(enabled=False).call(os.getpid) == os.getpid()
