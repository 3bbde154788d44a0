"""`footprint init / load / export / show / audit verify`, and every class of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD = [
    {"id": "source:rpp-2025-12-05", "url": "https://rpp.pe/politica/congreso/ejemplo", "publisher": "RPP",
     "date": "2025-12-05"},
    {"id": "place:pe-lor", "name": "Loreto", "level": "department", "country": "PE", "iso_3166_2": "PE-LOR",
     "ubigeo": "16", "lat": -3.7491, "lon": -73.2538, "sources": [{"source": "source:rpp-2025-12-05"}]},
    {"id": "authorization:pe-rl-32214", "visiting_country": "US", "host_country": "PE", "armed": True,
     "purpose": "Apoyo, asistencia y entrenamiento", "purpose_category": "training", "start": "2025-01-01",
     "end": "2025-12-31", "personnel": 55, "places": ["place:pe-lor"], "places_as_written": ["Loreto", "Iquitos"],
     "sources": [{"source": "source:rpp-2025-12-05", "field": "personnel", "span": [120, 135]}]},
]


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_show_export_round_trip(cli, tmp_path: Path) -> None:
    result = cli("load", str(write(tmp_path / "r.json", GOOD)), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"path": str(tmp_path / "r.json"), "read": 3, "inserted": 3, "updated": 0,
                                         "unchanged": 0}
    again = json.loads(cli("load", str(tmp_path / "r.json"), "--json").stdout)
    assert again["unchanged"] == 3 and again["inserted"] == 0
    shown = json.loads(cli("show", "authorization", "pe-rl-32214", "--json", "--history").stdout)
    assert shown["record"]["personnel"] == 55 and shown["version"] == 1
    assert [e["action"] for e in shown["history"]] == ["insert"]
    for fmt, target in (("json", "out.json"), ("datapackage", "pkg"), ("csv", "csv"), ("sqlite", "out.db")):
        result = cli("export", "--format", fmt, str(tmp_path / target), "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["records"] == 3
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert sorted(exported, key=lambda r: r["id"]) == sorted(GOOD, key=lambda r: r["id"])
    for reload in ("pkg", "pkg/datapackage.json", "csv/authorizations.csv"):
        result = cli("load", str(tmp_path / reload), "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["inserted"] == 0
    assert cli("audit", "verify").exit_code == 0


def test_show_unknown_record_exits_1(cli) -> None:
    result = cli("show", "site", "pe-nowhere")
    assert result.exit_code == 1
    assert "no record 'site:pe-nowhere'" in result.stderr


BAD = {
    "nonexistent path": (None, "no such file or folder"),
    "malformed json": ('[{"id": "source:a", "url": "x"', "malformed JSON at line 1"),
    "malformed csv": ('id,url\n"source:a,https://x\n', "malformed CSV"),
    "unknown place code": ([{**GOOD[2], "places": ["place:pe-zzz"]}], "refers to 'place:pe-zzz'"),
    "end before start": ([{**GOOD[2], "start": "2025-12-31", "end": "2025-01-01"}], "end: 2025-01-01 is before"),
    "duplicate id": ([GOOD[0], GOOD[0]], "appears twice"),
    "bad country": ([{**GOOD[2], "visiting_country": "USA"}], "visiting_country: 'USA' is not an ISO"),
    "not a list": ({"id": "source:a"}, "expected a JSON list of records"),
    "not utf-8": (b"\xff\xfe[", "not UTF-8 text"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_exits_2_with_one_line_and_writes_nothing(cli, tmp_path: Path, case: str) -> None:
    cli("load", str(write(tmp_path / "seed.json", GOOD[:2])))
    before = json.loads(cli("summary", "--json").stdout)
    content, message = BAD[case]
    suffix = ".csv" if case == "malformed csv" else ".json"
    path = tmp_path / f"input{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        write(path, content)
    result = cli("load", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert str(path) in lines[0]
    assert "Traceback" not in result.output
    after = json.loads(cli("summary", "--json").stdout)
    assert after["by_kind"] == before["by_kind"] and after["audit_events"] == before["audit_events"]


def test_audit_verify_fails_on_a_tampered_row(sqlite_cli, sqlite_url: str, tmp_path: Path) -> None:
    import sqlalchemy as sa

    sqlite_cli("load", str(write(tmp_path / "r.json", GOOD)))
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3"))
    engine.dispose()
    result = sqlite_cli("audit", "verify", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["first_broken"] == 3


def test_audit_verify_fails_on_a_record_edited_behind_the_logs_back(sqlite_cli, sqlite_url: str,
                                                                     tmp_path: Path) -> None:
    import sqlalchemy as sa

    sqlite_cli("load", str(write(tmp_path / "r.json", GOOD)))
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE records SET data = replace(data, '55', '5500') WHERE id LIKE 'authorization:%'"))
    engine.dispose()
    result = sqlite_cli("audit", "verify")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("Audit log BROKEN at event 1: record authorization:pe-rl-32214 differs from "
                                     "what event 1 recorded")


def test_unsupported_database_url_is_bad_input(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from footprint.cli import main

    result = CliRunner().invoke(main, ["--db", "mysql://x/y", "summary"])
    assert result.exit_code == 2
    assert "unsupported database 'mysql'" in result.stderr
