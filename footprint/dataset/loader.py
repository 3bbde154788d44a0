"""``footprint load``: read a dataset, validate every record and write them in one transaction.

Validation is the costly part, so big inputs are validated by worker processes (forked, so they share what
this process has read without copying it over a pipe) while this process writes what they have prepared, in
order. A big JSON array is not even parsed here: it is cut into runs of whole records (``split_array``) and
each worker parses the runs it is given, so the workers start at once and this process only writes. Other
inputs are parsed here and the workers validate chunks of the parsed items. Small inputs, and platforms
without ``fork``, are validated here, one after another; the result is the same every way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from ..chunks import chunked
from ..errors import DuplicateId, FootprintError, InputError
from ..model import Record, build_validators, parse_record, parse_records
from ..store import Store, WriteReport
from ..store.rows import Row, prepare, values
from .reader import is_package, paused_gc, read_items, split_array

PARALLEL_FROM = 20_000  # below this many records, starting workers costs more than it saves
PARALLEL_FROM_BYTES = 4 << 20  # a JSON array file from this size on is parsed by the workers (~15,000 records)
CHUNK = 2_000  # records per task sent to a worker
RUN = 512 << 10  # bytes of a JSON array per task sent to a worker (~2,000 records of a few hundred bytes)
BYTES_PER_RECORD = 300  # about what a record takes in JSON: how many records a big file holds, roughly
MAX_WORKERS = 4  # one writer takes what about two validating workers make; more only wait for it


class Loaded(NamedTuple):
    read: int
    report: WriteReport
    workers: int  # worker processes that validated the records (0: this process did)


def load_path(store: Store, path: str | Path, *, actor: str = "footprint-load", workers: int | None = None) -> Loaded:
    """Load every record under ``path`` into ``store``: all of them, or nothing and an :class:`InputError`."""
    workers = default_workers() if workers is None else workers
    with paused_gc():
        if workers > 0 and _can_fork():
            raw = _big_json_file(path)
            runs = split_array(raw, RUN) if raw is not None else None
            if raw is not None and runs is not None:
                try:
                    return _load_runs(store, Path(path), raw, runs, actor, workers)
                except _NotWhole:
                    pass  # a run did not parse: read the file whole, which says what is wrong with it, if anything
        items = read_items(path)
        if len(items) < PARALLEL_FROM or not _can_fork():
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
    with _pool(workers, _share, items) as pool:
        yield _collect(pool.map(_prepare_chunk, bounds))


@contextmanager
def _pool(workers: int, share: Callable[[Any], None], shared: Any) -> Iterator[ProcessPoolExecutor]:
    """``workers`` forked processes, each given ``shared`` by ``share``; a worker that dies ends the load with
    an error rather than a wait for it."""
    build_validators()  # once here, not once per worker
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=share,
                               initargs=(shared,))
    try:
        yield pool
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
    return [prepare(record) for record in _records(items)]


def _records(items: list[tuple[str, Any]]) -> list[Record]:
    return parse_records([data for _, data in items], [where for where, _ in items])


class _Failure(NamedTuple):
    message: str
    where: str | None


_shared: Any = None  # in a worker: what the loading process shares with it (its items, or a file's bytes)


def _share(shared: Any) -> None:
    global _shared
    _shared = shared
    # the writing process sets the pace: let it have a core whenever it can run, workers taking the rest
    # (3% faster on two cores)
    os.nice(19)


def _prepare_chunk(bounds: tuple[int, int]) -> list[tuple[Any, ...]] | _Failure:
    """A chunk's rows as plain tuples: pickled three times faster than named ones, which pickle through Python
    code, one call per row."""
    try:
        return [values(record) for record in _records(_shared[bounds[0]:bounds[1]])]
    except InputError as exc:
        return _Failure(exc.message, exc.where)


def _collect(results: Iterator[list[tuple[Any, ...]] | _Failure]) -> Iterator[list[Row]]:
    for result in results:
        if isinstance(result, _Failure):
            raise InputError(result.message, where=result.where)
        yield list(map(Row._make, result))


# --- a big JSON array, parsed by the workers ---------------------------------------------------------------


class _NotWhole(Exception):
    """A run of the file did not parse as whole records: the file is to be read whole."""


class _BadItem(NamedTuple):
    position: int  # in its run: the loading process validates it again, to report it with its place in the file


def _big_json_file(path: str | Path) -> bytes | None:
    path = Path(path)
    if path.suffix.lower() != ".json" or is_package(path) or not path.is_file() \
            or path.stat().st_size < PARALLEL_FROM_BYTES:
        return None
    return path.read_bytes()


def _load_runs(store: Store, path: Path, raw: bytes, runs: list[tuple[int, int]], actor: str,
               workers: int) -> Loaded:
    read: list[int] = []  # records in each run written so far
    try:
        with _pool(workers, _share, raw) as pool:
            # in chunks of CHUNK, as the records read whole would come: the store orders each chunk's audit events
            # by id, so the log is the same whichever way the file was read
            chunks = chunked(_run_rows(pool.map(_prepare_run, runs), raw, runs, path, read), CHUNK)
            report = store.put_chunks(chunks, actor=actor, expected=len(raw) // BYTES_PER_RECORD)
    except DuplicateId as exc:
        raise _placed(exc, read_items(path)) from None
    return Loaded(sum(read), report, workers)


def _run_items(raw: bytes, run: tuple[int, int]) -> list[Any]:
    items: list[Any] = orjson.loads(b"[" + raw[run[0]:run[1]] + b"]")
    return items


def _prepare_run(run: tuple[int, int]) -> list[tuple[Any, ...]] | _BadItem | None:
    """A run's rows as plain tuples; None if the run does not parse, or the first invalid record in it."""
    try:
        items = _run_items(_shared, run)
    except orjson.JSONDecodeError:
        return None
    try:
        return [values(record) for record in parse_records(items)]
    except InputError:
        pass
    for index, data in enumerate(items):  # which one
        try:
            parse_record(data)
        except InputError:
            return _BadItem(index)
    raise AssertionError("a run was invalid as a whole, each of its records valid")


def _run_rows(results: Iterator[list[tuple[Any, ...]] | _BadItem | None], raw: bytes, runs: list[tuple[int, int]],
              path: Path, read: list[int]) -> Iterator[Row]:
    """Every row of the runs, in order; a run that did not parse raises :class:`_NotWhole`, an invalid record
    the error of reading it whole."""
    for run, result in zip(runs, results, strict=True):
        if result is None:
            raise _NotWhole
        if isinstance(result, _BadItem):  # again here, for the error with the record's index in the whole file
            index = sum(read) + result.position
            parse_record(_run_items(raw, run)[result.position], where=f"{path}[{index}]")
            raise AssertionError(f"{path}[{index}] was invalid in a worker, valid here")
        read.append(len(result))
        yield from map(Row._make, result)


def _placed(exc: DuplicateId, items: list[tuple[str, Any]]) -> DuplicateId:
    """The error about a repeated id, naming where it first and next appears."""
    record_id = exc.record_id
    places = [where for where, data in items
              if isinstance(data, dict) and str(data.get("id", "")).strip() == record_id][:2]
    if len(places) < 2:
        return exc
    return DuplicateId(f"the id {record_id!r} appears twice (first at {places[0]})", where=places[1])
