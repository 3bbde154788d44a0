"""Runs ``load_path`` in a fresh interpreter, as ``footprint load`` does: one thread, so workers can be forked
(a test process has the threads of earlier tests). Thresholds are lowered so a few hundred records take every
path a big load takes. Prints the result, or the error, as one JSON line.

    python tests/load_child.py DB_URL PATH WORKERS
"""

from __future__ import annotations

import json
import sys

from footprint.dataset import loader
from footprint.errors import FootprintError
from footprint.store import Store, registry

loader.PARALLEL_FROM, loader.CHUNK = 50, 37
registry.DEFER_INDEXES_FROM, registry.COPY_FROM = 100, 10

store = Store.open(sys.argv[1])
try:
    read, report, workers = loader.load_path(store, sys.argv[2], workers=int(sys.argv[3]))
    print(json.dumps({"read": read, **report.as_dict(), "workers": workers}))
except FootprintError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": exc.message, "where": exc.where}))
finally:
    store.close()
