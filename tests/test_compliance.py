"""Compliance with Peru's rules (rules.toml) on small registries, each rule triggered and not (both engines)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from analysis_helpers import PERU, SOURCE, department, put

from footprint.analysis import check
from footprint.analysis.compliance import CHECKS, load_rules
from footprint.errors import InputError

AT = "2026-06-30"


BASE = [
    SOURCE, PERU,
    department("LOR", "Loreto"),
    {"id": "place:pe-iquitos", "name": "Iquitos", "level": "city", "country": "PE", "parent": "place:pe-lor"},
    department("CUS", "Cusco"),
    {"id": "instrument:pe-rl-32214", "jurisdiction": "PE", "type": "RL", "number": "32214",
     "published_date": "2024-12-20"},
    {"id": "instrument:pe-rm-945-2016-de-sg", "jurisdiction": "PE", "type": "RM", "number": "945-2016-DE/SG"},
    {"id": "authorization:pe-rl-32214", "instrument": "instrument:pe-rl-32214", "visiting_country": "US",
     "host_country": "PE", "armed": True, "start": "2025-01-01", "end": "2025-12-31", "personnel": 55,
     "places": ["place:pe-lor"], "purpose_category": "training"},
    {"id": "authorization:pe-rm-945-2016-de-sg", "instrument": "instrument:pe-rm-945-2016-de-sg",
     "visiting_country": "US", "host_country": "PE", "armed": False, "start": "2016-09-08", "end": "2016-09-15",
     "personnel": 3, "places": ["place:pe-iquitos"], "purpose_category": "coordination_visit"},
]


def act(slug: str, **extra: Any) -> dict[str, Any]:
    base = {"id": f"activity:pe-{slug}", "name": slug, "host_country": "PE", "visiting_countries": ["US"],
            "start": "2025-03-01", "end": "2025-03-10", "authorizations": ["authorization:pe-rl-32214"],
            "places": ["place:pe-iquitos"], "purpose_category": "training", "personnel_observed": 20, "armed": True}
    return {**base, **extra}


@pytest.fixture
def registry(store: Any) -> Any:
    put(store, *BASE)
    return store


def rules_hit(store: Any) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for f in check(store, at=AT):
        out.setdefault(f["rule"], []).append(f["records"])
    return out


def test_a_clean_registry_has_no_findings(registry: Any) -> None:
    put(registry, act("ok"))
    assert check(registry, at=AT) == []


def test_armed_entry_needs_an_rl(registry: Any) -> None:
    put(registry, {"id": "instrument:pe-rm-1-2025-de", "jurisdiction": "PE", "type": "RM", "number": "1-2025-DE"},
        {"id": "authorization:pe-rm-1-2025-de", "instrument": "instrument:pe-rm-1-2025-de", "visiting_country": "US",
         "host_country": "PE", "armed": True, "start": "2025-02-01", "end": "2025-02-05", "personnel": 4},
        act("armed", start="2025-02-01", end="2025-02-05", authorizations=["authorization:pe-rm-1-2025-de"],
            personnel_observed=4, places=[]))
    [on_activity, finding] = [f for f in check(registry, at=AT) if f["rule"] == "armed_entry_requires_rl"]
    assert finding["severity"] == "error" and "Ley 27856" in finding["legal_reference"]
    assert finding["records"] == ["authorization:pe-rm-1-2025-de", "instrument:pe-rm-1-2025-de"]
    assert "authorized by RM" in finding["message"]
    assert on_activity["records"] == ["activity:pe-armed", "authorization:pe-rm-1-2025-de"]


def test_unarmed_entry_needs_an_rm(registry: Any) -> None:
    put(registry, {"id": "instrument:pe-rs-5-2016-de", "jurisdiction": "PE", "type": "RS", "number": "5-2016-DE"},
        {"id": "authorization:pe-rs-5-2016-de", "instrument": "instrument:pe-rs-5-2016-de", "visiting_country": "US",
         "host_country": "PE", "armed": False, "start": "2016-01-01", "end": "2016-01-05", "personnel": 2})
    hits = rules_hit(registry)
    assert hits["unarmed_entry_requires_rm"] == [["authorization:pe-rs-5-2016-de", "instrument:pe-rs-5-2016-de"]]


def test_activity_outside_dates_places_cap_and_purpose(registry: Any) -> None:
    put(registry, act("late", start="2025-12-20", end="2026-01-10"), act("cusco", places=["place:pe-cus"]),
        act("big", personnel_observed=80), act("relief", purpose_category="disaster_relief"))
    hits = rules_hit(registry)
    assert hits["activity_outside_dates"] == [["activity:pe-late", "authorization:pe-rl-32214"]]
    assert hits["activity_outside_places"] == [["activity:pe-cusco", "authorization:pe-rl-32214"]]
    assert hits["activity_over_cap"] == [["activity:pe-big", "authorization:pe-rl-32214"]]
    assert hits["activity_purpose_mismatch"] == [["activity:pe-relief", "authorization:pe-rl-32214"]]
    by_rule = {f["rule"]: f for f in check(registry, at=AT)}
    assert by_rule["activity_over_cap"]["message"].endswith("80 personnel, 55 authorized")
    assert "place:pe-cus" in by_rule["activity_outside_places"]["message"]


def test_date_changes_need_a_resolucion_suprema(registry: Any) -> None:
    put(registry, {"id": "authorization:pe-rl-32214", "instrument": "instrument:pe-rl-32214",
                   "visiting_country": "US", "host_country": "PE", "armed": True, "start": "2025-01-01",
                   "end": "2025-06-30", "personnel": 55, "places": ["place:pe-lor"], "purpose_category": "training",
                   "date_change_allowed_by": "RS"},
        act("moved", start="2025-06-20", end="2025-07-10"),
        act("cited", start="2025-03-01", end="2025-03-10",
            status_history=[{"status": "planned", "date": "2025-01-10", "start": "2025-03-01", "instrument": None}]))
    hits = rules_hit(registry)
    assert sorted(hits["date_change_without_rs"]) == [["activity:pe-cited"],
                                                      ["activity:pe-moved", "authorization:pe-rl-32214"]]
    assert "activity_outside_dates" not in hits
    # an RS that modifies the RL settles it
    put(registry, {"id": "instrument:pe-rs-9-2025-de", "jurisdiction": "PE", "type": "RS", "number": "9-2025-DE",
                   "modifies": ["instrument:pe-rl-32214"]})
    assert rules_hit(registry)["date_change_without_rs"] == [["activity:pe-cited"]]


def test_voted_but_never_published(registry: Any) -> None:
    put(registry, {"id": "bill:pe-5111", "jurisdiction": "PE", "number": "5111"},
        {"id": "bill:pe-9307", "jurisdiction": "PE", "number": "9307", "enacted_as": "instrument:pe-rl-32214"},
        {"id": "vote:pe-2023-05-25T22-56", "jurisdiction": "PE", "date": "2023-05-25", "bill": "bill:pe-5111",
         "totals": {"yes": 70, "no": 31, "abstain": 6}, "result": "approved"},
        {"id": "vote:pe-2024-10-31T12-00", "jurisdiction": "PE", "date": "2024-10-31", "bill": "bill:pe-9307",
         "totals": {"yes": 62, "no": 23, "abstain": 7}, "result": "approved"},
        {"id": "vote:pe-2026-06-20T12-00", "jurisdiction": "PE", "date": "2026-06-20", "bill": "bill:pe-5111",
         "totals": {"yes": 10, "no": 90, "abstain": 0}, "result": "rejected"})
    hits = rules_hit(registry)
    assert hits["voted_not_published"] == [["bill:pe-5111", "vote:pe-2023-05-25T22-56"]]
    # within the grace period after the vote, nothing is said yet
    assert "voted_not_published" not in {f["rule"] for f in check(registry, at="2023-06-01")}


def test_data_gaps_are_reported_not_guessed(registry: Any) -> None:
    put(registry, {"id": "authorization:pe-unknown", "visiting_country": "US", "host_country": "PE"},
        act("undated", start=None, end=None, authorizations=[]))
    hits = rules_hit(registry)
    assert hits["authorization_armed_unknown"] == [["authorization:pe-unknown"]]
    assert hits["authorization_without_instrument"] == [["authorization:pe-unknown"]]
    assert hits["activity_undated"] == [["activity:pe-undated"]]
    assert hits["activity_without_authorization"] == [["activity:pe-undated"]]
    severities = {f["severity"] for f in check(registry, at=AT)}
    assert severities == {"info"}


def test_rules_file_is_data_and_names_known_checks() -> None:
    rules = load_rules("PE")
    assert rules["jurisdiction"] == "PE"
    assert {r["check"] for r in rules["rules"]} <= set(CHECKS)
    assert all(r["legal_reference"] for r in rules["rules"])
    with pytest.raises(InputError, match="jurisdiction"):
        load_rules("ZZ")


def test_check_cli_fail_on(sqlite_cli: Any) -> None:
    from footprint.store import Store

    with Store.open(sqlite_cli.url) as s:
        put(s, *BASE, act("big", personnel_observed=80))
    ok = sqlite_cli("check", "--at", AT, "--json")
    assert ok.exit_code == 0
    findings = json.loads(ok.output)
    assert [set(f) for f in findings] == [{"severity", "rule", "legal_reference", "message", "records"}]
    assert sqlite_cli("check", "--at", AT, "--fail-on", "error", "--json").exit_code == 1
    assert sqlite_cli("check", "--at", AT, "--fail-on", "error").exit_code == 1
    assert sqlite_cli("check", "--jurisdiction", "ZZ").exit_code == 2


def test_activity_armed_is_checked_not_its_authorization_armed(registry: Any) -> None:
    # an armed activity under an unarmed RM: the activity's own "armed" decides (a bug the reference caught)
    put(registry, act("armed-under-rm", start="2016-09-08", end="2016-09-15", armed=True, personnel_observed=3,
                      authorizations=["authorization:pe-rm-945-2016-de-sg"], purpose_category="coordination_visit"))
    hits = rules_hit(registry)
    assert hits["armed_entry_requires_rl"] == [["activity:pe-armed-under-rm", "authorization:pe-rm-945-2016-de-sg"]]


def test_bundled_dataset_checks(bundled_url: str) -> None:
    from footprint.store import Store

    with Store.open(bundled_url) as s:
        findings = check(s, at="2026-06-30")
    json.dumps(findings)
    assert {f["severity"] for f in findings} <= {"error", "warning", "info"}
    assert all(f["records"] and f["legal_reference"] for f in findings)
