"""Jurisdictions: one package per host country (``pe`` for Peru), each offering ``detect(text)`` and
``extract_norms(text, file=None)``. ``get(code)`` returns the module of a jurisdiction."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import InputError

CODES = ("PE",)


def get(code: str) -> ModuleType:
    """The jurisdiction module for an ISO 3166-1 alpha-2 code, e.g. ``get("PE")``."""
    if code.upper() not in CODES:
        raise InputError(f"unknown jurisdiction {code!r} (known: {', '.join(CODES)})", where="jurisdiction")
    return importlib.import_module(f"{__name__}.{code.lower()}")


__all__ = ["CODES", "get"]
