"""Runs ``load_path`` in a fresh interpreter, as ``footprint load`` does: one thread, so workers can be forked
(a test process has the threads of earlier tests). Thresholds are lowered so a few hundred records take every
path a big load takes. Prints the result, or the error, as one JSON line.

    python tests/load_child.py DB_URL PATH WORKERS [KILL_AT]

With KILL_AT, a worker dies on the spot when given its KILL_AT-th task, as a worker killed for lack of memory
would.
"""

from __future__ import annotations

import json
import os
import sys

from footprint import model
from footprint.dataset import loader
from footprint.errors import FootprintError
from footprint.store import Store, registry

loader.PARALLEL_FROM, loader.CHUNK = 50, 37
loader.PARALLEL_FROM_BYTES, loader.RUN = 5_000, 3_000  # a JSON array of 400 records: about 40 runs
registry.BULK_FROM, registry.COPY_FROM = 100, 10
model.BATCH_FROM = 5

if len(sys.argv) > 4:
    kill_at, tasks = int(sys.argv[4]), [0]
    prepare_chunk, prepare_run = loader._prepare_chunk, loader._prepare_run

    def count_or_die() -> None:
        tasks[0] += 1  # in this worker
        if tasks[0] == kill_at:
            os._exit(9)

    def dying_chunk(bounds: tuple[int, int]) -> object:
        count_or_die()
        return prepare_chunk(bounds)

    def dying_run(run: tuple[int, int]) -> object:
        count_or_die()
        return prepare_run(run)

    # the workers are forked: they see this module as it is here
    loader._prepare_chunk, loader._prepare_run = dying_chunk, dying_run  # type: ignore[assignment]

store = Store.open(sys.argv[1])
try:
    read, report, workers = loader.load_path(store, sys.argv[2], workers=int(sys.argv[3]))
    print(json.dumps({"read": read, **report.as_dict(), "workers": workers}))
except FootprintError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": exc.message, "where": exc.where}))
finally:
    store.close()
