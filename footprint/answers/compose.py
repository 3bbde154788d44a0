"""Answers composed from the registry and the analysis results: a direct answer, the nuance, the references.

Each intent has a composer ``(view, slots, lang) -> Composition``; composers select records, turn them into
language-free facts (:mod:`footprint.answers.facts`),
and the direct answer is a template filled from those facts.
Nothing here is canned: with an empty registry every answer says the registry holds nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import facts as F
from . import i18n, lexicon
from .evidence import View, overlaps, year_window
from .understand import normalize


@dataclass
class Composition:
    direct: str
    verdict: str | None = None
    facts: list[dict[str, Any]] = field(default_factory=list)


# --- slot helpers -------------------------------------------------------------------------------------------


def window(slots: dict[str, Any], default_now: bool = False) -> tuple[str | None, str | None, str]:
    """(start, end, kind) of the time a question asks about; kind is date/year/range/now/none."""
    if slots.get("date"):
        return slots["date"], slots["date"], "date"
    if slots.get("month"):
        from ..model import date_ceiling

        return f"{slots['month']}-01", date_ceiling(slots["month"]), "range"
    years = slots.get("years")
    if years:
        return year_window(min(years))[0], year_window(max(years))[1], "year" if len(years) == 1 else "range"
    if slots.get("now") or default_now:
        today = dt.date.today().isoformat()
        return today, today, "now"
    return None, None, "none"


def when_text(slots: dict[str, Any], lang: str, default_now: bool = False) -> str:
    start, end, kind = window(slots, default_now)
    if kind == "year":
        return " " + i18n.t("when.year", lang, year=start[:4])  # type: ignore[index]
    if kind in ("date", "now"):
        return " " + i18n.t("when.date", lang, date=i18n.date_text(start, lang))
    if kind == "range":
        return " " + i18n.t("when.range", lang, start=i18n.date_text(start, lang), end=i18n.date_text(end, lang))
    return ""


def event_match(record: dict[str, Any], events: list[str]) -> bool:
    if not events:
        return True
    text = normalize(" ".join(str(record.get(k) or "") for k in ("name", "series", "purpose", "notes", "title",
                                                                  "subject")))
    return any(any(f" {w} " in f" {text} " for w in lexicon.EVENT_KEYWORDS.get(e, (e,))) for e in events)


def _instrument_match(v: View, a: dict[str, Any], slots: dict[str, Any]) -> bool:
    bills, instruments = slots.get("bills", []), slots.get("instruments", [])
    if not bills and not instruments:
        return True
    inst = v.get(a.get("instrument")) or {}
    bill = v.get(a.get("bill") or inst.get("bill")) or {}
    numbers = {str(inst.get("number") or "").split("-")[0].lstrip("0"), str(bill.get("number") or "")}
    wanted = {b.lstrip("0") for b in bills} | {i["number"].lstrip("0") for i in instruments}
    return bool(numbers & wanted)


def authorizations(v: View, slots: dict[str, Any], default_now: bool = False) -> list[dict[str, Any]]:
    start, end, _ = window(slots, default_now)
    host = slots.get("host", "PE")
    visiting = slots.get("visiting")
    places, sites, names = v.scope(slots.get("places", []), host)
    events = slots.get("events", [])
    linked = {aid for act in v.kind("activity") if event_match(act, events) for aid in act.get("authorizations", [])}
    out = []
    for a in v.kind("authorization"):
        if a.get("host_country") != host or (visiting and a.get("visiting_country") != visiting):
            continue
        if not overlaps(v.effective(a), start, end) or not v.in_scope(a, places, sites, names):
            continue
        if events and not (event_match(a, events) or a["id"] in linked
                           or event_match(v.get(a.get("instrument")) or {}, events)):
            continue
        if not _instrument_match(v, a, slots):
            continue
        out.append(a)
    return sorted(out, key=lambda a: (a.get("start") or "", a["id"]))


def activities(v: View, slots: dict[str, Any], default_now: bool = False) -> list[dict[str, Any]]:
    start, end, _ = window(slots, default_now)
    host = slots.get("host", "PE")
    places, sites, names = v.scope(slots.get("places", []), host)
    visiting = slots.get("visiting")
    out = [a for a in v.kind("activity")
           if a.get("host_country") == host and overlaps(v.effective(a), start, end)
           and v.in_scope(a, places, sites, names)
           and event_match(a, slots.get("events", [])) and a.get("status") != "cancelled"
           and (not visiting or not a.get("visiting_countries") or visiting in a["visiting_countries"])]
    return sorted(out, key=lambda a: (a.get("start") or "", a["id"]))


def _tenant(v: View, site: dict[str, Any]) -> dict[str, Any]:
    """A host facility with a permanent foreign unit inside (tenants are names or site ids)."""
    ids = [t for t in site["tenants"] if ":" in t]
    return {"type": "tenant", "record": site["id"], "records": [site["id"], *ids], "name": site.get("name"),
            "tenants": [v.label(t) if ":" in t else t for t in site["tenants"]]}


def _with_votes(v: View, auths: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for a in auths:
        out.append(F.authorization(v, a))
        for vote in F.votes_for(v, a):
            if vote["record"] not in {f["record"] for f in out}:
                out.append(vote)
    return out


# --- composers ----------------------------------------------------------------------------------------------


def base_verdict(rows: list[dict[str, Any]] | None, official: str = "us_global_defense_posture",
                 base_categories: tuple[str, ...] = ("MOB", "FOS"),
                 broad: str = "broad_foreign_installation") -> tuple[str, list[str], list[str]]:
    """The headline verdict from ``classify`` rows, as the analysis' country summary decides it: (verdict, sites
    meeting an official base category,
    sites meeting the broad reading). ``base`` / ``depends_on_definition`` /
    ``no_base`` (every site known to meet neither) / ``unknown`` (no sites, or undetermined criteria)."""
    if not rows:
        return "unknown", [], []
    based, broadly, all_not = [], [], True
    for row in rows:
        for res in row.get("results", []):
            cats = res.get("categories")
            missing = "not_met" if cats is not None else "unknown"  # an older shape without per-category status
            if cats is None:
                cats = {res["category"]: "met"} if res.get("category") else {}
            if res.get("typology") == official:
                statuses = [cats.get(c, missing) for c in base_categories]
            elif res.get("typology") == broad:
                statuses = list(cats.values()) or ["unknown"]
            else:
                continue
            if "met" in statuses:
                (based if res.get("typology") == official else broadly).append(row["site"])
            if any(x != "not_met" for x in statuses):
                all_not = False
    if based:
        return "base", based, broadly
    if broadly:
        return "depends_on_definition", based, broadly
    return ("no_base" if all_not else "unknown"), based, broadly


def _classification_fact(v: View, site: str, name: str, met: dict[str, str]) -> dict[str, Any]:
    official, _, broad = v.typology_roles()
    labels = {}
    for typ, cat in met.items():
        table = v.typology(typ) or {}
        labels[typ] = next((c.get("label", cat) for c in table.get("categories", []) if c["name"] == cat), cat)
    record = v.get(site) or {}
    inside = [t for t in record.get("tenants", []) if ":" in t]
    return {"type": "classification", "record": site, "records": [site, *inside], "name": name, "categories": met,
            "labels": labels, "official": met.get(official), "broad": broad in met,
            "through": [v.label(t) for t in inside], "historical": F.history(record)}


def _ordered(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Official categories first, then the broad reading, then the other typologies; by name within each."""
    return sorted(facts, key=lambda f: (not f["official"], not f["broad"], -len(f["categories"]), f["name"]))


def _classification_facts(v: View, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        met = {res["typology"]: res["category"] for res in row.get("results", []) if res.get("category")}
        if met:
            out.append(_classification_fact(v, row["site"], row.get("name") or v.label(row["site"]), met))
    return _ordered(out)


def _summary_facts(v: View, summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Classification facts from ``country_summary``: each site with the categories it meets."""
    met: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    for t in summary["typologies"]:
        for c in t["categories"]:
            for site in c["sites"]:
                met.setdefault(site["site"], {})[t["typology"]] = c["category"]
                names[site["site"]] = site.get("name") or v.label(site["site"])
    return _ordered([_classification_fact(v, sid, names[sid], cats) for sid, cats in met.items()])


def compose_base(v: View, slots: dict[str, Any], lang: str) -> Composition:
    host, visiting = slots.get("host", "PE"), slots.get("visiting", "US")
    keys = [k for k in slots.get("places", []) if lexicon.PLACE_COUNTRY.get(k, "PE") == host or host != "PE"]
    places, sites, names = v.scope(keys, host)
    scope_name = v.label(sorted(v.resolve(keys[0]))[0]) if keys and v.resolve(keys[0]) else \
        (keys[0].title() if keys else i18n.country(host, lang))
    scope = i18n.t("scope.place" if keys else "scope.country", lang, name=scope_name)
    if visiting != "US":  # the analysis' summary covers all of the host's sites: keep those tied to this country
        sites &= v.linked_sites(visiting)
    official, cats, broad = v.typology_roles()
    at = window(slots)[1] if window(slots)[2] != "none" else None
    summary = v.summary(host, visiting, at) if not keys and visiting == "US" else None
    rows = v.classification() if summary is None else None
    scoped = None if rows is None else [r for r in rows if r.get("site") in sites]
    if summary is not None:
        verdict = summary["verdict"]
        based = [s["site"] for t in summary["typologies"] if t["official"] for c in t["categories"] if c["base"]
                 for s in c["sites"]]
        broadly = [s["site"] for t in summary["typologies"] if t["broad"] for c in t["categories"]
                   for s in c["sites"]]
        fs = _summary_facts(v, summary)
    else:
        verdict, based, broadly = base_verdict(scoped, official, cats, broad)
        fs = _classification_facts(v, scoped or [])
    for sid in sorted(sites):
        site = v.get(sid) or {}
        if site.get("tenants") and not any(f["record"] == sid for f in fs):
            fs.append(_tenant(v, site))
        lab = F.labels(site)
        if lab:
            if ":" in str(lab.get("by")):  # the dataset that coded the site, by its title
                lab["records"].append(lab["by"])
                lab["by"] = v.label(lab["by"])
            fs.append(lab)
        elif keys and not any(f["record"] == sid for f in fs):
            fs.append(F.site(site))
    if summary is not None and summary.get("permanent_personnel"):
        count = v.get(summary["permanent_personnel"]["record"])
    else:
        count = None if keys else F.latest_count(v, visiting, host, at)
    if count:
        fs.append(F.permanent(count))
    in_force = [v.get(a["record"]) for a in summary["authorizations_in_force"]] if summary else \
        authorizations(v, {**slots, "now": True})
    fs += [F.authorization(v, a) for a in in_force if a]
    for surge in (summary or {}).get("past_surges", [])[:3]:
        rec = v.get(surge["record"])
        if rec and not any(f.get("record") == rec["id"] for f in fs):
            fs.append(F.activity(v, rec) if rec["id"].startswith("activity:") else F.authorization(v, rec))
    for p in v.kind("procurement"):
        if p.get("site") in sites:
            fs.append(F.procurement(p))
    if verdict == "unknown":
        reason = ("reason.no_classification" if rows is None and summary is None else
                  "reason.no_linked" if not sites and visiting != "US" else
                  "reason.no_records" if not sites else
                  "reason.undetermined")
        if keys and not sites and authorizations(v, {k: x for k, x in slots.items() if k not in ("now",)}):
            verdict = "no_base"  # only time-limited visits are on record there: no site at all
        else:
            why = i18n.t(reason, lang, country=i18n.country(visiting, lang))
            return Composition(i18n.t("verdict.unknown", lang, scope=scope, reason=why), verdict, fs)
    names_of = F.render_groups(F.qualifying(v, based or broadly), lang)
    direct = i18n.t(f"verdict.{verdict}", lang, scope=scope, cats=" / ".join(cats), names=names_of)
    return Composition(direct, verdict, fs)


def _figure(fs: list[dict[str, Any]], lang: str, permanent: bool = False) -> str:
    for f in fs if permanent else ():
        if f["type"] == "permanent_personnel":
            return i18n.t("figure.permanent", lang, n=i18n.number(f.get("active_duty")),
                          date=i18n.date_text(f.get("date"), lang))
    for f in fs:
        if f["type"] == "activity" and f.get("personnel_observed") is not None:
            return i18n.t("figure.observed", lang, n=i18n.number(f["personnel_observed"]), name=f["name"])
    for f in fs:
        if f["type"] == "authorization" and f.get("personnel") is not None:
            label = f.get("label") or f["record"]
            return i18n.t("figure.cap", lang, n=i18n.number(f["personnel"]), instrument=label)
    for f in fs:
        if f["type"] == "activity" and f.get("personnel_planned") is not None:
            return i18n.t("figure.planned", lang, n=i18n.number(f["personnel_planned"]), name=f["name"])
    for f in fs:
        if f["type"] == "permanent_personnel":
            return i18n.t("figure.permanent", lang, n=i18n.number(f.get("active_duty")),
                          date=i18n.date_text(f.get("date"), lang))
    return i18n.t("figure.none", lang)


def compose_personnel(v: View, slots: dict[str, Any], lang: str) -> Composition:
    visiting = slots.get("visiting", "US")
    fs = [F.activity(v, a) for a in activities(v, slots)] if slots.get("events") else []
    fs += [F.authorization(v, a) for a in authorizations(v, slots, default_now=not slots.get("events"))]
    if not slots.get("events"):
        start, end, _ = window(slots, default_now=True)
        count = F.latest_count(v, visiting, slots.get("host", "PE"), end)
        if count:
            fs.append(F.permanent(count))
        total = sum(f.get("personnel") or 0 for f in fs if f["type"] == "authorization")
        if total:
            fs.insert(0, {"type": "total_authorized", "records": [f["record"] for f in fs
                                                                  if f["type"] == "authorization"],
                          "personnel": total, "from": start, "to": end})
    derived = None if slots.get("events") else _presence_fact(v, slots, fs)
    if derived:
        fs.append(derived)
    if slots.get("events"):
        what = i18n.t("what.event", lang, visiting=i18n.adjective(visiting, lang),
                      event=i18n.join([e.upper() if len(e) <= 5 else e.title() for e in slots["events"]], lang))
    else:
        what = i18n.t("what.period", lang, visiting=i18n.adjective(visiting, lang),
                      when=when_text(slots, lang, default_now=True).strip())
    figure = _figure(fs, lang, permanent=bool(slots.get("permanent")))
    if derived and not slots.get("events") and not slots.get("permanent"):
        figure = i18n.t("figure.derived", lang, list="; ".join(
            i18n.t("figure.peak", lang, basis=i18n.pick(i18n.BASES, b, lang), n=i18n.number(x["peak_personnel"]))
            for b, x in derived["totals"].items()))
    return Composition(i18n.t("direct.personnel", lang, what=what, figure=figure), None,
                       [f for f in fs if f["type"] != "total_authorized"] + [f for f in fs
                                                                             if f["type"] == "total_authorized"])


def _presence_fact(v: View, slots: dict[str, Any], fs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The analysis' derived presence over the question's window (or the span of the facts found): peak
    personnel and person-days per basis (authorized, planned, observed, permanent), never summed together."""
    start, end, kind = window(slots, default_now=not slots.get("events"))
    if slots.get("events"):
        spans = [(f.get("start"), f.get("end")) for f in fs if f["type"] in ("activity", "authorization")]
        starts = [a for a, _ in spans if a]
        ends = [b for _, b in spans if b]
        if not starts or not ends:
            return None
        start, end = min(starts), max(ends)
    if not start or not end:
        return None
    places = [p for k in slots.get("places", []) for p in sorted(v.resolve(k)) if p.startswith("place:")][:1]
    result = v.presence(country=slots.get("visiting", "US"), place=places[0] if places else None,
                        start=start[:10], end=end[:10])
    if not result or not result.get("totals"):
        return None
    if slots.get("events"):  # only the rows of the records the event matched
        wanted = {r for f in fs for r in f.get("records", [])}
        rows = [r for r in result["rows"] if set(r.get("records", [])) & wanted]
    else:
        rows = result["rows"]
    totals: dict[str, dict[str, Any]] = {}
    for r in rows:
        t = totals.setdefault(r["basis"], {"peak_personnel": 0, "person_days": 0})
        t["peak_personnel"] = max(t["peak_personnel"], r.get("personnel") or 0)
        t["person_days"] += r.get("person_days") or 0
    if slots.get("events") is None or not slots.get("events"):
        totals = {b: {"peak_personnel": x.get("peak_personnel"), "person_days": x.get("person_days")}
                  for b, x in result["totals"].items()}
    if not totals:
        return None
    return {"type": "presence_totals", "records": sorted({x for r in rows for x in r.get("records", [])}),
            "from": start[:10], "to": end[:10], "totals": totals}


def compose_authorization(v: View, slots: dict[str, Any], lang: str, votes_first: bool = False) -> Composition:
    start, end, kind = window(slots)
    auths = authorizations(v, slots)
    if kind != "none":  # "who authorized ... in 2023": granted in that period, not merely still in force
        auths = [a for a in auths if overlaps({"start": v.interval(a)[0], "end": v.interval(a)[0]}, start, end)]
    if not auths and not any(k in slots for k in ("years", "date", "month", "bills", "instruments", "events")):
        latest = max((a.get("start") or "" for a in v.kind("authorization")
                      if a.get("host_country") == slots.get("host", "PE")), default="")
        if latest:
            auths = authorizations(v, {**slots, "years": [int(latest[:4])]})
    fs = _with_votes(v, auths)
    when = when_text(slots, lang)
    if votes_first:
        votes = [f for f in fs if f["type"] == "vote"]
        if not votes:
            return Composition(i18n.t("direct.vote.none", lang, when=when), None, fs)
        items = [i18n.t("vote.short", lang, subject=f"PL {f['bill']}" if f.get("bill") else f["record"],
                        yes=f["yes"], no=f["no"], abstain=f["abstain"], date=i18n.date_text(f["date"], lang))
                 for f in votes]
        return Composition(i18n.t("direct.vote", lang, list="; ".join(items)), None, fs)
    if not auths:
        return Composition(i18n.t("direct.authorization.none", lang, when=when), None, fs)
    items = []
    for f in fs:
        if f["type"] != "authorization":
            continue
        label = f.get("label") or f["record"]
        by = {"RL": ("el Congreso", "Congress"), "RM": ("el Ministro de Defensa", "the Minister of Defence"),
              "RS": ("el Ejecutivo", "the Executive")}.get((label or "").split(" ")[0])
        items.append(f"{label}" + (f" ({by[0] if lang == 'es' else by[1]})" if by else ""))
        votes = [x for x in F.votes_for(v, v.get(f["record"]) or {})]
        for x in votes:
            items[-1] += (f", {x['yes']}-{x['no']}-{x['abstain']}")
    return Composition(i18n.t("direct.authorization", lang, n=len(auths), when=when,
                              list="; ".join(dict.fromkeys(items))), None, fs)


def compose_vote(v: View, slots: dict[str, Any], lang: str) -> Composition:
    return compose_authorization(v, slots, lang, votes_first=True)


def compose_where(v: View, slots: dict[str, Any], lang: str) -> Composition:
    fs = [F.authorization(v, a) for a in authorizations(v, slots, default_now=True)]
    fs += [F.activity(v, a) for a in activities(v, slots, default_now=True)]
    names = list(dict.fromkeys(n for f in fs for n in f["places"]))
    for s in v.kind("site"):
        if s.get("tenants") and s.get("host_country") == slots.get("host", "PE") and not s.get("end"):
            fs.append(_tenant(v, s))
            names.append(s.get("name", s["id"]))
    when = when_text(slots, lang, default_now=True)
    return Composition(i18n.t("direct.where", lang, when=when, list=i18n.join(names, lang) or "-"), None, fs)


def compose_doing(v: View, slots: dict[str, Any], lang: str) -> Composition:
    fs = [F.authorization(v, a) for a in authorizations(v, slots, default_now=not slots.get("events"))]
    fs += [F.activity(v, a) for a in activities(v, slots, default_now=not slots.get("events"))]
    purposes = list(dict.fromkeys(i18n.purpose(f.get("purpose_category"), lang) for f in fs
                                  if f["type"] == "authorization"))
    purposes += [f["name"] for f in fs if f["type"] == "activity"]
    when = when_text(slots, lang, default_now=not slots.get("events"))
    return Composition(i18n.t("direct.doing", lang, when=when, list=i18n.join(purposes, lang) or "-"), None, fs)


def compose_presence(v: View, slots: dict[str, Any], lang: str) -> Composition:
    visiting = slots.get("visiting", "US")
    start, end, kind = window(slots, default_now=True)
    fs: list[dict[str, Any]] = []
    count = F.latest_count(v, visiting, slots.get("host", "PE"), end)
    parts = []
    if count and not slots.get("places"):
        fs.append(F.permanent(count))
        parts.append(i18n.t("presence.permanent", lang, n=i18n.number(count.get("active_duty"))))
    auths = [F.authorization(v, a) for a in authorizations(v, slots, default_now=True)]
    if auths:
        fs += auths
        caps = [a["personnel"] for a in auths if a.get("personnel") is not None]
        parts.append(i18n.t("presence.auths", lang, n=len(auths), cap=i18n.number(sum(caps)) if caps else "?"))
    acts = [F.activity(v, a) for a in activities(v, slots, default_now=True)]
    if acts:
        fs += acts
        parts.append(i18n.t("presence.acts", lang, n=len(acts)))
    places, sites, _ = v.scope(slots.get("places", []), slots.get("host", "PE"))
    tenants = [v.get(s) or {} for s in sorted(sites) if (v.get(s) or {}).get("tenants")]
    tenants = [s for s in tenants if overlaps(s, start, end)]
    if tenants:
        fs += [_tenant(v, s) for s in tenants]
        parts.append(i18n.t("presence.tenants", lang, names=i18n.join([s.get("name", "") for s in tenants], lang)))
    when = when_text(slots, lang, default_now=True)
    if not parts:
        return Composition(i18n.t("direct.presence.none", lang, visiting=i18n.country(visiting, lang), when=when),
                           None, fs)
    cap_key = {"now": "when_cap.now", "date": "when_cap.date", "year": "when_cap.year"}.get(kind, "when_cap.range")
    when_cap = i18n.t(cap_key, lang, date=i18n.date_text(start, lang), year=(start or "")[:4],
                      start=i18n.date_text(start, lang), end=i18n.date_text(end, lang))
    return Composition(i18n.t("direct.presence", lang, when_cap=when_cap, list="; ".join(parts)), None, fs)


def compose_authorized(v: View, slots: dict[str, Any], lang: str) -> Composition:
    acts = activities(v, slots)
    if not acts:
        if slots.get("events"):
            return compose_authorization(v, slots, lang)
        return Composition(i18n.t("direct.authorized.unknown", lang), "unknown", [])
    fs: list[dict[str, Any]] = []
    for a in acts:
        fs.append(F.activity(v, a))
        for aid in a.get("authorizations", []):
            auth = v.get(aid)
            if auth:
                fs += [f for f in _with_votes(v, [auth]) if f["record"] not in {x["record"] for x in fs}]
    for finding in _findings(v, {a["id"] for a in acts}):
        fs.append(finding)
    labels = [f.get("label") or f["record"] for f in fs if f["type"] == "authorization"]
    name = i18n.join([a.get("name", a["id"]) for a in acts], lang)
    verdict = "authorized" if labels else "not_found"
    return Composition(i18n.t(f"direct.authorized.{verdict}", lang, name=name, list=", ".join(labels)), verdict, fs)


def _findings(v: View, ids: set[str]) -> list[dict[str, Any]]:
    out = []
    for f in v.findings():
        if set(f.get("records", [])) & ids:
            out.append({"type": "finding", "records": list(f.get("records", [])), "severity": f.get("severity"),
                        "rule": f.get("rule"), "message": f.get("message")})
    return out


def compose_definition(v: View, slots: dict[str, Any], lang: str) -> Composition:
    fs: list[dict[str, Any]] = []
    for term in slots.get("terms", []):
        entry = lexicon.GLOSSARY.get(term)
        if not entry:
            continue
        record = entry.get("record")
        fs.append({"type": "definition", "term": term, "records": [record] if record and v.get(str(record)) else [],
                   "text": {"es": entry["es"], "en": entry["en"]}, "source_url": entry["source_url"],
                   "title": entry["title"], "date": entry["date"]})
        criteria = _criteria(v, str(entry.get("typology") or ""))
        if criteria:
            fs.append(criteria)
        fs += [F.site(site) for sid in sorted(v.resolve(term)) if sid.startswith("site:")
               for site in [v.get(sid)] if site]
    if not fs:
        return Composition(i18n.t("direct.definition.none", lang), None, [])
    return Composition(" ".join(F.render(f, lang) for f in fs if f["type"] == "definition"), None, fs)


def _criteria(v: View, name: str) -> dict[str, Any] | None:
    """The analysis' criteria for a category (MOB, CSL, funded facility ...), as the classification uses them."""
    t = v.typology(name) if name else None
    if t is None:
        return None
    cats = t.get("categories", [])
    cat = next((c for c in cats if c["name"].lower() == name.lower()), cats[0] if cats else None)
    if cat is None:
        return None
    criteria = t.get("criteria", {})
    return {"type": "criteria", "typology": t["name"], "category": cat["name"], "label": cat.get("label", cat["name"]),
            "records": [],
            "criteria": [{"name": c, "label": criteria[c].get("label", c)} for c in cat.get("criteria", [])
                         if c in criteria],
            "match": cat.get("match", "all"), "source_url": t.get("source"), "title": t.get("title"),
            "date": None}


def compose_compare(v: View, slots: dict[str, Any], lang: str) -> Composition:
    visiting = slots.get("visiting", "US")
    _, end, _ = window(slots)
    countries = list(dict.fromkeys(["PE", *slots.get("countries", [])]))
    site_counts: dict[str, int] = {}
    for s in v.kind("site"):
        site_counts[s.get("host_country", "")] = site_counts.get(s.get("host_country", ""), 0) + 1
    fs, items = [], []
    for c in countries:
        count = F.latest_count(v, visiting, c, end)
        if count:
            fs.append({"type": "country_personnel", "record": count["id"], "records": [count["id"]], "country": c,
                       "date": count.get("date"), "active_duty": count.get("active_duty"),
                       "total": count.get("total"), "sites": site_counts.get(c, 0)})
            items.append(i18n.t("compare.item", lang, country=i18n.country(c, lang),
                                n=i18n.number(count.get("active_duty")),
                                date=i18n.date_text(count.get("date"), lang)))
        else:
            items.append(i18n.t("compare.none", lang, country=i18n.country(c, lang)))
    return Composition(i18n.t("direct.compare", lang, list="; ".join(items)), None, fs)


COMPOSERS = {
    "base": compose_base, "personnel": compose_personnel, "authorization": compose_authorization,
    "vote": compose_vote, "where": compose_where, "doing": compose_doing, "presence": compose_presence,
    "authorized": compose_authorized, "definition": compose_definition, "compare": compose_compare,
}
