"""The analysis and answers layers as the site uses them, each optional.

Each function returns the layer's result (its DESIGN.md shape) or ``None`` when that layer is not installed
yet, so a page can say the part is not available instead of showing anything made up.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from ..errors import InputError

log = logging.getLogger("footprint.web")


def _function(module: str, name: str) -> Callable[..., Any] | None:
    full = f"footprint.{module}"
    try:
        mod = importlib.import_module(full)
    except ModuleNotFoundError as exc:
        if exc.name and (full == exc.name or full.startswith(exc.name + ".")):
            return None
        raise
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def available(module: str, name: str) -> bool:
    return _function(module, name) is not None


def ask(store: Any, question: str, lang: str) -> dict[str, Any] | None:
    fn = _function("answers", "ask")
    return fn(store, question, lang=lang) if fn else None


def claim_review(store: Any, claim_id: str, lang: str, base_url: str = "") -> dict[str, Any] | None:
    """schema.org ClaimReview JSON-LD of a reviewed claim."""
    fn = _function("answers", "claim_review")
    return fn(store, claim_id, lang, base_url) if fn else None


def presence(store: Any, **filters: Any) -> dict[str, Any] | None:
    fn = _function("analysis", "presence")
    if fn is None:
        return None
    return fn(store, **{k: v for k, v in filters.items() if v is not None})


def classify(store: Any, site: str | None = None) -> list[dict[str, Any]] | None:
    fn = _function("analysis", "classify")
    if fn is None:
        return None
    results = fn(store, site=site) if site else fn(store)
    return list(results)


def check(store: Any, record: str | None = None) -> list[dict[str, Any]] | None:
    fn = _function("analysis", "check")
    if fn is None:
        return None
    findings = list(fn(store))
    if record:
        findings = [f for f in findings if record in (f.get("records") or [])]
    return findings


def attempt(compute: Callable[[], Any]) -> tuple[Any, str | None]:
    """``(result, None)``, or ``(None, why)`` when a layer fails: a page then says that part failed, and still
    shows the rest. (The API does not use this: there a failure is an error response.)"""
    try:
        return compute(), None
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - one failing part must not take the whole page down
        log.exception("a part of the page failed")
        return None, f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
