"""``footprint load``: read a dataset, validate every record and write them in one transaction.

Validation is the costly part, so big inputs are validated by worker processes while this process writes
what they have prepared: the file is parsed once here, the workers (forked, so they share the parsed items
without copying them over a pipe) validate chunks of it and send back ready rows, in order. Small inputs,
and platforms without ``fork``, are validated here, one after another; the result is the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import DuplicateId, FootprintError, InputError
from ..model import KINDS, parse_record
from ..store import Store, WriteReport
from ..store.rows import Row, prepare
from .reader import paused_gc, read_items

PARALLEL_FROM = 20_000  # below this many records, starting workers costs more than it saves
CHUNK = 2_000  # records per task sent to a worker
MAX_WORKERS = 4  # one writer takes what about two validating workers make; more only wait for it


class Loaded(NamedTuple):
    read: int
    report: WriteReport
    workers: int  # worker processes that validated the records (0: this process did)


def load_path(store: Store, path: str | Path, *, actor: str = "footprint-load", workers: int | None = None) -> Loaded:
    """Load every record under ``path`` into ``store``: all of them, or nothing and an :class:`InputError`."""
    with paused_gc():
        items = read_items(path)
        workers = default_workers() if workers is None else workers
        if workers > 0 and (len(items) < PARALLEL_FROM or not _can_fork()):
            workers = 0
        try:
            with prepared(items, workers) as chunks:
                report = store.put_chunks(chunks, actor=actor, expected=len(items))
        except DuplicateId as exc:
            raise _placed(exc, items) from None
    return Loaded(len(items), report, workers)


def default_workers() -> int:
    """One worker per CPU this process may use, up to MAX_WORKERS; none on a single CPU, where a worker could
    only take turns with the writer."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cpus, MAX_WORKERS) if cpus > 1 else 0


@contextmanager
def prepared(items: list[tuple[str, Any]], workers: int) -> Iterator[Iterator[list[Row]]]:
    """The items as chunks of validated rows, in input order, validated by ``workers`` forked processes (0: by
    this one); the first invalid item raises :class:`InputError`."""
    bounds = [(start, min(start + CHUNK, len(items))) for start in range(0, len(items), CHUNK)]
    if workers < 1:
        yield (_prepare(items[start:stop]) for start, stop in bounds)
        return
    for cls in KINDS.values():  # build the validators once here, not once per worker
        cls.model_rebuild()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_share,
                               initargs=(items,))
    try:
        yield _collect(pool.map(_prepare_chunk, bounds))
    except BrokenProcessPool:  # a worker was killed (out of memory, say): say so rather than wait for it
        raise FootprintError("a worker validating the records stopped unexpectedly (out of memory?); nothing was "
                             "written; --workers 0 validates in this process") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _can_fork() -> bool:
    """Whether worker processes can be forked here: on Linux (where fork is the long-standing default and costs
    a few milliseconds), from a process with no other thread (fork copies only the calling one, so another
    thread's held lock would stay held in the child)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _prepare(items: list[tuple[str, Any]]) -> list[Row]:
    return [prepare(parse_record(data, where=where)) for where, data in items]


class _Failure(NamedTuple):
    message: str
    where: str | None


_items: list[tuple[str, Any]] = []


def _share(items: list[tuple[str, Any]]) -> None:
    global _items
    _items = items
    # the writing process sets the pace: let it have a core whenever it can run, workers taking the rest
    # (3% faster on two cores)
    os.nice(19)


def _prepare_chunk(bounds: tuple[int, int]) -> list[tuple[Any, ...]] | _Failure:
    """A chunk's rows as plain tuples: pickled three times faster than named ones, which pickle through Python
    code, one call per row."""
    try:
        return list(map(tuple, _prepare(_items[bounds[0]:bounds[1]])))
    except InputError as exc:
        return _Failure(exc.message, exc.where)


def _collect(results: Iterator[list[tuple[Any, ...]] | _Failure]) -> Iterator[list[Row]]:
    for result in results:
        if isinstance(result, _Failure):
            raise InputError(result.message, where=result.where)
        yield list(map(Row._make, result))


def _placed(exc: DuplicateId, items: list[tuple[str, Any]]) -> DuplicateId:
    """The error about a repeated id, naming where it first and next appears."""
    record_id = exc.record_id
    places = [where for where, data in items
              if isinstance(data, dict) and str(data.get("id", "")).strip() == record_id][:2]
    if len(places) < 2:
        return exc
    return DuplicateId(f"the id {record_id!r} appears twice (first at {places[0]})", where=places[1])
