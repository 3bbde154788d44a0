"""Runs ``load_path`` in a fresh interpreter, as ``footprint load`` does: one thread, so workers can be forked
(a test process has the threads of earlier tests). Thresholds are lowered so a few hundred records take every
path a big load takes. Prints the result, or the error, as one JSON line.

    python tests/load_child.py DB_URL PATH WORKERS [KILL_AT]

With KILL_AT, the worker given the chunk starting at that record dies on the spot, as a worker killed for
lack of memory would.
"""

from __future__ import annotations

import json
import os
import sys

from footprint.dataset import loader
from footprint.errors import FootprintError
from footprint.store import Store, registry

loader.PARALLEL_FROM, loader.CHUNK = 50, 37
registry.DEFER_INDEXES_FROM, registry.COPY_FROM = 100, 10

if len(sys.argv) > 4:
    kill_at, prepare_chunk = int(sys.argv[4]), loader._prepare_chunk

    def dying(bounds: tuple[int, int]) -> object:
        if bounds[0] == kill_at:
            os._exit(9)
        return prepare_chunk(bounds)

    loader._prepare_chunk = dying  # the workers are forked: they see this module as it is here

store = Store.open(sys.argv[1])
try:
    read, report, workers = loader.load_path(store, sys.argv[2], workers=int(sys.argv[3]))
    print(json.dumps({"read": read, **report.as_dict(), "workers": workers}))
except FootprintError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": exc.message, "where": exc.where}))
finally:
    store.close()
