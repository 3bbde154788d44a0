"""``footprint ingest``: files and folders in, sourced records out, idempotently, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from pdfs import make_pdf

from footprint.ingest import collect_files, ingest
from footprint.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
GOOD = [
    "rm-0945-2016-de-sg.txt",
    "rm-0120-2019-de-sg.html",
    "rs-0033-2022-de.txt",
    "viaje-personal-peruano.txt",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of good documents, a Latin-1 one and a PDF with a text layer, in a sub-folder too."""
    return fill_corpus(tmp_path / "corpus")


def fill_corpus(folder: Path) -> Path:
    """The good fixtures, a Latin-1 copy in a sub-folder and a PDF with a text layer (shared with the Spark test)."""
    (folder / "2018").mkdir(parents=True)
    for name in GOOD:
        shutil.copy(FIXTURES / name, folder / name)
    text = (FIXTURES / "rm-0300-2018-de-sg.txt").read_text(encoding="utf-8")
    (folder / "2018" / "rm-0300-2018-de-sg-latin1.txt").write_bytes(text.encode("latin-1"))
    pdf_text = (FIXTURES / "rm-0480-2021-de.txt").read_text(encoding="utf-8")
    (folder / "rm-0480-2021-de.pdf").write_bytes(make_pdf(pdf_text))
    return folder


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    files = {"empty": folder / "empty.txt", "binary": folder / "binary.txt", "no_text": folder / "scan.pdf"}
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["no_text"].write_bytes(make_pdf(None))
    return files


def lines(output: str) -> list[dict]:
    return [orjson.loads(line) for line in output.splitlines() if line.strip()]


def by_file(reports: list[dict]) -> dict[str, dict]:
    return {Path(r["file"]).name: r for r in reports if "file" in r}


def test_ingest_stores_instruments_authorizations_places_and_sources(cli, corpus, db_url):
    result = cli("ingest", str(corpus), "--json", "--workers", "1")
    assert result.exit_code == 0, result.output
    reports = lines(result.output)
    summary = reports[-1]
    assert summary["summary"] is True and summary["files"] == 6
    assert (summary["stored"], summary["skipped"], summary["rejected"]) == (5, 1, 0)
    docs = by_file(reports[:-1])
    assert docs["viaje-personal-peruano.txt"]["status"] == "skipped"
    assert "no norm" in docs["viaje-personal-peruano.txt"]["reason"]
    with Store.open(db_url) as store:
        rm = store.get("instrument:pe-rm-945-2016-de-sg").record
        assert rm.type == "RM" and rm.number == "945-2016-DE/SG"
        auth = store.get("authorization:pe-rm-945-2016-de-sg").record
        assert auth.visiting_country == "US" and auth.armed is False
        assert auth.instrument == rm.id
        assert "place:pe-iquitos" in auth.places and "place:pe-puerto-maldonado" in auth.places
        assert store.get("place:pe-lor").record.level == "department"  # parents stored with the places
        source = store.get(docs["rm-0945-2016-de-sg.txt"]["source"]).record
        assert source.sha256 == docs["rm-0945-2016-de-sg.txt"]["sha256"]
        assert source.document.endswith("rm-0945-2016-de-sg.txt")
        assert all(c.source == source.id for c in auth.sources)
        assert store.get("source:ubigeo-peru-aumentado").record.url.startswith("https://github.com/")
        assert store.document(source.sha256)["source_id"] == source.id
        assert store.verify_audit().ok


def test_latin1_text_is_decoded(cli, corpus, db_url):
    assert cli("ingest", str(corpus), "--workers", "1").exit_code == 0
    with Store.open(db_url) as store:
        auth = store.get("authorization:pe-rm-300-2018-de-sg").record
        assert auth.visiting_country == "US"
        assert any(name.startswith("Anc\u00f3n") for name in auth.places_as_written), auth.places_as_written
        assert "place:pe-ancon" in auth.places or "place:pe-150102" in auth.places


def test_pdf_text_layer_is_read(cli, corpus, db_url):
    result = cli("ingest", str(corpus / "rm-0480-2021-de.pdf"), "--json")
    assert result.exit_code == 0, result.output
    [report, summary] = lines(result.output)
    assert report["status"] == "stored" and summary["stored"] == 1
    with Store.open(db_url) as store:
        auth = store.get("authorization:pe-rm-480-2021-de").record
        assert auth.visiting_country == "AR" and auth.armed is False
        assert auth.start == "2021-07-19"


def test_ingest_is_idempotent(cli, corpus, db_url):
    assert cli("ingest", str(corpus), "--workers", "1").exit_code == 0
    with Store.open(db_url) as store:
        counts = store.counts()
        events = len(store.audit_events())
    result = cli("ingest", str(corpus), "--json", "--workers", "1")
    assert result.exit_code == 0
    reports = lines(result.output)
    assert reports[-1]["skipped"] == 6 and reports[-1]["stored"] == 0
    assert all("already ingested" in r["reason"] for r in reports[:-1])
    with Store.open(db_url) as store:
        assert store.counts() == counts
        assert len(store.audit_events()) == events


def test_bad_files_are_reported_and_skipped_and_the_rest_stored(cli, corpus, bad_files, db_url):
    result = cli("ingest", str(corpus), *(str(p) for p in bad_files.values()), "--json", "--workers", "1")
    assert result.exit_code == 0, result.output
    reports = lines(result.output)
    assert reports[-1]["rejected"] == 3 and reports[-1]["stored"] == 5
    docs = by_file(reports[:-1])
    for name in ("empty.txt", "binary.txt", "scan.pdf"):
        assert docs[name]["status"] == "rejected" and docs[name]["reason"], docs[name]
    with Store.open(db_url) as store:
        assert store.get("instrument:pe-rm-945-2016-de-sg")
        assert store.document(docs["empty.txt"]["sha256"]) is None  # a rejected file is tried again next time


def test_strict_with_a_bad_file_writes_nothing(cli, corpus, bad_files, db_url):
    result = cli("ingest", str(corpus), str(bad_files["binary"]), "--strict", "--json", "--workers", "1")
    assert result.exit_code == 2
    reports = lines(result.stdout)
    assert [Path(r["file"]).name for r in reports[:-1]] == ["binary.txt"]
    assert reports[-1]["written"] is False and reports[-1]["rejected"] == 1
    assert "nothing written" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    with Store.open(db_url) as store:
        assert store.counts() == {}
        assert store.audit_events() == []


def test_strict_without_rejections_stores_everything(cli, corpus, db_url):
    result = cli("ingest", str(corpus), "--strict", "--json", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert lines(result.output)[-1]["stored"] == 5


def test_same_content_twice_in_one_run(sqlite_cli, corpus, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(corpus / "rm-0945-2016-de-sg.txt", copy)
    result = sqlite_cli("ingest", str(corpus / "rm-0945-2016-de-sg.txt"), str(copy), "--json")
    docs = by_file(lines(result.output)[:-1])
    assert docs["copy.txt"]["status"] == "skipped" and "same content as" in docs["copy.txt"]["reason"]


def test_an_act_from_two_documents_cites_both(sqlite_cli, sqlite_url, corpus, tmp_path):
    other = tmp_path / "second-copy.txt"
    other.write_text((corpus / "rm-0945-2016-de-sg.txt").read_text() + "\n(Publicado en El Peruano)\n")
    assert sqlite_cli("ingest", str(corpus / "rm-0945-2016-de-sg.txt")).exit_code == 0
    assert sqlite_cli("ingest", str(other)).exit_code == 0
    with Store.open(sqlite_url) as store:
        record = store.get("instrument:pe-rm-945-2016-de-sg")
        assert len({c.source for c in record.record.sources}) == 2
        assert record.version == 2


def test_unsupported_files_in_a_folder_are_reported(sqlite_cli, corpus):
    (corpus / "notes.json").write_text("{}")
    (corpus / ".hidden.txt").write_text("x")
    result = sqlite_cli("ingest", str(corpus), "--json", "--workers", "1")
    docs = by_file(lines(result.output)[:-1])
    assert docs["notes.json"]["status"] == "skipped" and ".pdf" in docs["notes.json"]["reason"]
    assert ".hidden.txt" not in docs


def test_missing_path_is_bad_input(sqlite_cli, tmp_path):
    result = sqlite_cli("ingest", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert (
        result.stderr.startswith("Error: ") and "nope" in result.stderr and "Traceback" not in result.output
    )


def test_human_report(sqlite_cli, corpus, bad_files):
    result = sqlite_cli("ingest", str(corpus), str(bad_files["empty"]), "--workers", "1")
    assert result.exit_code == 0
    assert "rejected: " in result.output and "empty.txt" in result.output
    assert "stored" in result.output and "skipped" in result.output


def test_process_pool_stores_what_one_process_stores(tmp_path, corpus, bad_files):
    files = collect_files([corpus, *bad_files.values()])
    dumps = []
    for workers in (1, 3):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        reports: list[dict] = []
        with Store.open(url) as store:
            summary = ingest(store, files, workers=workers, on_document=reports.append)
            dumps.append(
                (
                    sorted(store.iter_data(), key=lambda d: d["id"]),
                    [r["file"] for r in reports],
                    {k: summary[k] for k in ("files", "stored", "skipped", "rejected", "records")},
                )
            )
    assert dumps[0] == dumps[1]
    assert dumps[0][1] == [str(f) for f in files]  # reports come in input order


def _norm(**changes):
    norm = {
        "file": "x.txt",
        "part": 0,
        "bill": None,
        "instrument_type": "RL",
        "number": "31390",
        "issued_date": "2022-01-10",
        "relevant": True,
        "visiting_countries": ["US"],
        "armed": True,
        "activities": [
            {
                "purpose": "entrenamiento",
                "purpose_category": "training",
                "start": "2022-03-01",
                "end": "2022-03-20",
                "personnel": 40,
                "places": ["Iquitos", "Ciudad Gótica"],
                "units": ["SOUTHCOM"],
                "host_units": [],
            }
        ],
        "legal_basis": ["Ley 27856"],
        "detail": {"span": [0, 100], "spans": {"armed": [10, 30]}},
    }
    norm.update(changes)
    return norm


def test_records_per_activity_and_country_with_readable_ids():
    from footprint.ingest import document_records

    acts = [
        _norm()["activities"][0],
        {**_norm()["activities"][0], "places": ["VRAEM"], "purpose_category": "odd"},
    ]
    out = document_records("x.txt", "ab" * 32, [_norm(visiting_countries=["US", "CO"], activities=acts)])
    auths = [r for r in out.records if r.kind == "authorization"]
    assert [a.id for a in auths] == [
        "authorization:pe-rl-31390-1-us",
        "authorization:pe-rl-31390-1-co",
        "authorization:pe-rl-31390-2-us",
        "authorization:pe-rl-31390-2-co",
    ]
    assert auths[0].places == ["place:pe-iquitos"] and auths[0].places_as_written == [
        "Iquitos",
        "Ciudad Gótica",
    ]
    assert auths[2].purpose_category == "other"
    assert out.unresolved_places == ["Ciudad Gótica"]
    assert auths[0].sources[1].field == "armed" and auths[0].sources[1].span == (10, 30)
    assert out.records[0].id == "source:doc-" + "ab" * 8 and out.records[0].sha256 == "ab" * 32


def test_a_bill_read_in_a_vote_and_an_enacted_act_with_its_bill():
    from footprint.ingest import document_records

    bill = document_records("v.txt", "cd" * 32, [_norm(instrument_type="BILL", number=None, bill="5111")])
    assert [r.id for r in bill.records if r.kind in ("bill", "authorization", "instrument")] == [
        "bill:pe-5111",
        "authorization:pe-bill-5111",
    ]
    act = document_records("a.txt", "ef" * 32, [_norm(bill="5111")])
    [instrument] = [r for r in act.records if r.kind == "instrument"]
    [record] = [r for r in act.records if r.kind == "bill"]
    assert instrument.bill == "bill:pe-5111" and record.enacted_as == instrument.id


def test_what_an_act_modifies_is_linked_when_known(sqlite_url, tmp_path):
    from footprint.ingest.pipeline import _Run

    with Store.open(sqlite_url) as store:
        run = _Run(store)
        first = {"path": "a.txt", "sha256": "11" * 32, "norms": [_norm()]}
        second = {
            "path": "b.txt",
            "sha256": "22" * 32,
            "norms": [
                _norm(
                    number="31400",
                    detail={
                        "modifies": [
                            {"instrument_type": "RL", "number": "31390"},
                            {"instrument_type": "RL", "number": "29999"},
                        ]
                    },
                )
            ],
        }
        assert run.store_one(first)["status"] == "stored"
        report = run.store_one(second)
        assert report["status"] == "stored"
        assert store.get("instrument:pe-rl-31400").record.modifies == ["instrument:pe-rl-31390"]
        assert "instrument:pe-rl-29999" in report["warnings"][0]


def test_fields_already_in_the_registry_are_kept(sqlite_url):
    from footprint.ingest import merge_into
    from footprint.model import parse_record

    old = parse_record(
        {
            "id": "instrument:pe-rl-31390",
            "jurisdiction": "PE",
            "type": "RL",
            "number": "31390",
            "title": "Programa de actividades 2022",
            "published_date": "2022-01-12",
            "sources": [{"source": "source:el-peruano"}],
        }
    )
    new = parse_record(
        {
            "id": "instrument:pe-rl-31390",
            "jurisdiction": "PE",
            "type": "RL",
            "number": "31390",
            "issued_date": "2022-01-10",
            "sources": [{"source": "source:doc-1111"}],
        }
    )
    merged = merge_into(old, new)
    assert merged.title == "Programa de actividades 2022" and merged.issued_date == "2022-01-10"
    assert [c.source for c in merged.sources] == ["source:el-peruano", "source:doc-1111"]


def test_a_value_the_model_refuses_rejects_the_document(sqlite_url):
    from footprint.ingest.pipeline import _Run

    bad = _norm(activities=[{**_norm()["activities"][0], "start": "2022-04-01", "end": "2022-03-01"}])
    with Store.open(sqlite_url) as store:
        report = _Run(store).store_one({"path": "bad.txt", "sha256": "33" * 32, "norms": [bad]})
        assert report["status"] == "rejected" and "before start" in report["reason"]
        assert store.counts() == {}
