"""Statistics on a small registry (both engines): per year, per government, places, votes, countries."""

from __future__ import annotations

import json
from typing import Any

from analysis_helpers import SOURCE, put

from footprint.analysis import statistics
from footprint.analysis.compliance import governments


def auth(slug: str, start: str, end: str, personnel: int | None, places: list[str], **extra: Any) -> dict[str, Any]:
    return {"id": f"authorization:pe-{slug}", "visiting_country": "US", "host_country": "PE", "armed": True,
            "start": start, "end": end, "personnel": personnel, "places": places, **extra}


def count(host: str, date: str, total: int) -> dict[str, Any]:
    return {"id": f"personnel_count:us-{host.lower()}-{date[:4]}q4", "visiting_country": "US", "host_country": host,
            "date": date, "total": total}


def test_statistics(store: Any) -> None:
    put(store, SOURCE,
        {"id": "place:pe-lim", "name": "Lima", "level": "department", "country": "PE"},
        {"id": "place:pe-lor", "name": "Loreto", "level": "department", "country": "PE"},
        auth("rl-5111", "2023-06-01", "2023-08-29", 1172, ["place:pe-lim"]),
        auth("rl-4766", "2023-06-01", "2023-12-31", 30, ["place:pe-lim", "place:pe-lor"]),
        auth("rl-9307", "2024-11-04", "2024-11-24", 600, ["place:pe-lim"]),
        auth("rl-32214", "2025-01-01", "2025-12-31", 55, ["place:pe-lor", "place:pe-lim"]),
        auth("rl-2026", "2026-01-01", "2026-12-31", None, ["place:pe-lor"]),
        {"id": "authorization:pe-undated", "visiting_country": "US", "host_country": "PE"},
        {"id": "bill:pe-5111", "jurisdiction": "PE", "number": "5111"},
        {"id": "bill:pe-13436", "jurisdiction": "PE", "number": "13436"},
        {"id": "vote:pe-2023-05-25T22-56", "jurisdiction": "PE", "date": "2023-05-25", "bill": "bill:pe-5111",
         "totals": {"yes": 70, "no": 31, "abstain": 6}, "result": "approved"},
        {"id": "vote:pe-2025-12-04T12-00", "jurisdiction": "PE", "date": "2025-12-04", "bill": "bill:pe-13436",
         "totals": {"yes": 73, "no": 25, "abstain": 2}, "result": "approved"},
        count("PE", "2025-12-31", 42), count("PE", "2024-12-31", 43), count("CO", "2025-12-31", 80),
        count("DE", "2025-12-31", 35000), count("HN", "2025-12-31", 400))
    s = statistics(store, host="pe")
    json.dumps(s)
    per_year = {r["year"]: r for r in s["per_year"]}
    assert {y: (r["authorizations"], r["personnel_authorized"]) for y, r in per_year.items()} == {
        2023: (2, 1202), 2024: (1, 600), 2025: (1, 55), 2026: (1, 0)}
    assert per_year[2026]["without_personnel"] == 1
    assert s["undated_authorizations"] == ["authorization:pe-undated"]
    gov = {g["government"]: g for g in s["per_government"]}
    assert gov["Dina Boluarte"]["authorizations"] == 4 and gov["Dina Boluarte"]["personnel_authorized"] == 1857
    assert gov["José Jerí"]["records"] == ["authorization:pe-rl-2026"]
    assert [(p["place"], p["records"]) for p in s["places_most_used"]] == [("place:pe-lim", 4), ("place:pe-lor", 3)]
    assert [(v["date"], v["margin"]) for v in s["votes"]] == [("2023-05-25", 39), ("2025-12-04", 48)]
    c = s["countries"]
    assert [r["host"] for r in c["latest"]] == ["DE", "HN", "CO", "PE"]
    assert c["host_rank"]["rank"] == 4 and c["host_rank"]["total"] == 42
    assert [(r["year"], r["total"]) for r in c["host_series"]] == [(2024, 43), (2025, 42)]


def test_governments_are_data_in_order() -> None:
    terms = governments("PE")
    assert terms[0]["name"] == "Alberto Fujimori" and terms[-1].get("end") is None
    assert all(a["end"] < b["start"] for a, b in zip(terms, terms[1:], strict=False))


def test_stats_cli(sqlite_cli: Any) -> None:
    out = sqlite_cli("stats", "--json")
    assert out.exit_code == 0
    assert json.loads(out.output)["per_year"] == []
    assert sqlite_cli("stats").exit_code == 0


def test_a_host_without_rules_has_no_government_list(store: Any) -> None:
    s = statistics(store, host="co")
    assert s["host"] == "CO" and s["per_government"] == [] and s["per_year"] == []
