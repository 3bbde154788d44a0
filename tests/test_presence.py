"""Presence and continuity on small registries built here, on SQLite and PostgreSQL (hand-computed numbers)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from analysis_helpers import PERU, SOURCE, department, put

from footprint.analysis import continuity, presence
from footprint.errors import InputError

BASE = [
    SOURCE, PERU,
    department("LOR", "Loreto"),
    {"id": "place:pe-iquitos", "name": "Iquitos", "level": "city", "country": "PE", "parent": "place:pe-lor"},
    department("LIM", "Lima"),
    {"id": "site:pe-base-iquitos", "name": "Base Naval de Iquitos", "host_country": "PE",
     "place": "place:pe-iquitos", "controlled_by": "PE"},
    {"id": "authorization:pe-rl-1", "visiting_country": "US", "host_country": "PE", "armed": True,
     "start": "2025-01-01", "end": "2025-12-31", "personnel": 55, "places": ["place:pe-lor", "place:pe-lim"],
     "purpose_category": "training"},
]


@pytest.fixture
def registry(store: Any) -> Any:
    put(store, *BASE)
    return store


def activity(slug: str, start: str | None, end: str | None, **extra: Any) -> dict[str, Any]:
    return {"id": f"activity:pe-{slug}", "name": slug, "host_country": "PE", "visiting_countries": ["US"],
            "start": start, "end": end, **extra}


def test_authorized_person_days_are_cap_times_days(registry: Any) -> None:
    result = presence(registry)
    assert result["rows"] == [{"place": "place:pe", "from": "2025-01-01", "to": "2025-12-31", "personnel": 55,
                               "person_days": 55 * 365, "basis": "authorized",
                               "records": ["authorization:pe-rl-1"],
                               "places": ["place:pe-lim", "place:pe-lor"]}]
    assert result["totals"] == {"authorized": {"records": 1, "person_days": 20075, "peak_personnel": 55}}
    json.dumps(result)


def test_bases_are_kept_apart_and_never_summed(registry: Any) -> None:
    put(registry, activity("x", "2025-03-01", "2025-03-10", personnel_planned=20, personnel_observed=18,
                           places=["place:pe-iquitos"], authorizations=["authorization:pe-rl-1"]))
    result = presence(registry, start="2025-03", end="2025-03")
    totals = result["totals"]
    assert totals["authorized"] == {"records": 1, "person_days": 55 * 31, "peak_personnel": 55}
    assert totals["planned"] == {"records": 1, "person_days": 200, "peak_personnel": 20}
    assert totals["observed"] == {"records": 1, "person_days": 180, "peak_personnel": 18}
    assert {r["basis"] for r in result["rows"]} == {"authorized", "planned", "observed"}


def test_month_rows_are_clipped_to_the_window_and_the_month(registry: Any) -> None:
    result = presence(registry, start="2025-02-15", end="2025-03-31", by="month")
    rows = [(r["month"], r["from"], r["to"], r["person_days"]) for r in result["rows"]]
    assert rows == [("2025-02", "2025-02-15", "2025-02-28", 55 * 14), ("2025-03", "2025-03-01", "2025-03-31", 55 * 31)]


def test_place_filter_includes_places_inside(registry: Any) -> None:
    put(registry,
        activity("iq", "2025-05-01", "2025-05-02", personnel_observed=10, places=["place:pe-iquitos"]),
        activity("lim", "2025-05-01", "2025-05-02", personnel_observed=7, places=["place:pe-lim"]),
        activity("site", "2025-05-03", "2025-05-03", personnel_observed=3, sites=["site:pe-base-iquitos"]))
    loreto = presence(registry, place="PE-LOR", by="place")
    observed = {r["place"]: r["records"] for r in loreto["rows"] if r["basis"] == "observed"}
    assert observed == {"place:pe-iquitos": ["activity:pe-iq"], "site:pe-base-iquitos": ["activity:pe-site"]}
    assert loreto["totals"]["observed"]["person_days"] == 10 * 2 + 3
    assert presence(registry, place="place:pe-lim")["totals"]["observed"]["records"] == 1
    assert presence(registry, place="PE")["totals"]["observed"]["records"] == 3


def test_peak_is_the_largest_daily_sum(registry: Any) -> None:
    put(registry,
        activity("a", "2025-06-01", "2025-06-10", personnel_observed=10, places=["place:pe-iquitos"]),
        activity("b", "2025-06-05", "2025-06-20", personnel_observed=5, places=["place:pe-iquitos"]),
        activity("c", "2025-06-25", "2025-06-30", personnel_observed=12, places=["place:pe-iquitos"]))
    june = presence(registry, start="2025-06", end="2025-06", by="month")
    row = next(r for r in june["rows"] if r["basis"] == "observed")
    assert row["personnel"] == 15  # a and b overlap on 5-10 June; c alone is 12
    assert row["person_days"] == 10 * 10 + 5 * 16 + 12 * 6
    at = presence(registry, at="2025-06-07")
    assert at["totals"]["observed"] == {"records": 2, "person_days": 15, "peak_personnel": 15}


def test_country_filter_and_counts_cover_their_quarter(registry: Any) -> None:
    put(registry, {"id": "personnel_count:us-pe-2025q4", "visiting_country": "US", "host_country": "PE",
                   "date": "2025-12-31", "period": "quarter", "category": "permanent", "active_duty": 42,
                   "total": 44})
    result = presence(registry, country="us", start="2025-10-01", end="2025-12-31")
    assert result["totals"]["permanent"] == {"records": 1, "person_days": 44 * 92, "peak_personnel": 44}
    assert presence(registry, country="CO")["rows"] == []


def test_facility_counts_only_when_its_activity_gives_no_figure(registry: Any) -> None:
    put(registry, activity("nh", "2008-06-01", "2008-08-31", places=["place:pe-lor"]),
        {"id": "facility:pe-nh-camp", "name": "camp", "activity": "activity:pe-nh", "visiting_country": "US",
         "host_country": "PE", "place": "place:pe-lor", "personnel": 100,
         "lifecycle": [{"status": "established", "date": "2008-06-01"}, {"status": "dismantled", "date": "2008-06-30"}]})
    result = presence(registry, start="2008", end="2008")
    assert result["totals"]["observed"] == {"records": 1, "person_days": 100 * 30, "peak_personnel": 100}
    assert {"record": "activity:pe-nh", "reason": "no personnel figure: cannot count it"} not in result["gaps"]


def test_records_that_cannot_be_counted_are_reported(registry: Any) -> None:
    put(registry, activity("undated", None, None, personnel_observed=5),
        activity("cancelled", "2025-01-01", "2025-01-02", personnel_observed=5, status="cancelled"))
    result = presence(registry)
    assert result["gaps"] == [{"record": "activity:pe-undated",
                               "reason": "no start or end date: cannot place it in time"}]
    assert "observed" not in result["totals"]


@pytest.mark.parametrize("kwargs, field", [({"place": "PE-XXX"}, "place"), ({"at": "2025-13"}, "at"),
                                           ({"at": "2025", "start": "2025"}, "at"),
                                           ({"start": "2025-05", "end": "2025-01"}, "to"), ({"by": "week"}, "by")])
def test_bad_query_is_an_input_error_naming_the_field(registry: Any, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as exc:
        presence(registry, **kwargs)
    assert exc.value.where == field


def test_presence_cli(sqlite_cli: Any) -> None:
    from footprint.store import Store

    cli = sqlite_cli  # the library tests run on both engines; the CLI's store is never closed (see the report)
    with Store.open(cli.url) as s:
        put(s, *BASE)
    out = cli("presence", "--place", "PE-LOR", "--at", "2025-07-01", "--json")
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert data["rows"][0]["person_days"] == 55 and data["query"]["place"] == "PE-LOR"
    bad = cli("presence", "--place", "PE-XXX")
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "place" in bad.output
    assert cli("presence").exit_code == 0


# --- continuity ---------------------------------------------------------------------------------------------


def test_rotations_with_short_gaps_form_one_chain(registry: Any) -> None:
    put(registry,
        activity("r1", "2025-01-01", "2025-03-31", sites=["site:pe-base-iquitos"]),
        activity("r2", "2025-04-20", "2025-06-30", sites=["site:pe-base-iquitos"]),  # gap 19 days
        activity("r3", "2025-07-10", "2025-09-30", sites=["site:pe-base-iquitos"]),  # gap 9 days
        activity("r4", "2026-01-01", "2026-01-31", sites=["site:pe-base-iquitos"]))  # gap 92 days
    result = continuity(registry, place="PE-LOR")
    assert len(result) == 1
    site = result[0]
    assert site["place"] == "site:pe-base-iquitos"
    assert site["longest"] == {"from": "2025-01-01", "to": "2025-09-30", "days": 273, "rotations": 3,
                               "largest_gap_days": 19,
                               "records": ["activity:pe-r1", "activity:pe-r2", "activity:pe-r3"]}
    assert [c["rotations"] for c in site["chains"]] == [3, 1]
    tight = continuity(registry, max_gap_days=10)[0]
    assert [c["records"] for c in tight["chains"]] == [["activity:pe-r1"], ["activity:pe-r2", "activity:pe-r3"],
                                                       ["activity:pe-r4"]]
    assert continuity(registry, place="PE-LIM") == []
    with pytest.raises(InputError):
        continuity(registry, max_gap_days=-1)


def test_bundled_rl_32214_person_days(bundled_url: str) -> None:
    from footprint.store import Store

    with Store.open(bundled_url) as s:
        result = presence(s, start="2025-01-01", end="2025-12-31")
        q4 = presence(s, start="2025-10-01", end="2025-12-31", by="month")
    [row] = [r for r in result["rows"] if r["records"] == ["authorization:pe-rl-32214"]]
    assert (row["basis"], row["from"], row["to"], row["personnel"]) == ("authorized", "2025-01-01", "2025-12-31", 55)
    assert row["person_days"] == 55 * 365
    # the permanent count of the last quarter of 2025: 44 people over 92 days, kept apart from the ceiling
    december = [r for r in q4["rows"] if r["basis"] == "permanent" and r["month"] == "2025-12"]
    assert [(r["personnel"], r["person_days"]) for r in december] == [(44, 44 * 31)]
