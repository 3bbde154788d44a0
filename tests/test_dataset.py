"""The bundled Peru dataset (data/): loads with every reference resolved, round-trips through export, and its
GeoJSON and HXL exports are well-formed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from footprint.dataset import extra, read_path
from footprint.model import dump_record
from footprint.store import Store
from tests.conftest import BUNDLED


def _json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_bundled_dataset_loads_round_trips_and_reloads_as_no_op(cli, tmp_path: Path) -> None:
    loaded = _json(cli("load", str(BUNDLED), "--json"))
    assert loaded["inserted"] == loaded["read"] > 500
    out = tmp_path / "package"
    exported = _json(cli("export", "--format", "datapackage", str(out), "--json"))
    assert exported["records"] == loaded["read"]
    original = {r.id: dump_record(r) for r in read_path(BUNDLED)}
    again = {r.id: dump_record(r) for r in read_path(out)}
    assert again == original
    reload = _json(cli("load", str(out), "--json"))
    assert (reload["inserted"], reload["updated"], reload["unchanged"]) == (0, 0, loaded["read"])


def _records(url: str) -> dict[str, object]:
    with Store.open(url) as store:
        return {r.id: r for r in store.records()}


def test_required_facts_are_present(bundled_url: str) -> None:
    r = _records(bundled_url)
    # the legal framework and bills kept apart from enacted numbers
    for rid in ("instrument:pe-constitution-1993", "instrument:pe-ley-27856", "instrument:pe-ley-28899",
                "instrument:pe-ley-30209", "instrument:pe-rl-30724", "instrument:pe-rl-30746",
                "instrument:pe-rl-32214"):
        assert rid in r, rid
    assert r["bill:pe-5111"].enacted_as == "instrument:pe-rl-31757"
    assert r["instrument:pe-rl-31757"].bill == "bill:pe-5111"
    assert r["instrument:pe-rl-31758"].conflicts[0].field == "number"
    assert r["bill:pe-13436"].enacted_as is None
    apec = r["authorization:pe-rl-32151"]
    assert (apec.start, apec.end, apec.personnel, apec.armed) == ("2024-11-04", "2024-11-24", 600, True)
    assert set(apec.places) == {"place:pe-lima", "place:pe-pisco", "place:pe-chiclayo"}
    rl2025 = r["authorization:pe-rl-32214"]
    assert (rl2025.personnel, rl2025.start, rl2025.end) == (55, "2025-01-01", "2025-12-31")
    # the official vote wins; the press figure is kept beside it
    vote = r["vote:pe-2023-05-25T22-56"]
    assert (vote.totals.yes, vote.totals.no, vote.totals.abstain) == (69, 29, 6)
    assert any(c.field == "totals" for c in vote.conflicts) and vote.reported
    # long-standing presence
    namru = r["site:pe-namru-south"]
    assert namru.start == "1983-01-20" and namru.facts["permanent_foreign_personnel"] == 16
    assert namru.facts["prepositioned_equipment"] is None
    assert r["site:pe-centro-medico-naval"].tenants == ["site:pe-namru-south"]
    assert r["site:pe-namru-south-iquitos"].place == "place:pe-clinica-naval-iquitos"
    assert r["site:pe-coer-moquegua"].site_type == "funded_facility"
    camp = r["facility:pe-new-horizons-2008-base-camp"]
    assert [e.status for e in camp.lifecycle] == ["planned", "established", "operating", "dismantled"]
    assert r["activity:pe-new-horizons-2008"].status == "completed"
    assert r["procurement:pe-dsca-25-37"].status == "notified"
    assert r["assistance:pe-usns-comfort-2018-patients"].reached == 6229
    assert r["review:callao-base-bought"].rating == "false"
    assert r["review:callao-base-bought"].original_rating == "Falso"
    assert r["personnel_count:us-pe-2025q4"].active_duty == 42


def test_places_departments_and_sources(bundled_url: str) -> None:
    r = _records(bundled_url)
    departments = [p for p in r.values() if p.kind == "place" and p.level == "department"]
    assert len(departments) == 25
    assert all(p.ubigeo and p.iso_3166_2 and p.lat is not None for p in departments)
    assert r["place:pe-lor"].iso_3166_2 == "PE-LOR"
    for record in r.values():
        if record.kind != "source":
            assert record.sources, record.id
            assert all(r[c.source].url for c in record.sources), record.id


def test_geojson_export_is_a_feature_collection(sqlite_cli, tmp_path: Path) -> None:
    _json(sqlite_cli("load", str(BUNDLED), "--json"))
    out = tmp_path / "map.geojson"
    summary = _json(sqlite_cli("export", "--format", "geojson", str(out), "--json"))
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    ids = set()
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert feature["properties"]["kind"] in ("site", "place", "facility")
        ids.add(feature["id"])
    assert {"site:pe-namru-south", "facility:pe-new-horizons-2008-base-camp", "place:pe-lor"} <= ids
    assert summary["by_kind"]["facility"] == 3


def test_hxl_export_tags_assistance(tmp_path: Path) -> None:
    out = tmp_path / "assistance.csv"
    counts = extra.write("hxl", read_path(BUNDLED), out)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, tags, body = rows[0], rows[1], rows[2:]
    assert all(t.startswith("#") for t in tags) and len(tags) == len(header)
    for tag in ("#org+prov", "#sector", "#adm1+name", "#adm1+code", "#date+start", "#date+end", "#reached",
                "#value+usd"):
        assert tag in tags
    assert counts["assistance"] == len(body) > 10
    by_id = {row[0]: dict(zip(tags, row, strict=True)) for row in body}
    moquegua = by_id["assistance:pe-coer-moquegua"]
    assert (moquegua["#adm1+code"], moquegua["#adm1+name"], moquegua["#value+usd"]) == ("PE-MOQ", "Moquegua",
                                                                                      "2200000.0")
    assert by_id["assistance:pe-usns-comfort-2018-patients"]["#reached"] == "6229"
    assert by_id["assistance:pe-usns-comfort-2018-patients"]["#adm1+code"] == "PE-PIU"


def test_hxl_of_assistance_alone_resolves_adm1_through_the_gazetteer(tmp_path: Path) -> None:
    out = tmp_path / "only.csv"
    extra.write("hxl", [r for r in read_path(BUNDLED) if r.kind == "assistance"], out)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    by_id = {row[0]: dict(zip(rows[1], row, strict=True)) for row in rows[2:]}
    assert by_id["assistance:pe-coer-ucayali"]["#adm1+code"] == "PE-UCA"
    assert by_id["assistance:pe-coer-ucayali"]["#loc+name"] == "Pucallpa"


def test_activities_at_the_callao_naval_base_name_it_as_their_site(bundled_url: str) -> None:
    r = _records(bundled_url)
    callao = r["site:pe-base-naval-callao"]
    used = [a for a in r.values() if a.kind == "activity" and callao.id in a.sites]
    assert any(a.authorizations for a in used), "no authorized activity names the Callao naval base as its site"
    assert r["activity:pe-siforex-2023"] in used
    # facts the sources support: host-owned, no permanent foreign staff known, the FMS case only notified
    assert callao.facts["foreign_owned"] is False and callao.facts["permanent_foreign_personnel"] == 0
    assert callao.facts["fms_case"] == "procurement:pe-dsca-25-37" and callao.facts["fms_case_contracted"] is False
    assert r["procurement:pe-dsca-25-37"].status == "notified"
    cited = {c.field for c in callao.sources if c.field}
    assert {"facts.foreign_owned", "facts.permanent_foreign_personnel"} <= cited


def test_totals_of_several_nations_are_not_read_as_us_personnel(bundled_url: str) -> None:
    from footprint.analysis import check

    r = _records(bundled_url)
    for rid, total in (("activity:pe-resolute-sentinel-2024", 1500), ("activity:pe-unitas-2021", 5700),
                       ("activity:pe-siforex-2021", 1500)):
        act = r[rid]
        assert act.personnel_observed is None, rid  # the US share is not stated: unknown, not guessed
        assert act.personnel_observed_all_nations == total, rid
        assert act.notes and "US share" in act.notes, rid
    with Store.open(bundled_url) as store:
        findings = check(store)
    over = [f for f in findings if "activity:pe-resolute-sentinel-2024" in f["records"] and f["severity"] == "error"]
    assert over == []


def test_footprint_reviews_say_they_are_footprints_own(bundled_url: str) -> None:
    reviews = [x for x in _records(bundled_url).values() if x.kind == "review"]
    assert reviews
    for review in reviews:
        ours = review.reviewer == "footprint"
        assert (review.reviewer_kind == "footprint") == ours, review.id
        assert ours or review.url, review.id  # an external verdict points to where it was published


def test_apec_places_agree_with_its_authorization(bundled_url: str) -> None:
    from footprint.analysis import check

    r = _records(bundled_url)
    apec = r["activity:pe-apec-2024-security"]
    assert set(apec.places) <= set(r["authorization:pe-rl-32151"].places)
    assert not apec.sites  # the sources name the cities, not the facilities used
    with Store.open(bundled_url) as store:
        findings = check(store)
    assert not [f for f in findings if apec.id in f["records"] and f["rule"] == "activity_outside_places"]
