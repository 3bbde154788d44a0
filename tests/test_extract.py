"""The Peru extractor: fixtures with expected JSON, Peruvian dates and numbers, real relevant items, the
``extract`` command and bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfs import make_pdf

from footprint.cli import main
from footprint.jurisdictions import get
from footprint.jurisdictions.pe import extract_norms
from footprint.jurisdictions.pe.countries import find_countries
from footprint.jurisdictions.pe.dates import find_dates, find_ranges
from footprint.jurisdictions.pe.numbers import parse_number
from footprint.jurisdictions.pe.patterns import lower

LAW = Path(__file__).parent / "fixtures" / "law"
FIXTURES = sorted(p.stem for p in LAW.glob("*.txt"))
README_FIELDS = {"instrument_type", "number", "issued_date", "relevant", "visiting_countries", "armed",
                 "activities", "legal_basis"}
ACTIVITY_FIELDS = {"purpose", "purpose_category", "start", "end", "personnel", "places", "units", "host_units"}


def _strip(norm: dict) -> dict:
    return {k: v for k, v in norm.items() if k not in ("detail", "file")}


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_matches_expected_json(name: str) -> None:
    text = (LAW / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((LAW / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = extract_norms(text, f"{name}.txt")
    assert [_strip(n) for n in got] == expected


@pytest.mark.parametrize("name", FIXTURES)
def test_fields_are_exactly_the_contract_and_spans_point_into_the_text(name: str) -> None:
    text = (LAW / f"{name}.txt").read_text(encoding="utf-8")
    for norm in extract_norms(text, name):
        assert set(norm) == README_FIELDS | {"file", "part", "bill", "detail"}
        for act in norm["activities"]:
            assert set(act) == ACTIVITY_FIELDS
        spans = norm["detail"]["spans"]
        if norm["number"]:
            s, e = spans["instrument"]
            assert norm["number"].split("-")[0] in text[s:e].replace(" ", "").lstrip("0") or \
                norm["number"].split("-")[0] in text[s:e]
        if norm["relevant"]:
            s, e = spans["relevance"]
            assert "ingres" in text[s:e].lower() or "INGRES" in text[s:e]
            for iso, places in spans["visiting_countries"].items():
                assert iso in norm["visiting_countries"] and places
            for act, detail in zip(norm["activities"], norm["detail"]["activities"], strict=True):
                for place, (s, e) in zip(act["places"], detail["place_spans"], strict=True):
                    assert text[s:e] == place
                if act["personnel"]:
                    s, e = detail["spans"]["personnel"]
                    assert parse_number(text[s:e]) == act["personnel"]


def test_gazette_page_gives_one_line_per_norm_with_parts() -> None:
    norms = extract_norms((LAW / "gazette-page-three-norms.txt").read_text(encoding="utf-8"), "page.txt")
    assert [n["part"] for n in norms] == [0, 1, 2]
    assert [n["relevant"] for n in norms] == [False, True, False]
    assert norms[1]["visiting_countries"] == ["CO"] and norms[1]["armed"] is False


def test_places_resolve_to_the_gazetteer_or_stay_flagged() -> None:
    norm = extract_norms((LAW / "rl-32510-annex.txt").read_text(encoding="utf-8"))[0]
    places = {p["name"]: p for p in norm["detail"]["places"]}
    assert set(places) >= {"Callao", "Iquitos", "Ayacucho"}
    pytest.importorskip("footprint.jurisdictions.pe.gazetteer")
    assert places["Iquitos"]["resolved"] is True and places["Iquitos"]["iso_3166_2"] == "PE-LOR"
    flattened = extract_norms((LAW / "nasty-flattened-rl.txt").read_text(encoding="utf-8"))[0]
    flags = {p["name"]: p["resolved"] for p in flattened["detail"]["places"]}
    assert "Mar de Grau" in flags


def test_modifies_and_equipment_in_detail() -> None:
    rs = extract_norms((LAW / "rs-088-2026-de.txt").read_text(encoding="utf-8"))[0]
    assert rs["detail"]["modifies"][0]["instrument_type"] == "RL"
    assert rs["detail"]["modifies"][0]["number"] == "32510"
    bill = extract_norms("TEXTO SUSTITUTORIO DE LOS PROYECTOS DE RESOLUCIÓN LEGISLATIVA 288 Y 295, QUE PROPONE "
                         "MODIFICAR EL ANEXO DE LA RESOLUCIÓN LEGISLATIVA 31350, RESOLUCIÓN LEGISLATIVA QUE AUTORIZA "
                         "EL INGRESO DE UNIDADES NAVALES Y PERSONAL MILITAR EXTRANJERO CON ARMAS DE GUERRA")[0]
    assert bill["instrument_type"] == "BILL" and bill["bill"] == "288"
    assert bill["detail"]["modifies"][0] == {**bill["detail"]["modifies"][0], "number": "31350", "what": "anexo"}
    rl = extract_norms((LAW / "rl-32510-annex.txt").read_text(encoding="utf-8"))[0]
    kinds = {e["kind"] for e in rl["detail"]["equipment"]}
    assert {"aircraft", "vehicle", "weapon"} <= kinds


@pytest.mark.parametrize(("text", "kind", "number", "bill"), [
    ("RESOLUCIÓN LEGISLATIVA Nº 32214\n\nEL PRESIDENTE DE LA REPÚBLICA", "RL", "32214", None),
    ("RESOLUCIÓN MINISTERIAL Nº 0945-2016-DE/SG\nLima, 29 de agosto de 2016", "RM", "945-2016-DE/SG", None),
    ("RESOLUCIÓN SUPREMA N° 131-2016-DE/EP\nLima, 29 de abril de 2016", "RS", "131-2016-DE/EP", None),
    ("PRL 5111 que autoriza el ingreso de personal militar extranjero", "BILL", "5111", "5111"),
    ("PROYECTO DE RESOLUCIÓN LEGISLATIVA 13436, QUE PROPONE AUTORIZAR EL INGRESO", "BILL", "13436", "13436"),
])
def test_instrument_numbers(text: str, kind: str, number: str, bill: str | None) -> None:
    norm = extract_norms(text)[0]
    assert (norm["instrument_type"], norm["number"], norm["bill"]) == (kind, number, bill)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("del 08 al 15 de setiembre de 2016", "2016-09-08", "2016-09-15"),
    ("del 08\nal 15 de setiembre de 2016", "2016-09-08", "2016-09-15"),
    ("desde el 1 de enero hasta el 31 de diciembre de 2026", "2026-01-01", "2026-12-31"),
    ("del primero de julio al treinta de agosto de dos mil veinticinco", "2025-07-01", "2025-08-30"),
    ("del 1ro de marzo al 2 de abril del 2026", "2026-03-01", "2026-04-02"),
    ("del 20 de diciembre de 2025 al 10 de enero de 2026", "2025-12-20", "2026-01-10"),
    ("del 28 de noviembre al 5 de diciembre de 2026", "2026-11-28", "2026-12-05"),
    ("DEL 3 AL 9 DE SETIEMBRE DE 2024", "2024-09-03", "2024-09-09"),
    ("del 3 al 9 de septiembre de 2024", "2024-09-03", "2024-09-09"),
    ("entre el 3 y el 9 de octubre de 2024", "2024-10-03", "2024-10-09"),
    ("from September 8 to 15, 2016", "2016-09-08", "2016-09-15"),
])
def test_peruvian_date_ranges(text: str, start: str, end: str) -> None:
    (r,) = find_ranges(lower(text))
    assert (r.start.isoformat(), r.end.isoformat()) == (start, end)


MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
          "noviembre", "diciembre"]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(0, 20),
       st.sampled_from([" ", "\n", "  \n"]), st.booleans())
def test_date_ranges_round_trip(day: dt.date, length: int, gap: str, upper: bool) -> None:
    last = day + dt.timedelta(days=length)
    text = f"del {day.day} de {MONTHS[day.month - 1]} de {day.year}{gap}al {last.day} de{gap}{MONTHS[last.month - 1]} " \
           f"de {last.year}"
    text = text.upper() if upper else text
    (r,) = find_ranges(lower(text))
    assert (r.start, r.end) == (day, last)


def test_single_dates_with_ordinals_and_english() -> None:
    found = [d.isoformat() for d, _ in find_dates(lower("Lima, 1ro de mayo del 2020; September 3, 2019"))]
    assert found == ["2020-05-01", "2019-09-03"]


@pytest.mark.parametrize(("text", "value"), [
    ("cuatrocientos cincuenta", 450), ("veinticuatro", 24), ("1,200", 1200), ("1.200", 1200),
    ("treinta y uno", 31), ("dos mil dieciséis", 2016), ("ciento veinte", 120), ("primero", 1), ("1°", 1),
])
def test_numbers(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "iso"), [
    ("personal militar de los Estados Unidos de América", "US"), ("personal de los EE.UU.", "US"),
    ("la Guardia Costera de los Estados Unidos", "US"), ("unidad naval de la Armada Argentina", "AR"),
    ("EXTRANJERO DE JAPÓN, CON ARMAS", "JP"), ("de la Republica del Ecuador", "EC"),
    ("Estados Unidos de Amér ica", "US"),
])
def test_countries(text: str, iso: str) -> None:
    assert [c for c, _ in find_countries(lower(text))] == [iso]
    assert find_countries(lower("el territorio de la República del Perú")) == []


def test_jurisdiction_registry() -> None:
    from footprint.errors import InputError

    assert get("pe").extract_norms is extract_norms
    with pytest.raises(InputError):
        get("AR")


def test_real_relevant_gazette_items_exact(shared_data: Path) -> None:
    from footprint.jurisdictions.pe.evaluate import normalize_number, pick

    folder = shared_data / "gazette-excerpts"
    relevant = 0
    for label_path in sorted(folder.glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        got = pick(extract_norms(label_path.with_suffix(".txt").read_text(encoding="utf-8")))
        assert got["relevant"] == label["relevant"], label_path.stem
        if label["relevant"]:
            relevant += 1
            assert normalize_number(got["number"]) == normalize_number(label["number"]), label_path.stem
            assert got["instrument_type"] == label["instrument_type"]
            assert got["visiting_countries"] == label["visiting_countries"], label_path.stem
            assert got["armed"] == label["armed"], label_path.stem
    assert relevant == 3


# Countries as each relevant 2021-2024 vote title states them (read by hand); all are "con armas de guerra".
VOTE_COUNTRIES = {"4766": ["US"], "4734": ["CL"], "5318": ["US"], "5379": ["JP"], "5655": ["AR"], "5907": ["US"],
                  "6018": ["US"], "6019": ["CO"], "6416": ["EC"], "6553": ["US"]}


@pytest.mark.parametrize("labels", ["labels-2021-2022.csv", "plenos-2023-2024-labels.csv"])
def test_real_relevant_votes_exact(shared_data: Path, labels: str) -> None:
    import csv

    from footprint.jurisdictions.pe.evaluate import vote_subject

    root = shared_data / "openpolitica-plenos"
    path = root / labels if labels.startswith("labels-") else Path(__file__).parent / "fixtures" / labels
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["relevant"] == "true"]
    assert rows
    for row in rows:
        norm = extract_norms(vote_subject(root, row["vote_folder"]))[0]
        assert norm["instrument_type"] == "BILL" and norm["bill"] == row["bill_number"], row["vote_folder"]
        assert norm["armed"] is True
        assert norm["visiting_countries"] == VOTE_COUNTRIES.get(row["bill_number"], []), row["vote_folder"]


# --- the command ---------------------------------------------------------------------------------------------


def _pdf(path: Path, text: str | None) -> None:
    path.write_bytes(make_pdf(text))


def test_extract_command_json_lines_and_no_database(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", "extract", "--json",
                                       str(LAW / "gazette-page-three-norms.txt"), str(LAW / "rm-1520-2025-de.txt")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(Path(n["file"]).name, n["part"]) for n in lines] == [
        ("gazette-page-three-norms.txt", 0), ("gazette-page-three-norms.txt", 1),
        ("gazette-page-three-norms.txt", 2), ("rm-1520-2025-de.txt", 0)]
    assert not db.exists()


def test_extract_command_irrelevant_file_still_gives_a_line(tmp_path: Path) -> None:
    f = tmp_path / "ley.txt"
    f.write_text("LEY Nº 31999\n\nLEY QUE MODIFICA EL CÓDIGO PENAL\n\nArtículo 1. Objeto", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--json", str(f)])
    assert result.exit_code == 0
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["relevant"] is False and line["instrument_type"] == "LEY" and line["number"] == "31999"


def test_extract_command_bad_files_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text((LAW / "rm-1520-2025-de.txt").read_text(encoding="utf-8"), encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("RESOLUCIÓN MINISTERIAL Nº 0731-2024-DE/SG\nautorización para el ingreso de personal "
                      "militar de los Estados Unidos de América, sin armas de guerra".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    scanned = tmp_path / "scan.pdf"
    _pdf(scanned, None)
    with_text = tmp_path / "text.pdf"
    _pdf(with_text, "PROYECTO DE RESOLUCION LEGISLATIVA 5111 QUE AUTORIZA EL INGRESO DE PERSONAL MILITAR EXTRANJERO")
    html = tmp_path / "page.html"
    html.write_text("<html><body><p>PRL 4023 que autoriza el ingreso de una unidad naval y personal militar "
                    "extranjero con armas de guerra</p></body></html>", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    files = [good, empty, latin, binary, missing, scanned, with_text, html]
    result = CliRunner().invoke(main, ["extract", "--json", *map(str, files)])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 5 and "Traceback" not in result.output
    for path, word in [(empty, "empty"), (binary, "binary"), (missing, "no such file"), (scanned, "no text")]:
        assert any(str(path) in e and word in e for e in errors), (path, errors)
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    by_file = {Path(n["file"]).name: n for n in lines}
    assert set(by_file) == {"good.txt", "latin1.txt", "text.pdf", "page.html"}
    assert by_file["latin1.txt"]["relevant"] and by_file["latin1.txt"]["visiting_countries"] == ["US"]
    assert by_file["text.pdf"]["bill"] == "5111" and by_file["text.pdf"]["relevant"]
    assert by_file["page.html"]["bill"] == "4023" and by_file["page.html"]["armed"] is True


def test_read_document_reports_encoding() -> None:
    from footprint.jurisdictions.documents import read_document

    text, info = read_document(LAW / "rm-1520-2025-de.txt")
    assert info["format"] == "text" and info["encoding"] == "utf-8" and "RESOLUCIÓN" in text


def test_bench_corpus_streams_varied_documents() -> None:
    import types

    from footprint.bench.extract import corpus

    stream = corpus(200, seed=3)
    assert isinstance(stream, types.GeneratorType)
    docs = list(stream)
    assert len(docs) == 200 and docs == list(corpus(200, seed=3))
    assert len(set(docs)) > 50
    assert any(extract_norms(d)[0]["relevant"] for d in docs)
