"""A plain-Python reference implementation of the engine, for the benchmark: same inputs (the tables as rows of
dicts), same rules and typologies (the data files), written with loops and dicts and no Polars.

It answers four questions the engine answers, in comparable shapes:

- ``presence_by_month``: {(YYYY-MM, basis): (person_days, peak personnel, records)};
- ``longest_chains``: {location: (from, to, rotations)};
- ``categories``: {(site, typology): category or None};
- ``findings``: sorted [(rule, records...)].
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from .compliance import load_rules
from .features import AGREEMENTS, AREA_TYPES, COOPERATION, INSTALLATION_TYPES
from .frames import Frames
from .typologies import Typology

Row = dict[str, Any]
DAY = dt.timedelta(days=1)
STARTED = {"established", "operating", "dismantled", "site_restored"}


def rows(frames: Frames) -> dict[str, list[Row]]:
    names = ("places", "sites", "instruments", "authorizations", "activities", "facilities", "counts", "votes",
             "bills", "funding", "facts")
    return {n: getattr(frames, n).to_dicts() for n in names}


def _end(a: Row) -> dt.date | None:
    """An ongoing activity with no end runs until today (as in the engine)."""
    return a["end"] if a["end"] is not None or a["status"] != "ongoing" else dt.date.today()


def _where(r: Row, host: str) -> list[str]:
    return list(r.get("sites") or []) or list(r["places"] or []) or [f"place:{host.lower()}"]


# --- presence -----------------------------------------------------------------------------------------------


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def intervals(t: dict[str, list[Row]]) -> list[tuple[str, str, dt.date | None, dt.date | None, int | None]]:
    out: list[tuple[str, str, dt.date | None, dt.date | None, int | None]] = []
    for a in t["authorizations"]:
        out.append((a["id"], "authorized", a["start"], a["end"], a["personnel"]))
    figured = set()
    for a in t["activities"]:
        if a["status"] == "cancelled":
            continue
        if a["planned"] is not None or a["observed"] is not None:
            figured.add(a["id"])
        for basis in ("planned", "observed"):
            if a[basis] is not None:
                out.append((a["id"], basis, a["start"], _end(a), a[basis]))
    for f in t["facilities"]:
        if f["personnel"] is not None and (f["activity"] is None or f["activity"] not in figured):
            basis = "observed" if f["status"] in STARTED else "planned"
            out.append((f["id"], basis, f["start"], f["end"], f["personnel"]))
    for c in t["counts"]:
        d = c["date"]
        start = {"quarter": _quarter_start(d) if d else None, "year": dt.date(d.year, 1, 1) if d else None,
                 "month": d.replace(day=1) if d else None}.get(c["period"], d)
        out.append((c["id"], c["category"], start, d, c["total"]))
    return out


def presence_by_month(t: dict[str, list[Row]]) -> dict[tuple[str, str], tuple[int, int, int]]:
    deltas: dict[tuple[str, str], dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    days: dict[tuple[str, str], int] = defaultdict(int)
    records: dict[tuple[str, str], int] = defaultdict(int)
    for _record, basis, start, end, personnel in intervals(t):
        if start is None or end is None or personnel is None:
            continue
        month = start.replace(day=1)
        while month <= end:
            following = (month + dt.timedelta(days=32)).replace(day=1)
            lo, hi = max(start, month), min(end, following - DAY)
            key = (month.strftime("%Y-%m"), basis)
            days[key] += personnel * ((hi - lo).days + 1)
            records[key] += 1
            deltas[key][lo] += personnel
            deltas[key][hi + DAY] -= personnel
            month = following
    out = {}
    for key, events in deltas.items():
        level = best = 0
        for day in sorted(events):
            level += events[day]
            best = max(best, level)
        out[key] = (days[key], best, records[key])
    return out


# --- continuity ---------------------------------------------------------------------------------------------


def presences(t: dict[str, list[Row]]) -> list[tuple[str, str, dt.date, dt.date]]:
    out: list[tuple[str, str, dt.date, dt.date]] = []
    for a in t["activities"]:
        end = _end(a)
        if a["status"] != "cancelled" and a["start"] is not None and end is not None:
            out += [(loc, a["id"], a["start"], end) for loc in _where(a, a["host"])]
    for f in t["facilities"]:
        if f["start"] is not None and f["end"] is not None:
            loc = f["site"] or f["place"] or f"place:{f['host'].lower()}"
            out.append((loc, f["id"], f["start"], f["end"]))
    return out


def chains(items: list[tuple[str, str, dt.date, dt.date]], max_gap_days: int = 30
           ) -> dict[str, list[tuple[dt.date, dt.date, int, list[str]]]]:
    by_loc: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for loc, record, start, end in items:
        by_loc[loc].append((start, end, record))
    out: dict[str, list[tuple[dt.date, dt.date, int, list[str]]]] = {}
    for loc, spans in by_loc.items():
        spans.sort()
        result: list[tuple[dt.date, dt.date, int, list[str]]] = []
        cur_start, cur_end, n, recs = spans[0][0], spans[0][1], 1, [spans[0][2]]
        for start, end, record in spans[1:]:
            if (start - cur_end).days - 1 > max_gap_days:
                result.append((cur_start, cur_end, n, recs))
                cur_start, cur_end, n, recs = start, end, 1, [record]
            else:
                cur_end, n = max(cur_end, end), n + 1
                recs.append(record)
        result.append((cur_start, cur_end, n, recs))
        out[loc] = result
    return out


def longest_chains(t: dict[str, list[Row]], max_gap_days: int = 30) -> dict[str, tuple[dt.date, dt.date, int]]:
    out = {}
    for loc, found in chains(presences(t), max_gap_days).items():
        best = min(found, key=lambda c: (-((c[1] - c[0]).days + 1), c[0]))
        out[loc] = (best[0], best[1], best[2])
    return out


# --- classification -----------------------------------------------------------------------------------------


def _lt(a: Any, b: Any) -> bool:
    """``a < b`` when both are known (the engine's three-valued logic: unknown never counts as a finding)."""
    return a is not None and b is not None and a < b


def _first(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def site_features(t: dict[str, list[Row]]) -> list[Row]:
    facts = {f["id"]: f for f in t["facts"]}
    parents = {p["id"]: p["parent"] for p in t["places"]}
    acts = [a for a in t["activities"] if a["status"] != "cancelled"]
    coop, used, busy = set(), set(), set()
    for a in acts:
        for s in a["sites"] or []:
            busy.add(s)
            if a["purpose"] in COOPERATION:
                coop.add(s)
            if a["authorizations"]:
                used.add(s)
    types = {i["id"]: i["type"] for i in t["instruments"]}
    agreement_places, direct_places = set(), set()
    for a in t["authorizations"]:
        if types.get(a["instrument"]) in AGREEMENTS:
            agreement_places |= set(a["places"] or [])
        elif a["end"] is not None:
            direct_places |= set(a["places"] or [])
    funded = {f["site"] for f in t["funding"]}
    site_place = {s["id"]: s["place"] for s in t["sites"]}
    best = longest_chains(t)
    site_rows = chains(presences(t))

    def ancestors(place: str | None) -> set[str]:
        out = set()
        while place is not None and place not in out:
            out.add(place)
            place = parents.get(place)
        return out

    out = []
    for s in t["sites"]:
        f = facts.get(s["id"], {})
        installation = True if s["site_type"] in INSTALLATION_TYPES else False if s["site_type"] in AREA_TYPES else None
        foreign = _first(f.get("fact_foreign_controlled"),
                         (s["controlled_by"] != s["host"]) if s["controlled_by"] is not None else None,
                         True if s["site_type"] == "foreign_facility" else None)
        personnel = f.get("fact_permanent_foreign_personnel")
        unit = _first(f.get("fact_permanent_unit"), (personnel > 0) if personnel is not None else None,
                      True if s["tenants"] else None)
        rotations = best.get(s["id"], (None, None, None))[2] if s["id"] in site_rows else None
        places = ancestors(s["place"]) | {s["id"]}
        out.append({
            "id": s["id"], "installation": installation, "foreign_controlled": foreign,
            "permanent_personnel": personnel, "permanent_unit": unit,
            "family_support": f.get("fact_family_support"),
            "prepositioned_equipment": f.get("fact_prepositioned_equipment"),
            "command_and_control": f.get("fact_command_and_control"),
            "foreign_infrastructure": _first(f.get("fact_foreign_infrastructure"), f.get("fact_foreign_owned"),
                                             f.get("fact_foreign_maintained"),
                                             True if s["site_type"] == "foreign_facility" else None),
            "foreign_funded": _first(f.get("fact_foreign_funded"),
                                     True if s["id"] in funded or s["site_type"] == "funded_facility" else None),
            "rotations": rotations,
            "security_cooperation": _first(f.get("fact_security_cooperation"), True if s["id"] in coop else
                                           False if s["id"] in busy else None),
            "standing_agreement": _first(f.get("fact_standing_agreement"), f.get("fact_basing_agreement"),
                                         f.get("fact_access_agreement"),
                                         True if places & agreement_places else None),
            "time_limited_use": _first(f.get("fact_time_limited_use"),
                                       True if s["id"] in used or s["place"] in direct_places else None),
            "activity_bound": _first(f.get("fact_activity_bound"), f.get("fact_temporary"), False),
            "dismantled": f.get("fact_dismantled"),
        })
    for fac in t["facilities"]:
        f = facts.get(fac["id"], {})
        around = {fac["id"]} | ancestors(fac["place"])
        if fac["site"]:
            around |= {fac["site"]} | ancestors(site_place.get(fac["site"]))
        personnel = _first(f.get("fact_permanent_foreign_personnel"), 0.0 if fac["activity"] else None)
        out.append({
            "id": fac["id"], "installation": True, "foreign_controlled": f.get("fact_foreign_controlled"),
            "permanent_personnel": personnel,
            "permanent_unit": _first(f.get("fact_permanent_unit"), (personnel > 0) if personnel is not None else None),
            "family_support": f.get("fact_family_support"),
            "prepositioned_equipment": f.get("fact_prepositioned_equipment"),
            "command_and_control": f.get("fact_command_and_control"),
            "foreign_infrastructure": _first(f.get("fact_foreign_infrastructure"), f.get("fact_foreign_owned"),
                                             f.get("fact_foreign_maintained")),
            "foreign_funded": _first(f.get("fact_foreign_funded"), True if fac["id"] in funded else None),
            "rotations": best[fac["id"]][2] if fac["id"] in best else None,
            "security_cooperation": _first(f.get("fact_security_cooperation"), True if fac["id"] in coop else
                                           False if fac["id"] in busy else None),
            "standing_agreement": _first(f.get("fact_standing_agreement"), f.get("fact_basing_agreement"),
                                         f.get("fact_access_agreement"), True if around & agreement_places else None),
            "time_limited_use": _first(f.get("fact_time_limited_use"), True if fac["id"] in used else None),
            "activity_bound": _first(f.get("fact_activity_bound"), f.get("fact_temporary"),
                                     True if fac["activity"] else None),
            "dismantled": _first(f.get("fact_dismantled"), True if fac["dismantled"] is not None else None),
        })
    return out


_OPS: dict[str, Callable[[Any, Any], bool]] = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "true": lambda a, b: a is True,
        "false": lambda a, b: a is False, "between": lambda a, b: b[0] <= a <= b[1], "in": lambda a, b: a in b}


def categories(t: dict[str, list[Row]], typologies: tuple[Typology, ...]) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for site in site_features(t):
        for typ in typologies:
            status = {}
            for c in typ.criteria.values():
                value = site[c.feature]
                status[c.name] = "unknown" if value is None else "met" if _OPS[c.op](value, c.value) else "not_met"
            found = None
            for cat in typ.categories:
                got = [status[c] for c in cat.criteria]
                if cat.match == "all":
                    met = all(s == "met" for s in got)
                else:
                    met = any(s == "met" for s in got)
                if met:
                    found = cat.name
                    break
            out[(site["id"], typ.name)] = found
    return out


# --- compliance ---------------------------------------------------------------------------------------------


def findings(t: dict[str, list[Row]], jurisdiction: str, at: dt.date, hosts: str | None = None
             ) -> list[tuple[str, ...]]:
    rules = load_rules(jurisdiction)
    cc = hosts or rules["jurisdiction"]

    def mine(r: Row) -> bool:
        return cc == "*" or r["host"] == cc

    types = {i["id"]: i["type"] for i in t["instruments"]}
    auths = {a["id"]: a for a in t["authorizations"] if mine(a)}
    acts = [a for a in t["activities"] if mine(a) and a["status"] != "cancelled"
            and (a["start"] is None or a["start"] <= at)]
    parents = {p["id"]: p["parent"] for p in t["places"]}
    site_place = {s["id"]: s["place"] for s in t["sites"]}

    def ancestors(loc: str) -> set[str]:
        out, place = set(), site_place.get(loc, loc)
        while place is not None and place not in out:
            out.add(place)
            place = parents.get(place)
        return out | {loc}

    modified_by: dict[str, set[str]] = defaultdict(set)
    for i in t["instruments"]:
        for m in i["modifies"] or []:
            modified_by[m].add(i["type"])
    out: list[tuple[str, ...]] = []
    for rule in rules["rules"]:
        rid, check = rule["id"], rule["check"]
        if check == "instrument_type":
            for a in auths.values():
                if a["armed"] == rule["armed"] and types.get(a["instrument"]) and \
                        types[a["instrument"]] not in rule["allowed"]:
                    out.append((rid, a["id"], a["instrument"]))
            for act in acts:
                linked = [auths[x] for x in act["authorizations"] if x in auths]
                kinds = [types.get(a["instrument"]) for a in linked]
                if act["armed"] == rule["armed"] and linked and any(kinds) and \
                        not any(k in rule["allowed"] for k in kinds):
                    out.append((rid, act["id"], *[a["id"] for a in linked]))
        elif check == "required_fields":
            for a in auths.values():
                if types.get(a["instrument"]) in rule["instrument_types"] and any(a[f] is None for f in rule["fields"]):
                    out.append((rid, *[x for x in (a["id"], a["instrument"]) if x]))
        elif check in ("within_dates", "date_change", "within_places", "within_cap", "purpose_match"):
            for act in acts:
                linked = [auths[x] for x in act["authorizations"] if x in auths]
                if not linked:
                    continue
                found = _activity_check(rule, act, linked, types, modified_by, ancestors)
                out += [(rid, *f) for f in found]
        elif check == "unauthorized_activity":
            out += [(rid, a["id"]) for a in acts if not a["authorizations"]]
        elif check == "missing":
            table = auths.values() if rule["table"] == "authorizations" else acts
            out += [(rid, r["id"]) for r in table if r[rule["field"]] is None]
        elif check == "voted_not_published":
            out += _unpublished(t, rule, at, rid)
    return sorted(out)


def _activity_check(rule: Row, act: Row, linked: list[Row], types: dict[str, str],
                    modified_by: dict[str, set[str]], ancestors: Any) -> list[tuple[str, ...]]:
    check = rule["check"]
    ids = [a["id"] for a in linked]
    if check == "within_dates":
        plain = [a for a in linked if a["date_change_allowed_by"] is None and "RS" not in modified_by[a["instrument"]]]
        starts = [a["start"] for a in plain if a["start"] is not None]
        ends = [a["end"] for a in plain if a["end"] is not None]
        if plain and (_lt(act["start"], min(starts, default=None)) or _lt(max(ends, default=None), act["end"])):
            return [(act["id"], *[a["id"] for a in plain])]
        return []
    if check == "date_change":
        out = []
        if act["date_changed_by"] is not None and types.get(act["date_changed_by"]) not in rule["allowed"]:
            out.append(tuple(x for x in (act["id"], act["date_changed_by"]) if x))
        if act["date_changed_by"] is None:
            for a in linked:
                if a["date_change_allowed_by"] is not None and \
                        not modified_by[a["instrument"]] & set(rule["allowed"]) and \
                        (_lt(act["start"], a["start"]) or _lt(a["end"], act["end"])):
                    out.append((act["id"], a["id"]))
        return out
    if check == "within_places":
        allowed = {p for a in linked if a["places"] for p in a["places"]}
        if not any(a["places"] for a in linked):
            return []
        outside = [loc for loc in (act["sites"] or []) + (act["places"] or []) if not ancestors(loc) & allowed]
        return [(act["id"], *[a["id"] for a in linked if a["places"]])] if outside else []
    if check == "within_cap":
        personnel = _first(act["observed"], act["planned"])
        caps = [a["personnel"] for a in linked]
        if personnel is not None and None not in caps and personnel > sum(caps):
            return [(act["id"], *ids)]
        return []
    if check == "purpose_match":
        purposes = {a["purpose"] for a in linked}
        if act["purpose"] != "other" and "other" not in purposes and act["purpose"] not in purposes:
            return [(act["id"], *ids)]
    return []


def _unpublished(t: dict[str, list[Row]], rule: Row, at: dt.date, rid: str) -> list[tuple[str, ...]]:
    published = {i["id"] for i in t["instruments"] if i["published"] is True or i["published_date"] is not None}
    enacted = {i["bill"] for i in t["instruments"] if i["id"] in published and i["bill"]}
    enacted |= {b["id"] for b in t["bills"] if b["enacted_as"] in published}
    grace = dt.timedelta(days=int(rule.get("grace_days", 0)))
    votes: dict[str, list[str]] = defaultdict(list)
    for v in t["votes"]:
        if v["result"] == "approved" and v["bill"] and v["date"] + grace < at and v["bill"] not in enacted:
            votes[v["bill"]].append(v["id"])
    out = [(rid, bill, *sorted(ids)) for bill, ids in votes.items()]
    out += [(rid, i["id"]) for i in t["instruments"] if i["published"] is False and i["type"] in ("RL", "LEY")]
    return out
