"""The local engine: documents analysed by a pool of processes, streamed back in input order.

At most ``2 * workers`` batches are in flight, so memory stays flat however many files there are; with one
worker, or no more documents than one batch, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import FootprintError
from .analyse import analyse_batch, analyse_many

BATCH = 8


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_local(
    paths: Sequence[str], workers: int | None = None, batch: int = BATCH
) -> Iterator[dict[str, Any]]:
    workers = workers or default_workers()
    if workers == 1 or len(paths) <= batch:  # a pool's start-up costs more than a few documents
        yield from analyse_many(paths)
        return
    batches = [list(paths[i : i + batch]) for i in range(0, len(paths), batch)]
    # "spawn": a clean interpreter per worker (no inherited threads, locks or database connections)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        queued = iter(batches)
        for chunk in queued:
            pending.append(pool.submit(analyse_batch, chunk))
            if len(pending) >= 2 * workers:
                break
        while pending:
            try:
                results = pending.popleft().result()
            except BrokenProcessPool:
                raise FootprintError(
                    "a worker process died (out of memory?); documents stored so far are kept, "
                    "run again to go on from there"
                ) from None
            nxt = next(queued, None)
            if nxt is not None:
                pending.append(pool.submit(analyse_batch, nxt))
            yield from results
