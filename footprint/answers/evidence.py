"""What answers read from the registry: records by kind, places, citations, and the analysis results.

A :class:`View` loads each record kind once (plain dicts from ``Store.iter_data``) and is cached per process
and per store, until the store's audit log shows a change. No SQL here: the store owns the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import Any

from .understand import normalize

# The analysis typologies the headline verdict reads (footprint/analysis/typologies/*.toml). When the analysis
# exposes its typology tables, those win; these names are the fallback.
OFFICIAL_TYPOLOGY = "us_global_defense_posture"
OFFICIAL_BASE_CATEGORIES = ("MOB", "FOS")
BROAD_TYPOLOGY = "broad_foreign_installation"

CACHE_SIZE = 8  # databases whose views a process keeps
_CACHE: dict[str, tuple[str | None, View]] = {}


def view(store: Any) -> View:
    """The cached view of ``store`` (reloaded after any change to the registry)."""
    key = str(getattr(store, "url", id(store)))
    stamp = store.last_change()
    hit = _CACHE.get(key)
    if hit and hit[0] == stamp:
        hit[1].store = store  # the same database through another Store object (a web request): same data
        return hit[1]
    v = View(store)
    _CACHE.pop(key, None)
    while len(_CACHE) >= CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (stamp, v)
    return v


def year_window(year: int) -> tuple[str, str]:
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def overlaps(record: dict[str, Any], start: str | None, end: str | None) -> bool:
    """Whether a record's [start, end] meets the window (open ends meet everything)."""
    from ..model import date_ceiling, date_floor

    a = record.get("start") or record.get("date")
    b = record.get("end") or record.get("date")
    if end and a and date_floor(a) > end:
        return False
    if start and b and date_ceiling(b) < start:
        return False
    return True


# Instruments that grant standing permission (no end date means open); any other authorization without an end
# date is read as ending with its start's year (Peru's entry authorizations are time-limited, at most a year).
STANDING_TYPES = ("AGREEMENT", "TREATY", "LEY", "CONSTITUTION")


class View:
    def __init__(self, store: Any) -> None:
        self.store = store
        self._kinds: dict[str, list[dict[str, Any]]] = {}
        self._by_id: dict[str, dict[str, Any]] = {}
        self._classification: list[dict[str, Any]] | None | bool = False
        self._summaries: dict[tuple[str, str, str | None], dict[str, Any]] = {}
        self._findings: list[dict[str, Any]] | None = None
        self.errors: list[str] = []

    # --- records -------------------------------------------------------------------------------------------

    def kind(self, kind: str) -> list[dict[str, Any]]:
        if kind not in self._kinds:
            rows = list(self.store.iter_data(kind))
            self._kinds[kind] = rows
            for r in rows:
                self._by_id[r["id"]] = r
        return self._kinds[kind]

    def get(self, record_id: str | None) -> dict[str, Any] | None:
        if not record_id:
            return None
        kind = record_id.split(":", 1)[0]
        self.kind(kind)
        return self._by_id.get(record_id)

    def label(self, record_id: str) -> str:
        r = self.get(record_id)
        if not r:
            return record_id
        if r["id"].startswith("instrument:") and r.get("number"):
            return f"{r.get('type', '')} {r['number']}".strip()
        if r["id"].startswith("bill:") and r.get("number"):
            return r.get("full_number") or r["number"]
        for name in ("name", "title", "subject", "number", "text"):
            if r.get(name):
                return str(r[name])
        if r.get("purpose"):  # an authorization without instrument nor bill: its purpose, shortened
            purpose = str(r["purpose"])
            return purpose if len(purpose) <= 70 else purpose[:67].rstrip() + "..."
        return record_id

    def interval(self, a: dict[str, Any]) -> tuple[str | None, str | None]:
        """An authorization's effective [start, end]: its own dates; else the date of the vote on its bill or of
        its instrument; an open end is the start's year end, unless the instrument is a standing one."""
        start, end = a.get("start"), a.get("end")
        instrument = self.get(a.get("instrument")) or {}
        if not start:
            bills = {a.get("bill"), instrument.get("bill")} - {None}
            dates = sorted(x["date"] for x in self.kind("vote") if x.get("bill") in bills and x.get("date"))
            start = dates[-1] if dates else instrument.get("published_date") or instrument.get("issued_date")
            if start and not end:
                end = start
        if start and not end and instrument.get("type") not in STANDING_TYPES:
            end = f"{start[:4]}-12-31"
        return start, end

    def effective(self, a: dict[str, Any]) -> dict[str, Any]:
        """The record's effective interval as a mapping (authorizations as :meth:`interval`; an activity that is
        over but has no end date is read as a single day)."""
        if a["id"].startswith("authorization:"):
            start, end = self.interval(a)
        else:
            start, end = a.get("start"), a.get("end")
            if start and not end and a.get("status") in ("completed", "cancelled"):
                end = start
        return {"start": start, "end": end}

    # --- citations -----------------------------------------------------------------------------------------

    def citation(self, record_id: str) -> dict[str, Any] | None:
        """The first source of a record with a URL, as ``{record, source_url, title, date}``."""
        r = self.get(record_id)
        if not r:
            return None
        for c in r.get("sources", []):
            src = self.get(c.get("source"))
            if src and src.get("url"):
                return {"record": record_id, "source_url": src["url"], "title": src.get("title") or self.label(
                    record_id), "date": src.get("date") or r.get("date") or r.get("issued_date")}
        if r["id"].startswith("source:") and r.get("url"):
            return {"record": record_id, "source_url": r["url"], "title": r.get("title"), "date": r.get("date")}
        return None

    def citations(self, record_ids: Iterable[str]) -> list[dict[str, Any]]:
        out, seen = [], set()
        for rid in record_ids:
            if rid in seen:
                continue
            seen.add(rid)
            c = self.citation(rid)
            if c:
                out.append(c)
        return out

    # --- places --------------------------------------------------------------------------------------------

    @cached_property
    def _place_names(self) -> dict[str, set[str]]:
        """Normalized name or alias -> place and site ids."""
        names: dict[str, set[str]] = {}
        for kind in ("place", "site"):
            for r in self.kind(kind):
                for n in [r.get("name", ""), *r.get("aliases", [])]:
                    if n:
                        names.setdefault(normalize(n), set()).add(r["id"])
        return names

    @cached_property
    def _children(self) -> dict[str, set[str]]:
        kids: dict[str, set[str]] = {}
        for r in self.kind("place"):
            if r.get("parent"):
                kids.setdefault(r["parent"], set()).add(r["id"])
        return kids

    def resolve(self, key: str) -> set[str]:
        """Place and site ids a place key names: exact names first, else names that contain the key."""
        exact = set(self._place_names.get(key, set()))
        if exact:
            return exact
        out: set[str] = set()
        for name, ids in self._place_names.items():
            if f" {key} " in f" {name} ":
                out |= ids
        return out

    def places_mentioned(self, norm: str) -> list[str]:
        """Names of the registry's places and sites (not countries) that a normalized question mentions."""
        countries = {r["id"] for r in self.kind("place") if r.get("level") == "country"}
        found = [name for name, ids in self._place_names.items()
                 if len(name) >= 4 and ids - countries and f" {name} " in f" {norm} "]
        return sorted(found, key=len, reverse=True)[:3]

    def linked_sites(self, visiting: str) -> set[str]:
        """Sites and temporary facilities tied to a visiting country: controlled by it, or used by its
        activities and facilities."""
        out = {s["id"] for s in self.kind("site") if s.get("controlled_by") == visiting}
        for a in self.kind("activity"):
            if visiting in a.get("visiting_countries", []):
                out |= set(a.get("sites", []))
        for f in self.kind("facility"):
            if f.get("visiting_country") == visiting:
                out.add(f["id"])
                if f.get("site"):
                    out.add(f["site"])
        return out

    def subtree(self, ids: Iterable[str]) -> set[str]:
        """Place ids and everything under them (provinces, districts, cities, facilities)."""
        todo, out = list(ids), set()
        while todo:
            pid = todo.pop()
            if pid in out:
                continue
            out.add(pid)
            todo.extend(self._children.get(pid, ()))
        return out

    def scope(self, keys: Iterable[str], host: str) -> tuple[set[str], set[str], list[str]]:
        """For place keys: (place ids under them, site ids in them, normalized names written) in ``host``."""
        keys = list(keys)
        if not keys:
            places = {r["id"] for r in self.kind("place") if r.get("country") == host}
            sites = {r["id"] for r in self.kind("site") if r.get("host_country") == host}
            return places, sites, []
        found: set[str] = set()
        for k in keys:
            found |= self.resolve(k)
        places = self.subtree(p for p in found if p.startswith("place:"))
        sites = {s for s in found if s.startswith("site:")}
        for r in self.kind("site"):
            if r.get("place") in places and r.get("host_country") == host:
                sites.add(r["id"])
        sites = {s for s in sites if (self.get(s) or {}).get("host_country") == host}
        return places, sites, keys

    def in_scope(self, record: dict[str, Any], places: set[str], sites: set[str], names: list[str]) -> bool:
        """Whether an authorization or activity names a place or site of the scope (or its text does)."""
        if not names:
            return True
        refs = set(record.get("places", [])) | set(record.get("sites", []))
        if record.get("place"):
            refs.add(record["place"])
        if record.get("site"):
            refs.add(record["site"])
        if refs & (places | sites):
            return True
        written = " ".join(normalize(w) for w in record.get("places_as_written", []))
        return any(f" {n} " in f" {written} " for n in names)

    def place_names(self, record: dict[str, Any]) -> list[str]:
        ids = list(record.get("places", [])) + list(record.get("sites", []))
        if ids:
            return [self.label(i) for i in ids]
        return list(record.get("places_as_written", []))

    # --- analysis ------------------------------------------------------------------------------------------

    def analysis(self) -> Any:
        """The ``footprint.analysis`` module, or None when it is not installed."""
        try:
            from .. import analysis
        except ImportError:
            return None
        return analysis if hasattr(analysis, "classify") else None

    @cached_property
    def frames(self) -> Any:
        """One read of the registry for every analysis call of this view."""
        a = self.analysis()
        if a is None or not hasattr(a, "load_frames"):
            return None
        return self._safe("load_frames", lambda: a.load_frames(self.store))

    def classification(self) -> list[dict[str, Any]] | None:
        """``classify(store)`` rows (the frozen ``classify --json`` shape), or None without the analysis."""
        if self._classification is False:
            a = self.analysis()
            rows = self._safe("classify", lambda: list(a.classify(self.store, frames=self.frames))) if a else None
            self._classification = rows
        return self._classification  # type: ignore[return-value]

    def summary(self, host: str, visiting: str, at: str | None = None) -> dict[str, Any] | None:
        """``country_summary(store, host=, visiting=, at=)``: the analysis' country-level verdict and why."""
        a = self.analysis()
        if a is None or not hasattr(a, "country_summary"):
            return None
        key = (host, visiting, at)
        if key not in self._summaries:
            self._summaries[key] = self._safe("country_summary", lambda: a.country_summary(
                self.store, host=host, visiting=visiting, at=at, frames=self.frames))
        return self._summaries[key]

    def presence(self, **query: Any) -> dict[str, Any] | None:
        """``presence(store, country=, place=, at=, start=, end=)``: the analysis' derived presence, or None."""
        a = self.analysis()
        if a is None or not hasattr(a, "presence"):
            return None
        return self._safe("presence", lambda: a.presence(self.store, frames=self.frames,
                                                         **{k: x for k, x in query.items() if x is not None}))

    def findings(self) -> list[dict[str, Any]]:
        a = self.analysis()
        if a is None or not hasattr(a, "check"):
            return []
        if self._findings is None:
            self._findings = self._safe("check", lambda: list(a.check(self.store, frames=self.frames))) or []
        return self._findings

    def _safe(self, what: str, call: Any) -> Any:
        """Run an analysis call; a failure there makes its result unavailable (the answer says so), never a
        crash of the answer. The error is kept in ``errors`` for the answer to report."""
        from ..errors import FootprintError

        try:
            return call()
        except FootprintError as exc:
            self.errors.append(f"{what}: {exc}")
        except Exception as exc:  # noqa: BLE001 - a bug below must not take the answers down
            self.errors.append(f"{what}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        return None

    def typology_roles(self) -> tuple[str, tuple[str, ...], str]:
        """(official typology name, its base categories, broad typology name), from the analysis' tables."""
        official, cats, broad = OFFICIAL_TYPOLOGY, OFFICIAL_BASE_CATEGORIES, BROAD_TYPOLOGY
        for t in typology_tables():
            if t.get("official"):
                official, cats = t["name"], tuple(t.get("base_categories") or cats)
            if t.get("broad"):
                broad = t["name"]
        return official, cats, broad

    def typology(self, name: str) -> dict[str, Any] | None:
        """The typology table that defines a category (``csl`` -> the US posture typology) or has that name."""
        name = name.lower()
        for t in typology_tables():
            if t["name"] == name or name in [c["name"].lower() for c in t.get("categories", [])]:
                return t
        return None


@lru_cache(maxsize=1)
def typology_tables() -> tuple[dict[str, Any], ...]:
    """The analysis' typology files (``footprint/analysis/typologies/*.toml``), read as data without importing the
    analysis engine (a definition question should not pay for loading it)."""
    import tomllib
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("footprint.analysis")
    if spec is None or not spec.submodule_search_locations:
        return ()
    folder = Path(list(spec.submodule_search_locations)[0]) / "typologies"
    out = []
    for path in sorted(folder.glob("*.toml")):
        try:
            out.append(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError):
            continue  # the analysis reports a broken typology file itself
    return tuple(t for t in out if isinstance(t.get("name"), str))


def today() -> str:
    return dt.date.today().isoformat()
