"""Benchmarks: ``footprint bench NAME`` runs one, ``footprint bench all`` runs them all and prints a table.

Each benchmark is a module ``footprint.bench.<name>`` with a function ``run(scale: float = 1.0) -> list[dict]``:
one dict per measurement with at least ``benchmark``, ``metric``, ``value``, ``unit`` and, where the issue sets
one, ``target`` and ``ok`` (bool). Benchmarks go through the real store and commands, never in-memory shortcuts.
"""

from __future__ import annotations

import importlib
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

NAMES = ("load", "extract", "analyze", "import", "ask", "web")


def available() -> list[str]:
    out = []
    for name in NAMES:
        try:
            importlib.import_module(f"{__name__}.{_module(name)}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{_module(name)}":
                raise
            continue
        out.append(name)
    return out


def _module(name: str) -> str:
    return "imports" if name == "import" else name


def runner(name: str) -> Callable[..., list[dict[str, Any]]]:
    module = importlib.import_module(f"{__name__}.{_module(name)}")
    return module.run  # type: ignore[no-any-return]


def measurement(benchmark: str, metric: str, value: float, unit: str, target: float | None = None,
                higher_is_better: bool = True, **extra: Any) -> dict[str, Any]:
    ok = None
    if target is not None:
        ok = value >= target if higher_is_better else value <= target
    return {"benchmark": benchmark, "metric": metric, "value": round(value, 3), "unit": unit, "target": target,
            "ok": ok, **extra}


@contextmanager
def timer() -> Iterator[dict[str, float]]:
    result: dict[str, float] = {}
    start = time.perf_counter()
    try:
        yield result
    finally:
        result["seconds"] = time.perf_counter() - start


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
