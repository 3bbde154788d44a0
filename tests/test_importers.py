"""The importers on the real shared datasets: openpolitica plenary votes and troopdata."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from footprint.importers import countries, openpolitica, troopdata

TROOP_FILES = ("basedata.csv", "troopdata-rebuild-country-year-quarter-format.csv", "mme_v7.csv", "builddata.csv")


def _json(result) -> dict:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# --- openpolitica --------------------------------------------------------------------------------------


def test_vote_on_bill_5111_has_official_totals_groups_and_members(cli, shared_data: Path) -> None:
    report = _json(cli("import", "openpolitica", str(shared_data / "openpolitica-plenos"), "--json"))
    assert report["by_kind"]["vote"] == 22 and report["rejected"] == []
    vote = _json(cli("show", "vote", "pe-2023-05-25T22-56", "--json"))["record"]
    assert vote["bill"] == "bill:pe-5111" and vote["date"] == "2023-05-25" and vote["time"] == "22:56"
    totals = vote["totals"]
    assert (totals["yes"], totals["no"], totals["abstain"]) == (69, 29, 6)
    assert (totals["no_answer"], totals["absent"], totals["on_leave"]) == (4, 9, 12)
    assert len(vote["members"]) == 130
    assert sum(1 for m in vote["members"] if m["vote"] == "SI") == 69
    fp = next(g for g in vote["groups"] if g["group"] == "FP")
    assert fp["yes"] == 18 and fp["legal_number"] == 23
    assert "source:pe-congreso-pleno-2023-05-25" in {s["source"] for s in vote["sources"]}
    bill = _json(cli("show", "bill", "pe-5111", "--json"))["record"]
    assert bill["number"] == "5111"


def test_openpolitica_rerun_imports_nothing(cli, shared_data: Path) -> None:
    path = str(shared_data / "openpolitica-plenos")
    first = _json(cli("import", "openpolitica", path, "--json"))
    again = _json(cli("import", "openpolitica", path, "--json"))
    assert first["written"]["inserted"] == first["records"]
    assert again["written"]["inserted"] == 0 and again["written"]["updated"] == 0
    assert again["written"]["unchanged"] == again["records"] == first["records"] - again["by_kind"].get("bill", 0) - 23


def test_press_figures_kept_beside_official_record(store, shared_data: Path) -> None:
    from footprint.dataset import read_path
    from tests.conftest import BUNDLED

    store.put_many(read_path(BUNDLED))
    result = openpolitica.read(shared_data / "openpolitica-plenos", store=store)
    vote = next(r for r in result.records if r.id == "vote:pe-2023-05-25T22-56")
    assert (vote.totals.yes, vote.totals.no) == (69, 29)
    assert {r["source"] for r in vote.reported} == {"source:congreso-5111", "source:canal-i-25074"}
    conflict = next(c for c in vote.conflicts if c.field == "totals")
    assert conflict.chosen == {"yes": 69, "no": 29, "abstain": 6}
    assert {"yes": 70, "no": 31, "abstain": 6} in [v.value for v in conflict.values]
    assert "bill:pe-5111" not in {r.id for r in result.records}  # the curated bill is not overwritten
    report = store.put_many(result.records)
    assert (report.inserted, report.updated) == (0, 0)  # the bundled dataset already holds the official votes
    assert store.get("vote:pe-2023-05-25T22-56").record.instrument == "instrument:pe-rl-31757"


def test_relevance_agrees_with_the_labelled_years(shared_data: Path) -> None:
    root = shared_data / "openpolitica-plenos"
    with (root / "labels-2021-2022.csv").open(encoding="utf-8") as f:
        labels = list(csv.DictReader(f))
    for row in labels:
        meta = root / row["vote_folder"] / "metadatos.csv"
        subject = dict(r[:2] for r in csv.reader(meta.read_text(encoding="utf-8").splitlines()))["asunto"]
        assert openpolitica.is_relevant(subject) == (row["relevant"] == "true"), row["vote_folder"]
        if row["relevant"] == "true":
            assert openpolitica.bill_numbers(subject)[0] == row["bill_number"]


def test_relevance_and_bill_numbers_of_vote_subjects() -> None:
    assert openpolitica.is_relevant("PROYECTO DE RESOLUCIÓN LEGISLATIVA 4734, QUE PROPONE AUTORIZAR EL INGRESO DE "
                                    "UNA UNIDAD NAVAL Y PERSONAL MILITAR EXTRANJERO, DE LA REPÚBLICA DE CHILE, CON "
                                    "ARMAS DE GUERRA AL TERRITORIO DE LA REPÚBLICA DEL PERÚ")
    assert not openpolitica.is_relevant("PROYECTO DE LEY 2848, QUE PROPONE OTORGAR AMNISTÍA DE MULTA A LAS "
                                        "PERSONAS EXTRANJERAS")
    assert openpolitica.bill_numbers("TEXTO SUSTITUTORIO DE LOS PROYECTOS DE RESOLUCIÓN LEGISLATIVA 288 Y 295, "
                                     "QUE ...") == ["288", "295"]


@pytest.fixture
def broken_votes(shared_data: Path, tmp_path: Path) -> Path:
    """Two real vote folders, one with its totals file damaged."""
    src = shared_data / "openpolitica-plenos" / "2021-2026" / "2023" / "05" / "25"
    root = tmp_path / "plenos" / "2023" / "05" / "25"
    for name in ("2023-05-25T22-56-votacion", "2023-05-25T19-19-votacion"):
        shutil.copytree(src / name, root / name)
    bad = root / "2023-05-25T19-19-votacion" / "resultados.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace("si,58", "si,cincuenta"), encoding="utf-8")
    return tmp_path / "plenos"


def test_bad_vote_file_reported_with_file_and_line(cli, broken_votes: Path) -> None:
    strict = cli("import", "openpolitica", str(broken_votes), "--strict")
    assert strict.exit_code == 2 and "resultados.csv" in strict.output and "nothing written" in strict.output
    assert _json(cli("summary", "--json"))["records"] == 0
    report = _json(cli("import", "openpolitica", str(broken_votes), "--json"))
    assert report["by_kind"]["vote"] == 1
    [rejected] = report["rejected"]
    assert rejected["file"].endswith("2023-05-25T19-19-votacion/resultados.csv") and rejected["line"] == 3


# --- troopdata -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def troops(shared_data: Path) -> troopdata.ImportResult:
    return troopdata.read(shared_data / "troopdata")


def _rows(path: Path, **match: str) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return [r for r in csv.DictReader(text.splitlines()) if all(r.get(k) == v for k, v in match.items())]


def test_five_peru_sites_none_a_major_base(troops: troopdata.ImportResult) -> None:
    peru = [r for r in troops.records if r.kind == "site" and r.host_country == "PE"]
    assert len(peru) == 5
    assert {r.name for r in peru} >= {"Lima", "Puno", "Tarapoto"}
    for site in peru:
        coding = {label["label"]: label["value"] for label in site.labels}
        assert coding["base"] == 0 and all(label["by"] == "source:troopdata-bases" for label in site.labels)
    santa_rosa = next(r for r in peru if "Santa Rosa" in r.name)
    assert santa_rosa.site_type == "funded_facility" and santa_rosa.facts == {"foreign_funded": True}
    lima = next(r for r in peru if r.name == "Lima")
    assert lima.site_type == "other" and lima.controlled_by is None


def test_peru_active_duty_december_2025(troops: troopdata.ImportResult, shared_data: Path) -> None:
    [row] = _rows(shared_data / "troopdata" / TROOP_FILES[1], iso3c="PER", year="2025", month="December")
    count = next(r for r in troops.records if r.id == "personnel_count:us-pe-2025q4")
    assert count.active_duty == int(row["troops_ad"]) == 42
    assert count.civilians == 7 and count.total == 44 and count.date == "2025-12" and count.category == "permanent"
    assert count.flags and "add up to 24" in count.flags[0]  # per-service columns do not add up: kept, flagged
    assert next(r for r in troops.records if r.id == "personnel_count:us-pe-2017q2").active_duty == 107


def test_partial_and_slash_dates(troops: troopdata.ImportResult) -> None:
    by_id = {r.id: r for r in troops.records}
    assert (by_id["activity:mme-88"].start, by_id["activity:mme-88"].end) == ("1980-01", "1980-01")
    assert by_id["activity:mme-88"].host_country == "EG"
    assert (by_id["activity:mme-87"].start, by_id["activity:mme-87"].end) == ("1980-01-14", "1980-01-21")
    assert troopdata.parse_mme_date("12/3/09") == "2009-12-03"
    with pytest.raises(ValueError):
        troopdata.parse_mme_date("13/40/80")


def test_unmappable_country_rows_reported(troops: troopdata.ImportResult, shared_data: Path) -> None:
    kashmir = [r for r in troops.rejected if "Kashmir" in r.reason]
    assert kashmir and kashmir[0].file == TROOP_FILES[1] and kashmir[0].line == 29434
    lines = (shared_data / "troopdata" / TROOP_FILES[1]).read_text(encoding="utf-8").splitlines()
    assert ",Kashmir," in lines[kashmir[0].line - 1]
    dungu = next(r for r in troops.records if r.id == "site:cd-dungu")
    assert dungu.conflicts[0].chosen == "CD"  # code COG says Congo-Brazzaville; the name and coordinates say DRC


def test_countries_by_code_name_and_era() -> None:
    assert countries.to_iso2("PER", "Peru").code == "PE"
    assert countries.to_iso2("NA", "Yugoslavia").code == "YU"
    assert countries.to_iso2(None, "Russia", 1985).code == "SU"
    assert countries.to_iso2(None, "Russia", 1995).code == "RU"
    assert countries.to_iso2("KSV", "Kosovo").code == "XK"
    assert countries.to_iso2("NA", "British West Indies").code is None
    assert countries.country_in_text("South China Sea") is None
    assert countries.country_in_text("Peruvian Waters, El Callao Port near Lima") == "PE"


@pytest.fixture
def small_troopdata(shared_data: Path, tmp_path: Path) -> Path:
    """The real files cut to Peru's rows, plus a Kashmir row and a damaged row."""
    src, out = shared_data / "troopdata", tmp_path / "troopdata"
    out.mkdir()
    for name in TROOP_FILES:
        raw = (src / name).read_bytes()
        lines = raw.split(b"\n")
        keep = [lines[0]] + [ln for ln in lines[1:] if b"PER" in ln or b"Peru" in ln or b"Kashmir" in ln]
        if name == TROOP_FILES[1]:
            keep.append(b"135,PER,Peru,20x5,December,4,NA,1,1,0,0,0,NA,NA,NA,NA,NA,NA,NA,NA,NA,0,0,0,0,0,0,0,x,1,x")
        if name == TROOP_FILES[0]:
            keep.append(b"Peru,135,PER,Bad site,south,west,0,1,0")
        (out / name).write_bytes(b"\n".join(keep) + b"\n")
    return out


def test_troopdata_import_rerun_and_strict(cli, small_troopdata: Path) -> None:
    report = _json(cli("import", "troopdata", str(small_troopdata), "--json"))
    assert report["by_kind"]["site"] == 5 and report["by_kind"]["personnel_count"] > 100
    reasons = {(r["file"], r["reason"].split(" (")[0]) for r in report["rejected"]}
    assert (TROOP_FILES[1], "country cannot be mapped to ISO 3166") in reasons
    assert any(r["file"] == TROOP_FILES[0] and "coordinates" in r["reason"] for r in report["rejected"])
    bad = [r for r in report["rejected"] if "cannot read the row" in r["reason"]]
    assert bad and bad[0]["line"] == len(small_troopdata.joinpath(TROOP_FILES[1]).read_text().splitlines())
    again = _json(cli("import", "troopdata", str(small_troopdata), "--json"))
    assert again["written"]["inserted"] == 0 and again["written"]["updated"] == 0
    count = _json(cli("show", "personnel_count", "us-pe-2025q4", "--json"))["record"]
    assert count["active_duty"] == 42


def test_troopdata_strict_writes_nothing(cli, small_troopdata: Path) -> None:
    result = cli("import", "troopdata", str(small_troopdata), "--strict")
    assert result.exit_code == 2
    assert "nothing written" in result.output and result.output.count("\n") == 1
    assert _json(cli("summary", "--json"))["records"] == 0


def test_missing_folder_is_bad_input(cli, tmp_path: Path) -> None:
    result = cli("import", "troopdata", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "expected the troopdata folder" in result.output


def test_import_after_bundled_dataset_changes_nothing_it_holds(cli, shared_data: Path) -> None:
    from tests.conftest import BUNDLED

    assert cli("load", str(BUNDLED)).exit_code == 0
    votes = _json(cli("import", "openpolitica", str(shared_data / "openpolitica-plenos" / "2021-2026"), "--json"))
    assert votes["written"]["updated"] == 0 and votes["written"]["inserted"] == 0
