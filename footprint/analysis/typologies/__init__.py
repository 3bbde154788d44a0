"""Base typologies as data: each ``*.toml`` file here is one definition of "base" as explicit criteria.

A typology has ordered ``categories``; each names its ``criteria`` and how they combine (``match = "all"`` or
``"any"``). A criterion compares one site feature (see :mod:`footprint.analysis.features`) with an operator:
``true``, ``false``, ``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``, ``between`` ([low, high]) or ``in`` (a list).
A missing feature value is ``unknown``, never ``not_met``. Adding a definition is adding a file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...errors import InputError

HERE = Path(__file__).parent
OPS = {"true", "false", "==", "!=", "<", "<=", ">", ">=", "between", "in"}


@dataclass(frozen=True)
class Criterion:
    name: str
    label: str
    feature: str
    op: str
    value: Any = None


@dataclass(frozen=True)
class Category:
    name: str
    label: str
    match: str
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class Typology:
    name: str
    title: str
    source: str
    official: bool
    broad: bool
    base_categories: tuple[str, ...]
    categories: tuple[Category, ...]
    criteria: dict[str, Criterion]


def parse_typology(data: dict[str, Any], where: str, features: set[str]) -> Typology:
    """Validate one typology file's data; errors name the file and the field."""
    try:
        criteria = {}
        for name, c in data["criteria"].items():
            if c["op"] not in OPS:
                raise InputError(f"criteria.{name}.op: {c['op']!r} is not one of {', '.join(sorted(OPS))}",
                                 where=where)
            if c["feature"] not in features:
                raise InputError(f"criteria.{name}.feature: unknown feature {c['feature']!r}", where=where)
            criteria[name] = Criterion(name, c.get("label", name), c["feature"], c["op"], c.get("value"))
        categories = []
        for cat in data["categories"]:
            missing = [c for c in cat["criteria"] if c not in criteria]
            if missing:
                raise InputError(f"categories.{cat['name']}: no criterion {missing[0]!r}", where=where)
            if cat.get("match", "all") not in ("all", "any"):
                raise InputError(f"categories.{cat['name']}.match: expected 'all' or 'any'", where=where)
            categories.append(Category(cat["name"], cat.get("label", cat["name"]), cat.get("match", "all"),
                                       tuple(cat["criteria"])))
        return Typology(data["name"], data.get("title", data["name"]), data.get("source", ""),
                        bool(data.get("official", False)), bool(data.get("broad", False)),
                        tuple(data.get("base_categories", [])), tuple(categories), criteria)
    except KeyError as exc:
        raise InputError(f"missing field {exc.args[0]!r}", where=where) from None


@lru_cache(maxsize=4)
def load_typologies(folder: Path = HERE) -> tuple[Typology, ...]:
    from ..features import FEATURES

    out = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(str(exc), where=str(path)) from None
        out.append(parse_typology(data, str(path), set(FEATURES)))
    official = [t for t in out if t.official]
    return tuple(official + [t for t in out if not t.official])
