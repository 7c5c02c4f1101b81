"""Extraction over worker processes: each worker warms its lexicons once, results come back in file order.

Extraction is a pure function of one file, so it shards by file. The pool keeps a bounded number of
chunks in flight: a slow consumer (a store being written) holds back the workers instead of letting
finished reports pile up in memory, which `Pool.imap` would do.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from kg.errors import UsageError
from kg.extract.report import Outcome, extract_path, extract_report
from kg.read import iter_report_paths, make_source
from kg.text import segment

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 8  # files per task: large enough to amortize pickling, small enough to keep both cores busy
AHEAD = 3  # chunks in flight per worker

# A short report of our own in the genre, run once per worker so every lazy lexicon and automaton
# is built before the first real file, not inside someone's timing of it.
_WARM_TEXT = """某县某镇关于2023年度法治政府建设情况的报告
一、主要工作
（一）加强组织领导。召开专题会议4次，学习《中华人民共和国行政处罚法》，开展“八五”普法宣传活动12场。
（二）化解矛盾纠纷。举办12场次法治讲座培训，调解纠纷56件，调解成功率达98%，接待来访群众120人次。
二、存在的问题
一是执法人员专业能力不足。
三、下一步工作计划
一是加强执法队伍培训。
某镇人民政府
2024年1月10日
"""


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def workers_for(jobs: int | None, files: int) -> int:
    """Worker processes for `files` files: `jobs` (None: all cores), never more than files, at least 1."""
    return min(default_jobs() if jobs is None else jobs, max(1, files))


def warm() -> None:
    """Load jieba, lexicons and automata once in this process."""
    try:
        segment.default()
        extract_report(make_source("warm.txt", _WARM_TEXT, "utf-8"))
    except Exception:  # noqa: BLE001 - warming is an optimisation; a real file will report any fault
        pass


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [func(item) for item in chunk]


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int | None = None,
    initializer: Callable[[], None] | None = warm,
    chunk: int = CHUNK,
) -> Iterator[R]:
    """`map(func, items)` over `jobs` processes, in input order, with bounded memory; `func` must be picklable."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    items = iter(items)
    if jobs == 1:
        if initializer is not None:
            initializer()
        yield from map(func, items)
        return
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    pool = context.Pool(jobs, initializer=initializer)
    try:
        pending: deque = deque()
        while True:
            while len(pending) < jobs * AHEAD:
                part = list(islice(items, chunk))
                if not part:
                    break
                pending.append(pool.apply_async(_run_chunk, (func, part)))
            if not pending:
                break
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()  # also when the consumer stops early: no orphan workers
        pool.join()


class Aside:
    """One worker process for occasional calls, started at the first, so this process never loads what they need.

    The loader extracts in workers and only writes; re-extracting a stored report it no longer holds
    would otherwise load every lexicon and the jieba dictionary into the writing process for one file.
    Disabled, a call runs here.
    """

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._pool = None

    def call(self, func: Callable[..., R], *args) -> R:
        if not self.enabled:
            return func(*args)
        if self._pool is None:
            context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
            self._pool = context.Pool(1)
        return self._pool.apply(func, args)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "Aside":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _extract_hinted(task: tuple[str, object, str | None]) -> Outcome:
    path, hints, name = task
    return extract_path(path, hints, name)


def iter_outcomes(paths: Iterable[str | os.PathLike], jobs: int | None = None, hints_for=None,
                  names=None) -> Iterator[Outcome]:
    """One Outcome per report file under `paths`, in file order, extracted by `jobs` processes.

    `hints_for(path)` runs here, in this process, so that it may be any callable; its hints travel with the
    path, as does its name in `names` (the source path its report keeps).
    """
    tasks = ((str(p), hints_for(str(p)) if hints_for else None, names.get(str(p)) if names else None)
             for p in iter_report_paths(paths))
    return ordered_map(_extract_hinted, tasks, jobs)
