"""``footprint eval``: precision, recall and F1 per field against a labelled folder and vote-subject labels."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from footprint.cli import main
from footprint.jurisdictions.pe.evaluate import Scores, evaluate, normalize_number

LAW = Path(__file__).parent / "fixtures" / "law"
FIXTURES = Path(__file__).parent / "fixtures"


def _labelled_folder(tmp_path: Path) -> Path:
    """Single-norm fixtures as a gazette-excerpts-style folder, labels taken from their expected JSON."""
    folder = tmp_path / "labelled"
    folder.mkdir()
    for expected in LAW.glob("*.expected.json"):
        norms = json.loads(expected.read_text(encoding="utf-8"))
        if len(norms) != 1:
            continue
        stem = expected.name.removesuffix(".expected.json")
        shutil.copy(LAW / f"{stem}.txt", folder / f"{stem}.txt")
        label = {k: v for k, v in norms[0].items() if k not in ("part", "bill")}
        (folder / f"{stem}.json").write_text(json.dumps(label, ensure_ascii=False), encoding="utf-8")
    return folder


def _plenos(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "plenos"
    subjects = {
        "2021-2026/2023/05/25/2023-05-25T22-56-votacion": ("TEXTO SUSTITUTORIO DEL PROYECTO DE RESOLUCIÓN "
            "LEGISLATIVA 5111, QUE PROPONE AUTORIZAR EL INGRESO DE MEDIOS AÉREOS, MEDIOS NÁUTICOS Y PERSONAL MILITAR "
            "EXTRANJERO CON ARMAS DE GUERRA AL TERRITORIO DE LA REPUBLICA DEL PERÚ", "true", "5111"),
        "2021-2026/2023/03/03/2023-03-03T20-00-votacion": ("NUEVO TEXTO SUSTITUTORIO DEL PROYECTO DE LEY 2174, QUE "
            "PROPONE ESTABLECER LA ASIGNACIÓN ECONÓMICA MENSUAL DEL PERSONAL DEL SERVICIO MILITAR ACUARTELADO",
            "false", ""),
        "2021-2026/2023/10/12/2023-10-12T12-07-votacion": ("TEXTO SUSTITUTORIO DE LOS PROYECTOS DE LEY 1377 Y 1465, "
            "QUE PROPONE MODIFICAR LA LEY 29182, LEY DE ORGANIZACIÓN Y FUNCIONES DEL FUERO MILITAR POLICIAL",
            "false", ""),
    }
    labels = tmp_path / "labels.csv"
    with labels.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["vote_folder", "date", "relevant", "bill_number"])
        for folder, (subject, relevant, bill) in subjects.items():
            (root / folder).mkdir(parents=True)
            with (root / folder / "metadatos.csv").open("w", encoding="utf-8", newline="") as m:
                mw = csv.writer(m)
                mw.writerows([["metadato", "valor"], ["dia", folder[-24:-14]], ["asunto", subject]])
            w.writerow([folder, folder[-24:-14], relevant, bill])
    return labels, root


def test_scores_per_field() -> None:
    s = Scores()
    s.binary("a", "relevant", True, True)
    s.binary("b", "relevant", False, True)
    s.binary("c", "relevant", True, False)
    s.scalar("a", "number", "945-2016-DE/SG", "945-2016-DE/SG")
    s.scalar("b", "number", None, None)
    s.sets("a", "visiting_countries", ["US", "CL"], ["US"])
    r = s.report("x", 3)["fields"]
    assert r["relevant"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert r["number"]["f1"] == 1.0
    assert r["visiting_countries"]["recall"] == 0.5 and r["visiting_countries"]["precision"] == 1.0
    assert normalize_number("0945-2016-DE/SG") == "945-2016-DE/SG" and normalize_number("494-2014-DE/") == "494-2014-DE"


def test_eval_command_on_a_labelled_folder(tmp_path: Path) -> None:
    folder = _labelled_folder(tmp_path)
    result = CliRunner().invoke(main, ["eval", "--labels", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["items"] == len(list(folder.glob("*.json"))) >= 5
    for field, score in report["fields"].items():
        assert score["f1"] == 1.0, (field, score)
    assert report["errors"] == []


def test_eval_command_on_vote_labels_and_table_output(tmp_path: Path) -> None:
    labels, root = _plenos(tmp_path)
    result = CliRunner().invoke(main, ["eval", "--labels", str(labels), "--plenos", str(root), "--json"])
    assert result.exit_code == 0, result.output
    fields = json.loads(result.stdout)["fields"]
    assert fields["relevant"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert fields["bill"]["f1"] == 1.0
    table = CliRunner().invoke(main, ["eval", "--labels", str(labels), "--plenos", str(root)])
    assert table.exit_code == 0 and "precision" in table.output and "relevant" in table.output


def test_eval_bad_labels_exit_2_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(main, ["eval", "--labels", str(missing)])
    assert result.exit_code == 2 and str(missing) in result.stderr and "Traceback" not in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--labels", str(bad)])
    assert result.exit_code == 2 and "vote_folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_real_data_scores(shared_data: Path) -> None:
    plenos = shared_data / "openpolitica-plenos"
    reports = evaluate([shared_data / "gazette-excerpts", plenos / "labels-2021-2022.csv",
                        FIXTURES / "plenos-2023-2024-labels.csv"], plenos)
    gazette, votes_2021, votes_2023 = reports
    for report in (gazette, votes_2021, votes_2023):
        rel = report["fields"]["relevant"]
        assert rel["recall"] == 1.0 and rel["precision"] >= 0.95, report["source"]
    assert gazette["fields"]["relevant"]["fp"] == 0
    for report in (votes_2021, votes_2023):
        assert report["fields"]["bill"]["f1"] == 1.0
    for field in ("visiting_countries", "armed"):
        assert gazette["fields"][field]["f1"] == 1.0


def test_eval_default_labels_need_shared_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_SHARED_DATA", str(tmp_path / "absent"))
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 2 and "--labels" in result.stderr
