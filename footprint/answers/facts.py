"""Facts: language-free, structured statements built from records, each with the record ids behind it.

A fact is a dict with ``type``,
``records`` (ids) and typed values; :func:`render` turns one into a sentence in
Spanish or English. The same question in both languages yields the same facts; only the rendering differs.
"""

from __future__ import annotations

from typing import Any

from . import i18n
from .evidence import View


def authorization(v: View, a: dict[str, Any]) -> dict[str, Any]:
    instrument = v.get(a.get("instrument"))
    bill = v.get(a.get("bill"))
    if bill is None and instrument and instrument.get("bill"):
        bill = v.get(instrument["bill"])
    records = [a["id"]] + [r["id"] for r in (instrument, bill) if r]
    return {
        "type": "authorization", "record": a["id"], "records": records,
        "instrument": instrument["id"] if instrument else None,
        "instrument_label": v.label(instrument["id"]) if instrument else None,
        "bill": bill.get("number") if bill else None,
        "label": (v.label(instrument["id"]) if instrument else f"PL {bill['number']}" if bill and bill.get("number")
                  else v.label(a["id"])),
        "visiting": a.get("visiting_country"), "host": a.get("host_country"),
        "personnel": a.get("personnel"), "armed": a.get("armed"), "start": a.get("start"),
        "end": a.get("end"),
        "places": v.place_names(a), "purpose_category": a.get("purpose_category", "other"),
    }


def votes_for(v: View, a: dict[str, Any]) -> list[dict[str, Any]]:
    """Votes on an authorization's bill or instrument."""
    instrument = v.get(a.get("instrument"))
    keys = {a.get("bill"), a.get("instrument"), (instrument or {}).get("bill")} - {None}
    return [vote_fact(v, x) for x in v.kind("vote") if {x.get("bill"), x.get("instrument")} & keys]


def vote_fact(v: View, x: dict[str, Any]) -> dict[str, Any]:
    totals = x.get("totals", {})
    bill = v.get(x.get("bill"))
    return {"type": "vote", "record": x["id"], "records": [x["id"]] + ([bill["id"]] if bill else []),
            "date": x.get("date"), "yes": totals.get("yes"), "no": totals.get("no"),
            "abstain": totals.get("abstain"), "result": x.get("result", "unknown"),
            "bill": bill.get("number") if bill else None, "subject": x.get("subject")}


def activity(v: View, a: dict[str, Any]) -> dict[str, Any]:
    return {"type": "activity", "record": a["id"], "records": [a["id"], *a.get("authorizations", [])],
            "name": a.get("name"), "status": a.get("status", "planned"), "start": a.get("start"),
            "end": a.get("end"),
            "personnel_planned": a.get("personnel_planned"),
            "personnel_observed": a.get("personnel_observed"),
            "personnel_observed_all_nations": a.get("personnel_observed_all_nations"),
            "places": v.place_names(a), "authorizations": a.get("authorizations", []),
            "activity_type": a.get("activity_type")}


def permanent(count: dict[str, Any]) -> dict[str, Any]:
    return {"type": "permanent_personnel", "record": count["id"], "records": [count["id"]],
            "date": count.get("date"), "active_duty": count.get("active_duty"), "total": count.get("total"),
            "host": count.get("host_country"), "visiting": count.get("visiting_country")}


def procurement(p: dict[str, Any]) -> dict[str, Any]:
    return {"type": "procurement", "record": p["id"], "records": [p["id"]] + ([p["site"]] if p.get("site") else []),
            "title": p.get("title"), "status": p.get("status"), "value_usd": p.get("value_usd"),
            "buyer": p.get("buyer_country"), "seller": p.get("seller_country"),
            "foreign_personnel": p.get("foreign_personnel"),
            "foreign_personnel_years": p.get("foreign_personnel_years")}


def site(s: dict[str, Any]) -> dict[str, Any]:
    return {"type": "site", "record": s["id"], "records": [s["id"]], "name": s.get("name"),
            "site_type": s.get("site_type", "host_facility"), "operator": s.get("operator"),
            "controlled_by": s.get("controlled_by")}


def labels(site: dict[str, Any]) -> dict[str, Any] | None:
    coded = [lb for lb in site.get("labels", []) if lb.get("value") in (1, True, "1", "yes")]
    if not coded:
        return None
    return {"type": "label", "record": site["id"], "records": [site["id"]], "name": site.get("name"),
            "labels": sorted({str(lb.get("label")) for lb in coded}),
            "by": coded[0].get("by") or coded[0].get("scheme")}


def region(v: View, place_id: str | None) -> str | None:
    """The department a place lies in (the place itself when it is one), by the place tree."""
    place, hops = v.get(place_id), 0
    while place and place.get("level") not in ("department", "country") and place.get("parent") and hops < 12:
        place, hops = v.get(place["parent"]), hops + 1
    return place.get("name") if place else None


def history(site: dict[str, Any]) -> dict[str, Any] | None:
    """A site whose recorded foreign presence is historical (``facts.historical``): its dates, or None."""
    facts = site.get("facts") or {}
    if not facts.get("historical"):
        return None
    return {"start": site.get("start"), "end": site.get("end"), "last_reported": facts.get("last_reported")}


def qualifying(v: View, ids: list[str]) -> list[dict[str, Any]]:
    """Sites that meet a definition, grouped for a reader (language-free): a tenant unit with the host facility it
    sits in and the unit's other sites (``facts.host_site``, ``facts.part_of``); a host facility that qualifies only
    through a tenant unit of the list is not listed apart; a historical site carries its dates."""
    chosen = list(dict.fromkeys(ids))
    sites = {sid: v.get(sid) or {"id": sid, "name": sid} for sid in chosen}
    tenants = {sid: s["facts"]["host_site"] for sid, s in sites.items() if (s.get("facts") or {}).get("host_site")}
    roots = {sid: sites[sid]["facts"].get("part_of") if sites[sid]["facts"].get("part_of") in tenants else sid
             for sid in tenants}
    units: dict[str, dict[str, Any]] = {}
    for sid in sorted(tenants, key=lambda x: roots[x] != x):  # each unit's own site first, then its other sites
        host = v.get(tenants[sid]) or {"id": tenants[sid], "name": tenants[sid]}
        where = {"record": sid, "host": host["id"], "host_name": host.get("name"),
                 "host_operator": host.get("operator"), "place": region(v, host.get("place"))}
        if roots[sid] == sid:
            units[sid] = {"type": "unit", "records": [sid, host["id"]], "name": sites[sid].get("name"),
                          "operator": sites[sid].get("operator"), **where, "also": []}
        else:
            units[roots[sid]]["also"].append(where)
            units[roots[sid]]["records"] += [sid, host["id"]]
    hosts = set(tenants.values())
    plain, past = [], []
    for sid, s in sites.items():
        if sid in tenants:
            continue
        if sid in hosts or {t for t in s.get("tenants", []) if ":" in t} & set(tenants):
            continue  # it qualifies through its tenant unit, named with it
        when = history(s)
        group = {"type": "historical" if when else "site", "record": sid, "records": [sid], "name": s.get("name"),
                 **(when or {})}
        (past if when else plain).append(group)
    return [*units.values(), *plain, *past]


def render_groups(groups: list[dict[str, Any]], lang: str) -> str:
    out = []
    for g in groups:
        if g["type"] == "unit":
            also = [i18n.t("group.place", lang, host=w["host_name"], place=w["place"] or "?") for w in g["also"]]
            out.append(i18n.t("group.unit", lang, name=g["name"], operator=g.get("operator") or "?",
                              host=g["host_name"], host_operator=g.get("host_operator") or "?",
                              place=g.get("place") or "?",
                              also=i18n.t("group.also", lang, list=i18n.join(also, lang)) if also else ""))
        elif g["type"] == "historical":
            out.append(i18n.t("group.historical", lang, name=g["name"], start=i18n.date_text(g.get("start"), lang),
                              end=closure(g, lang)))
        else:
            out.append(g["name"])
    return "; ".join(out)


def closure(g: dict[str, Any], lang: str) -> str:
    if g.get("end"):
        return i18n.t("closure.known", lang, end=i18n.date_text(g["end"], lang))
    if g.get("last_reported"):
        return i18n.t("closure.unknown", lang, last=i18n.date_text(g["last_reported"], lang))
    return i18n.t("closure.unknown_nolast", lang)


def latest_count(v: View, visiting: str, host: str, until: str | None = None) -> dict[str, Any] | None:
    rows = [c for c in v.kind("personnel_count")
            if c.get("visiting_country") == visiting and c.get("host_country") == host
            and c.get("category", "permanent") == "permanent" and (not until or c.get("date", "") <= until)]
    return max(rows, key=lambda c: c.get("date", ""), default=None)


# --- rendering ---------------------------------------------------------------------------------------------


def _period(start: str | None, end: str | None, lang: str) -> str:
    if start and end:
        return i18n.t("period.range", lang, start=i18n.date_text(start, lang), end=i18n.date_text(end, lang))
    if start:
        return i18n.t("period.from", lang, start=i18n.date_text(start, lang))
    return i18n.t("period.unknown", lang)


def _places(names: list[str], lang: str) -> str:
    return i18n.join(names, lang) if names else i18n.t("unknown_places", lang)


def render(f: dict[str, Any], lang: str) -> str:
    kind, rec = f["type"], f.get("record")
    if kind == "authorization":
        visiting = i18n.adjective(f["visiting"], lang)
        who = (i18n.t("who.cap", lang, n=i18n.number(f["personnel"]), visiting=visiting)
               if f.get("personnel") is not None else i18n.t("who.nocap", lang, visiting=visiting))
        label = f.get("label") or rec
        if f.get("instrument_label") and f.get("bill"):
            label += f" (PL {f['bill']})"
        armed = {True: "armed.true", False: "armed.false"}.get(f.get("armed"), "armed.none")
        return i18n.t("fact.authorization", lang, instrument=label, who=who, armed=i18n.t(armed, lang),
                      period=_period(f.get("start"), f.get("end"), lang), places=_places(f["places"], lang),
                      purpose=i18n.purpose(f.get("purpose_category"), lang), record=rec)
    if kind == "vote":
        return i18n.t("fact.vote", lang, date=i18n.date_text(f.get("date"), lang), yes=f.get("yes"),
                      no=f.get("no"), abstain=f.get("abstain"), result=i18n.t(f"result.{f['result']}", lang),
                      record=rec)
    if kind == "activity":
        people = ""
        if f.get("personnel_observed") is not None:
            people = i18n.t("people.observed", lang, n=i18n.number(f["personnel_observed"]))
        elif f.get("personnel_planned") is not None:
            people = i18n.t("people.planned", lang, n=i18n.number(f["personnel_planned"]))
        if f.get("personnel_observed") is None and f.get("personnel_observed_all_nations") is not None:
            people += i18n.t("people.all_nations", lang, n=i18n.number(f["personnel_observed_all_nations"]))
        return i18n.t("fact.activity", lang, name=f.get("name"), status=i18n.pick(i18n.STATUSES, f.get("status"), lang),
                      period=_period(f.get("start"), f.get("end"), lang), people=people,
                      places=_places(f["places"], lang), record=rec)
    if kind == "permanent_personnel":
        return i18n.t("fact.permanent_personnel", lang, active=i18n.number(f.get("active_duty")),
                      date=i18n.date_text(f.get("date"), lang), total=i18n.number(f.get("total")), record=rec)
    if kind == "classification":
        cats = i18n.join([i18n.pick(i18n.CATEGORIES, c, lang) if c in i18n.CATEGORIES
                          else f.get("labels", {}).get(t) or c for t, c in f["categories"].items()], lang)
        context = ""
        if f.get("through"):
            context = i18n.t("context.through", lang, tenants=i18n.join(f["through"], lang))
        elif f.get("historical"):
            context = i18n.t("context.historical", lang, start=i18n.date_text(f["historical"].get("start"), lang),
                             end=closure(f["historical"], lang))
        return i18n.t("fact.classification", lang, name=f["name"], context=context, cats=cats, record=rec)
    if kind == "label":
        return i18n.t("fact.label", lang, name=f["name"], labels=", ".join(f["labels"]), by=f.get("by") or "?",
                      record=rec)
    if kind == "procurement":
        staff = ""
        if f.get("foreign_personnel"):
            staff = (f"; hasta {f['foreign_personnel']} representantes por {f.get('foreign_personnel_years')} años"
                     if lang == "es" else
                     f"; up to {f['foreign_personnel']} representatives for {f.get('foreign_personnel_years')} years")
        value = f"US${i18n.number(f['value_usd'])}" if f.get("value_usd") else "?"
        return i18n.t("fact.procurement", lang, title=f.get("title"), status=i18n.pick(i18n.STATUSES, f.get("status"), lang),
                      buyer=i18n.country(f.get("buyer"), lang), seller=i18n.country(f.get("seller"), lang),
                      value=value, staff=staff, record=rec)
    if kind == "site":
        operator = i18n.t("site.operator", lang, operator=f["operator"]) if f.get("operator") else ""
        controlled = (i18n.t("site.controlled", lang, country=i18n.country(f["controlled_by"], lang))
                      if f.get("controlled_by") else "")
        return i18n.t("fact.site", lang, name=f["name"], site_type=i18n.pick(i18n.SITE_TYPES, f["site_type"], lang),
                      operator=operator, controlled=controlled, record=rec)
    if kind == "tenant":
        return i18n.t("fact.tenant", lang, name=f["name"], tenants=", ".join(f["tenants"]), record=rec)
    if kind == "country_personnel":
        return i18n.t("fact.country_personnel", lang, country=i18n.country(f["country"], lang),
                      active=i18n.number(f.get("active_duty")), date=i18n.date_text(f.get("date"), lang),
                      sites=f.get("sites", 0), record=rec or "-")
    if kind == "presence_totals":
        parts = [i18n.t("presence.basis", lang, basis=i18n.pick(i18n.BASES, b, lang),
                        peak=i18n.number(x.get("peak_personnel")), days=i18n.number(x.get("person_days")))
                 for b, x in f["totals"].items()]
        return i18n.t("fact.presence_totals", lang, start=i18n.date_text(f["from"], lang),
                      end=i18n.date_text(f["to"], lang), list="; ".join(parts))
    if kind == "total_authorized":
        return i18n.t("fact.total_authorized", lang, n=i18n.number(f["personnel"]))
    if kind == "definition":
        return i18n.t("fact.definition", lang, text=f["text"][lang])
    if kind == "criteria":
        return i18n.t("fact.criteria", lang, label=i18n.pick(i18n.CATEGORIES, f["category"], lang)
                      if f["category"] in i18n.CATEGORIES else f["label"], typology=f["typology"],
                      criteria="; ".join(i18n.criterion(c["name"], lang, c.get("label")) for c in f["criteria"]))
    if kind == "finding":
        return i18n.t("fact.finding", lang, severity=f.get("severity"), message=f.get("message"),
                      rule=f.get("rule"))
    return str(f)
