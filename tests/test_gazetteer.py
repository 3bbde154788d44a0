"""Peru's gazetteer: counts, codes, aliases, accents, ambiguous names, scanning text, records."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from footprint.jurisdictions.pe.gazetteer import (
    DATA,
    Gazetteer,
    department_of,
    find_all,
    gazetteer,
    normalize,
    place_record,
    resolve,
)
from footprint.model import Place, Source, parse_record

ROOT = Path(__file__).resolve().parent.parent


def test_counts_of_admin_levels():
    g = gazetteer()
    assert g.count("department") == 25
    assert g.count("province") == 196
    assert g.count("district") == 1893
    assert g.count("country") == 1
    assert gazetteer() is g  # cached


def test_every_department_has_iso_code_ubigeo_and_capital_coordinates():
    g = gazetteer()
    departments = [p for p in g.places.values() if p.level == "department"]
    assert sorted(p.ubigeo for p in departments) == [f"{i:02d}" for i in range(1, 26)]
    for p in departments:
        assert p.id == "place:pe-" + p.iso_3166_2.split("-")[1].lower()
        assert -19 < p.lat < 0 and -82 < p.lon < -68
        assert p.sources


def test_parents_chain_up_to_the_country():
    g = gazetteer()
    district = resolve("150124")
    assert district.name == "Pucusana" and district.level == "district"
    assert [p.id for p in g.ancestors(district)] == ["place:pe-1501", "place:pe-lim", "place:pe"]
    for p in g.places.values():
        if p.parent:
            assert p.parent in g.places, p.id


@pytest.mark.parametrize(
    ("name", "expected_id", "level"),
    [
        ("Iquitos", "place:pe-iquitos", "city"),
        ("IQUITOS", "place:pe-iquitos", "city"),
        ("Santa Lucía", "place:pe-221006", "district"),
        ("santa lucia", "place:pe-221006", "district"),
        ("VRAEM", "place:pe-vraem", "area"),
        ("Vraem", "place:pe-vraem", "area"),
        ("Áncash", "place:pe-anc", "department"),
        ("ANCASH", "place:pe-anc", "department"),
        ("Cuzco", "place:pe-cus", "department"),
        ("Apurimac", "place:pe-apu", "department"),
        ("Base Naval del Callao", "place:pe-base-naval-callao", "facility"),
        ("base naval del callao", "place:pe-base-naval-callao", "facility"),
        ("Las Palmas", "place:pe-base-aerea-las-palmas", "facility"),
        ("Isla San Lorenzo", "place:pe-base-naval-isla-san-lorenzo", "facility"),
        ("NAMRU-6", "place:pe-centro-medico-naval", "facility"),
        ("Puerto Maldonado", "place:pe-puerto-maldonado", "city"),
        ("Pucusana", "place:pe-pucusana", "city"),
        ("Huamanga", "place:pe-0501", "province"),
        ("Salaverry", "place:pe-130109", "district"),
        ("Lima Metropolitana", "place:pe-1501", "province"),
        ("PE-LMA", "place:pe-1501", "province"),
        ("PE-LOR", "place:pe-lor", "department"),
        ("place:pe-cal", "place:pe-cal", "department"),
        ("Provincia Constitucional del Callao", "place:pe-cal", "department"),
    ],
)
def test_resolve_names_aliases_and_codes(name, expected_id, level):
    match = resolve(name)
    assert match is not None, name
    assert (match.id, match.level) == (expected_id, level)


def test_santa_lucia_is_the_district_in_tocache_san_martin():
    match = resolve("Santa Lucía")
    g = gazetteer()
    assert match.ubigeo == "221006"
    assert [p.name for p in g.ancestors(match)][:2] == ["Tocache", "San Martín"]
    assert match.lat is not None  # filled from the town point: the ubigeo table has none


def test_ambiguous_names_take_the_highest_level():
    assert resolve("Lima").id == "place:pe-lim"
    assert resolve("Callao").id == "place:pe-cal"
    assert resolve("Pisco").level == "province"
    assert resolve("Cusco").level == "department"


def test_level_words_choose_the_level():
    assert resolve("distrito de Pisco").id == "place:pe-110501"
    assert resolve("provincia de Lima").id == "place:pe-1501"
    assert resolve("ciudad de Pisco").id == "place:pe-pisco"
    assert resolve("departamento de Loreto").id == "place:pe-lor"
    assert resolve("región Lima").id == "place:pe-lim"


def test_context_department_resolves_a_name_several_districts_share():
    assert resolve("Santa Rosa") is None  # ten districts: no guess
    assert resolve("Santa Rosa", context="Lima").id == "place:pe-150139"
    assert resolve("Santa Lucía", context="Puno").ubigeo == "210709"
    assert resolve("Santa Lucía", context="PE-AYA").ubigeo == "050621"
    assert resolve("Santa Rosa", context="Puno") is None  # two in Puno
    assert [p.ubigeo for p in gazetteer().candidates("Santa Rosa", context="Puno")] == ["210504", "210808"]


def test_unknown_names():
    assert resolve("Springfield") is None
    assert resolve("") is None
    assert resolve("999999") is None


def test_normalize():
    assert normalize("  Áncash ") == "ancash"
    assert normalize("Rupa-Rupa") == "rupa rupa"
    assert normalize("Nepeña") == "nepena"


def test_find_all_spans_longest_names_and_context_from_text():
    text = (
        "Que, la Marina de Guerra del Perú autoriza el ingreso de personal de los Estados Unidos de América, "
        "sin armas de guerra, en las ciudades de Callao, Iquitos y Puerto Maldonado, en la Base Naval del "
        "Callao, en Santa Lucía (San Martín) y en el VRAEM; también Santa Rosa, Lima. La independencia del "
        "Perú y la Constitución Política."
    )
    found = [(text[a:b], m.id) for (a, b), m in find_all(text)]
    assert found == [
        ("Callao", "place:pe-callao"),
        ("Iquitos", "place:pe-iquitos"),
        ("Puerto Maldonado", "place:pe-puerto-maldonado"),
        ("Base Naval del Callao", "place:pe-base-naval-callao"),
        ("Santa Lucía", "place:pe-221006"),
        ("San Martín", "place:pe-sam"),
        ("VRAEM", "place:pe-vraem"),
        ("Santa Rosa", "place:pe-150139"),
        ("Lima", "place:pe-lim"),
    ]


def test_find_all_needs_a_level_word_for_names_that_are_common_words():
    assert find_all("la Independencia del Perú") == []
    found = find_all("en el distrito de Independencia, provincia de Huaraz", context="Áncash")
    assert [m.ubigeo for _, m in found] == ["020105", "0201"]


def test_find_all_without_accents_and_in_capitals():
    found = [m.id for _, m in find_all("EN LA CIUDAD DE IQUITOS Y EN PUCUSANA, Y TINGO MARIA")]
    assert found == ["place:pe-iquitos", "place:pe-pucusana", "place:pe-tingo-maria"]


def test_place_record_validates_and_cites_its_sources():
    record = place_record(resolve("Iquitos"))
    assert isinstance(record, Place)
    assert record.parent == "place:pe-160101" and record.country == "PE"
    assert record.sources and all(c.source.startswith("source:") for c in record.sources)
    data = record.model_dump(mode="json", exclude_defaults=True)
    assert parse_record(data) == record


def test_records_for_include_parents_and_sources_and_store(store):
    g = gazetteer()
    records = g.records_for([resolve("Iquitos"), resolve("VRAEM")])
    ids = [r.id for r in records]
    assert {
        "place:pe-iquitos",
        "place:pe-160101",
        "place:pe-1601",
        "place:pe-lor",
        "place:pe",
        "place:pe-vraem",
        "source:ubigeo-peru-aumentado",
    } <= set(ids)
    assert all(isinstance(r, Source | Place) for r in records)
    report = store.put_many(records)
    assert report.inserted == len(records)
    assert store.get("place:pe-iquitos").record.name == "Iquitos"
    assert store.put_many(g.records_for([resolve("Iquitos")])).inserted == 0  # idempotent


def test_base_sources_exist():
    g = gazetteer()
    for sid in ("source:ubigeo-peru-aumentado", "source:limites-peru-geojson", "source:iso-3166-2-pe"):
        assert g.sources[sid].url.startswith("https://")
    cited = {s for p in g.places.values() for s in p.sources}
    assert cited <= set(g.sources)


def test_notice_names_the_upstream_licenses():
    notice = (DATA / "NOTICE.md").read_text()
    assert "jmcastagnetto/ubigeo-peru-aumentado" in notice and "josedaniel-cb/limites-peru-geojson" in notice
    assert notice.count("MIT License") == 2


def test_generated_files_match_the_build_script(shared_data, tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build_pe_gazetteer", ROOT / "scripts" / "build_pe_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_pe_gazetteer"] = module
    spec.loader.exec_module(module)
    rows, sources = module.build(shared_data / "geo")
    with (DATA / "places.csv").open(encoding="utf-8", newline="") as f:
        committed = list(csv.DictReader(f))
    assert committed == rows
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as f:
        assert [tuple(r) for r in list(csv.reader(f))[1:]] == [tuple(s) for s in sources]
    assert json.loads((DATA / "department_shapes.json").read_text()) == module.shapes(shared_data / "geo")


def test_load_from_a_folder(tmp_path):
    for name in ("places.csv", "sources.csv"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    assert Gazetteer.load(tmp_path).count("district") == 1893


def test_department_of_a_point():
    assert department_of(-3.74808, -73.24414).id == "place:pe-lor"  # Iquitos
    assert department_of(-12.081, -77.210611).id == "place:pe-cal"  # San Lorenzo island, off the outline
    assert department_of(-12.48178, -76.79741).id == "place:pe-lim"  # Pucusana, on the coast
    assert department_of(40.4, -3.7) is None  # Madrid


def test_department_of_agrees_with_the_ubigeo_table_for_district_capitals():
    g = gazetteer()
    districts = [p for p in g.places.values() if p.level == "district" and p.lat is not None][::7]
    wrong = [p.id for p in districts if g.department_of(p.lat, p.lon) != g.department(p)]
    assert len(wrong) <= len(districts) // 100, wrong  # a few capitals sit on a simplified border


def test_find_all_skips_parts_of_longer_proper_names():
    text = (
        "Firmado: JORGE ZUÑIGA MORALES. El General Marco Antonio visitó Las Palmas de Gran Canaria; "
        "Lima, 18 de MAYO; el personal llegará a Ilo y al distrito de Ate."
    )
    found = [(text[a:b], m.id) for (a, b), m in find_all(text)]
    assert found == [("Lima", "place:pe-lim"), ("Ilo", "place:pe-1803"), ("Ate", "place:pe-150103")]


def test_require_says_whether_a_name_is_unknown_or_ambiguous():
    from footprint.errors import UnknownPlace

    g = gazetteer()
    assert g.require("Iquitos").id == "place:pe-iquitos"
    with pytest.raises(UnknownPlace, match="ambiguous: Santa Rosa \\(place:pe-"):
        g.require("Santa Rosa")
    with pytest.raises(UnknownPlace, match="not a place"):
        g.require("Springfield")
