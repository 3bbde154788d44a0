"""Classification against the typology files and the country summary, on small registries (both engines)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from analysis_helpers import PERU, SOURCE, department, put

from footprint.analysis import classify, country_summary
from footprint.analysis.features import FEATURES
from footprint.analysis.typologies import load_typologies, parse_typology
from footprint.errors import InputError, NotFound

BASE = [
    SOURCE, PERU,
    department("CAL", "Callao"),
    department("AYA", "Ayacucho"),
]
NAMRU = {"id": "site:pe-namru-south", "name": "NAMRU SOUTH", "host_country": "PE", "place": "place:pe-cal",
         "site_type": "host_facility", "controlled_by": "PE", "tenants": ["NAMRU SOUTH"],
         "facts": {"permanent_foreign_personnel": 16, "foreign_controlled": False, "foreign_funded": True,
                   "family_support": False, "prepositioned_equipment": None}}
CALLAO = {"id": "site:pe-base-naval-callao", "name": "Base Naval del Callao", "host_country": "PE",
          "place": "place:pe-cal", "site_type": "host_facility", "controlled_by": "PE"}
NH = {"id": "activity:pe-new-horizons-2008", "name": "New Horizons 2008", "host_country": "PE",
      "visiting_countries": ["US"], "start": "2008-06-01", "end": "2008-08-31", "personnel_observed": 950,
      "places": ["place:pe-aya"], "purpose_category": "humanitarian", "status": "completed"}
CAMP = {"id": "facility:pe-new-horizons-2008-base-camp", "name": "Base camp", "facility_type": "base_camp",
        "activity": "activity:pe-new-horizons-2008", "visiting_country": "US", "host_country": "PE",
        "place": "place:pe-aya", "lifecycle": [{"status": "established", "date": "2008-06"},
                                               {"status": "dismantled", "date": "2008-09"}]}


def results(site: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["typology"]: r for r in site["results"]}


def criteria(result: dict[str, Any]) -> dict[str, str]:
    return {c["name"]: c["status"] for c in result["criteria"]}


def test_namru_is_a_tenant_unit_and_meets_only_the_broad_reading(store: Any) -> None:
    put(store, *BASE, NAMRU)
    [site] = classify(store, site="site:pe-namru-south")
    assert site["site"] == "site:pe-namru-south" and site["country"] == "PE" and site["name"] == "NAMRU SOUTH"
    r = results(site)
    assert r["tenant_unit"]["category"] == "tenant_unit"
    assert r["broad_foreign_installation"]["category"] == "foreign_military_installation"
    posture = r["us_global_defense_posture"]
    assert posture["category"] is None
    assert posture["categories"] == {"MOB": "not_met", "FOS": "unknown", "CSL": "unknown"}
    assert criteria(posture)["permanent_forces_large"] == "not_met"
    assert criteria(posture)["prepositioned_equipment"] == "unknown"  # null fact: unknown, never "no"
    assert r["funded_facility"]["categories"] == {"funded_facility": "not_met"}  # 16 people stationed
    assert r["temporary_facility"]["category"] is None
    ev = {c["name"]: c["evidence"] for c in posture["criteria"]}
    assert ev["permanent_forces_large"] == ["site:pe-namru-south"]
    json.dumps(site)


def test_missing_facts_are_unknown_never_not_met(store: Any) -> None:
    put(store, *BASE, CALLAO)
    [site] = classify(store)
    r = results(site)
    mob = criteria(r["us_global_defense_posture"])
    assert mob["installation"] == "met" and mob["host_controlled"] == "met" and mob["foreign_controlled"] == "not_met"
    assert mob["family_support"] == "unknown" and mob["permanent_forces_large"] == "unknown"
    assert r["visiting_access"]["categories"] == {"visiting_access": "unknown"}


def test_visiting_access_from_time_limited_activities(store: Any) -> None:
    callao = {**CALLAO, "facts": {"foreign_infrastructure": False, "permanent_foreign_personnel": 0}}
    put(store, *BASE, callao,
        {"id": "authorization:pe-rl-1", "visiting_country": "US", "host_country": "PE", "armed": True,
         "start": "2021-09-01", "end": "2021-10-31", "places": ["place:pe-cal"], "purpose_category": "exercise"},
        {"id": "activity:pe-unitas-2021", "name": "UNITAS LXII", "host_country": "PE", "visiting_countries": ["US"],
         "start": "2021-09-24", "end": "2021-10-06", "sites": ["site:pe-base-naval-callao"],
         "authorizations": ["authorization:pe-rl-1"], "purpose_category": "exercise"})
    r = results(classify(store, site="site:pe-base-naval-callao")[0])
    access = r["visiting_access"]
    assert access["category"] == "visiting_access"
    ev = {c["name"]: c["evidence"] for c in access["criteria"]}
    assert "activity:pe-unitas-2021" in ev["time_limited_use"] and "authorization:pe-rl-1" in ev["time_limited_use"]
    assert r["us_global_defense_posture"]["categories"]["MOB"] == "not_met"
    assert criteria(r["us_global_defense_posture"])["security_cooperation_use"] == "met"


def test_temporary_facility_is_classified(store: Any) -> None:
    put(store, *BASE, NH, CAMP)
    [camp] = classify(store)
    assert camp["site"] == "facility:pe-new-horizons-2008-base-camp" and camp["kind"] == "facility"
    temp = results(camp)["temporary_facility"]
    assert temp["category"] == "temporary_facility"
    assert {c["name"]: c["evidence"] for c in temp["criteria"]}["activity_bound"] == [
        "facility:pe-new-horizons-2008-base-camp", "activity:pe-new-horizons-2008"]
    assert results(camp)["us_global_defense_posture"]["categories"]["MOB"] == "not_met"
    # as of a day when it was still standing, "dismantled" is not yet known
    [before] = classify(store, at="2008-07-01")
    assert results(before)["temporary_facility"]["categories"] == {"temporary_facility": "unknown"}


def test_rotations_make_a_forward_operating_site(store: Any) -> None:
    fos = {"id": "site:pe-fos", "name": "FOS", "host_country": "PE", "place": "place:pe-cal",
           "facts": {"permanent_foreign_personnel": 40, "prepositioned_equipment": True, "foreign_funded": True}}
    rotations = [{"id": f"activity:pe-rot-{i}", "name": f"rot {i}", "host_country": "PE",
                  "visiting_countries": ["US"], "start": f"2024-0{m}-01", "end": f"2024-0{m + 1}-20",
                  "sites": ["site:pe-fos"]} for i, m in enumerate((1, 3, 5))]
    put(store, *BASE, fos, *rotations)
    posture = results(classify(store, site="site:pe-fos")[0])["us_global_defense_posture"]
    assert posture["category"] == "FOS"
    rot = next(c for c in posture["criteria"] if c["name"] == "rotational_forces")
    assert rot["value"] == 3 and rot["evidence"] == [r["id"] for r in rotations]
    summary = country_summary(store, at="2025-01-01")
    assert summary["verdict"] == "base"
    fos_row = next(c for c in summary["typologies"][0]["categories"] if c["category"] == "FOS")
    assert [s["site"] for s in fos_row["sites"]] == ["site:pe-fos"]


def test_verdicts(store: Any) -> None:
    put(store, *BASE)
    assert country_summary(store)["verdict"] == "unknown"  # no site: the record cannot tell
    put(store, CALLAO)
    assert country_summary(store)["verdict"] == "unknown"
    put(store, {**CALLAO, "facts": {"permanent_foreign_personnel": 0, "foreign_infrastructure": False,
                                    "foreign_controlled": False}})
    assert country_summary(store)["verdict"] == "no_base"
    put(store, NAMRU)
    summary = country_summary(store, host="pe", visiting="us")
    assert summary["verdict"] == "depends_on_definition"
    broad = next(t for t in summary["typologies"] if t["broad"])
    assert [s["site"] for s in broad["categories"][0]["sites"]] == ["site:pe-namru-south"]
    assert broad["categories"][0]["sites"][0]["criteria"][2]["status"] == "met"


def test_summary_context_numbers(store: Any) -> None:
    put(store, *BASE, NAMRU, NH,
        {"id": "personnel_count:us-pe-2025q3", "visiting_country": "US", "host_country": "PE", "date": "2025-09-30",
         "total": 44},
        {"id": "personnel_count:us-pe-2025q4", "visiting_country": "US", "host_country": "PE", "date": "2025-12-31",
         "total": 42},
        {"id": "authorization:pe-rl-32214", "visiting_country": "US", "host_country": "PE", "armed": True,
         "start": "2025-01-01", "end": "2025-12-31", "personnel": 55, "purpose_category": "training"})
    s = country_summary(store, at="2025-10-15")
    assert s["permanent_personnel"] == {"personnel": 44, "date": "2025-09-30", "record": "personnel_count:us-pe-2025q3",
                                        "period": "quarter"}
    assert [a["record"] for a in s["authorizations_in_force"]] == ["authorization:pe-rl-32214"]
    assert [x["record"] for x in s["past_surges"]] == ["activity:pe-new-horizons-2008"]
    assert country_summary(store, at="2026-02-01")["authorizations_in_force"] == []


def test_typology_filter_and_unknowns(store: Any) -> None:
    put(store, *BASE, NAMRU)
    [site] = classify(store, typology="tenant_unit")
    assert [r["typology"] for r in site["results"]] == ["tenant_unit"]
    [by_category] = classify(store, typology="FOS")
    assert [r["typology"] for r in by_category["results"]] == ["us_global_defense_posture"]
    with pytest.raises(InputError):
        classify(store, typology="castle")
    with pytest.raises(NotFound):
        classify(store, site="site:pe-nowhere")


def test_every_typology_file_is_valid_and_bad_files_are_refused() -> None:
    names = [t.name for t in load_typologies()]
    assert names[0] == "us_global_defense_posture"
    assert {"temporary_facility", "visiting_access", "funded_facility", "tenant_unit",
            "broad_foreign_installation"} <= set(names)
    bad = {"name": "x", "categories": [{"name": "c", "criteria": ["a"]}],
           "criteria": {"a": {"feature": "permanent_personnel", "op": "~"}}}
    with pytest.raises(InputError, match="criteria.a.op"):
        parse_typology(bad, "x.toml", set(FEATURES))
    bad["criteria"]["a"] = {"feature": "moat", "op": "true"}
    with pytest.raises(InputError, match="unknown feature"):
        parse_typology(bad, "x.toml", set(FEATURES))


def test_classify_cli(sqlite_cli: Any) -> None:
    from footprint.store import Store

    with Store.open(sqlite_cli.url) as s:
        put(s, *BASE, NAMRU)
    out = sqlite_cli("classify", "--site", "site:pe-namru-south", "--json")
    assert out.exit_code == 0
    [site] = json.loads(out.output)
    assert set(site) >= {"site", "name", "country", "window", "results"}
    for r in site["results"]:
        assert set(r) >= {"typology", "category", "criteria"}
        assert all(c["status"] in ("met", "not_met", "unknown") and isinstance(c["evidence"], list)
                   for c in r["criteria"])
    assert sqlite_cli("classify").exit_code == 0
    assert sqlite_cli("classify", "--typology", "castle").exit_code == 2
    assert sqlite_cli("classify", "--site", "site:pe-nowhere").exit_code == 1


# --- the bundled Peru dataset (data/), hand-checked expectations ---------------------------------------------


@pytest.fixture
def bundled(bundled_url: str) -> Any:
    from footprint.store import Store

    with Store.open(bundled_url) as s:
        yield s


def test_bundled_namru_is_a_tenant_unit_not_a_posture_base(bundled: Any) -> None:
    [site] = classify(bundled, site="site:pe-namru-south")
    r = results(site)
    posture = r["us_global_defense_posture"]
    assert posture["categories"] == {"MOB": "not_met", "FOS": "not_met", "CSL": "not_met"}
    c = criteria(posture)
    assert c["permanent_forces_large"] == "not_met"  # 16 active duty
    assert c["small_permanent_presence"] == "met"
    assert c["rotational_forces"] == "not_met"  # one continuous research activity, no rotations
    assert c["security_cooperation_use"] == "not_met"  # its recorded use is medical research
    assert c["access_arrangement"] == "met"  # the 1983 navy-to-navy agreement
    rot = next(x for x in posture["criteria"] if x["name"] == "rotational_forces")
    assert rot["evidence"] == ["activity:pe-namru-south-research"]
    assert r["tenant_unit"]["category"] == "tenant_unit"
    assert r["broad_foreign_installation"]["category"] == "foreign_military_installation"
    assert r["funded_facility"]["category"] is None  # people are stationed there


def test_bundled_callao_naval_base(bundled: Any) -> None:
    r = results(classify(bundled, site="site:pe-base-naval-callao")[0])
    posture = r["us_global_defense_posture"]
    assert posture["category"] is None
    assert posture["categories"]["MOB"] == "not_met" and posture["categories"]["FOS"] == "not_met"
    assert criteria(posture)["foreign_controlled"] == "not_met"
    assert criteria(posture)["foreign_funded_or_maintained"] == "not_met"
    # a Congress-authorized exercise planned at the base (SIFOREX 2023), no US ownership, no permanent US staff known
    access = r["visiting_access"]
    assert access["category"] == "visiting_access"
    assert set(criteria(access).values()) == {"met"}
    limited = next(c for c in access["criteria"] if c["name"] == "time_limited_use")
    assert {"activity:pe-siforex-2023", "authorization:pe-bill-6018"} <= set(limited["evidence"])
    # a standing access arrangement is not known: CSL stays unknown, never guessed
    assert posture["categories"]["CSL"] == "unknown" and criteria(posture)["access_arrangement"] == "unknown"


def test_bundled_new_horizons_camp_is_a_temporary_facility(bundled: Any) -> None:
    [camp] = classify(bundled, site="facility:pe-new-horizons-2008-base-camp")
    r = results(camp)
    assert r["temporary_facility"]["category"] == "temporary_facility"
    assert criteria(r["temporary_facility"]) == {"activity_bound": "met", "removed_after": "met"}
    assert r["us_global_defense_posture"]["categories"]["MOB"] == "not_met"


def test_bundled_country_verdict(bundled: Any) -> None:
    s = country_summary(bundled, at="2025-12-31")
    assert s["verdict"] == "depends_on_definition"
    broad = next(t for t in s["typologies"] if t["broad"])
    assert "site:pe-namru-south" in [x["site"] for x in broad["categories"][0]["sites"]]
    assert s["permanent_personnel"]["record"] == "personnel_count:us-pe-2025q4"
    assert "authorization:pe-rl-32214" in [a["record"] for a in s["authorizations_in_force"]]
    json.dumps(s)
