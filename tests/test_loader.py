"""The bulk load path (``footprint load``): validation spread over worker processes, rows streamed into one
transaction, secondary indexes built after a big load into an empty registry, COPY on PostgreSQL.

The thresholds are lowered so that a few hundred records take every path the 100,000 of the benchmark take:
many chunks, two workers, records validated a batch at a time, deferred indexes, COPY. Loads with workers run in a fresh interpreter
(``load_child.py``), as the command does: workers are forked only from a process with no other thread.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from footprint import model
from footprint.bench.load import generate
from footprint.dataset import loader
from footprint.dataset.reader import split_array
from footprint.errors import InputError
from footprint.store import Store
from footprint.store import registry as store_registry

N = 400
CHILD = Path(__file__).with_name("load_child.py")
CHILD_RUN = 3_000  # load_child.py's bytes per run of a JSON array


@pytest.fixture
def small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "PARALLEL_FROM", 50)
    monkeypatch.setattr(loader, "CHUNK", 37)
    monkeypatch.setattr(store_registry, "BULK_FROM", 100)
    monkeypatch.setattr(store_registry, "COPY_FROM", 10)
    monkeypatch.setattr(model, "BATCH_FROM", 5)


def load_in_child(url: str, path: Path, workers: int = 2, *extra: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(CHILD), url, str(path), str(workers), *extra], capture_output=True,
                          text=True, timeout=120, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def contents(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with store.engine.connect() as conn:
        records = [tuple(r) for r in conn.execute(sa.text("SELECT id, kind, label, data, hash, version, start_date, "
                                                          "end_date FROM records ORDER BY id"))]
        links = [tuple(r) for r in conn.execute(sa.text("SELECT src, dst FROM links ORDER BY src, dst"))]
        events = [tuple(r) for r in conn.execute(sa.text("SELECT seq, action, record_id, version, before, after "
                                                         "FROM audit_log ORDER BY seq"))]
    return records, links, events


def index_names(store: Store) -> set[str]:
    inspector = sa.inspect(store.engine)
    return {i["name"] for table in ("records", "links", "audit_log") for i in inspector.get_indexes(table)}


def test_workers_store_exactly_what_one_process_stores(small_thresholds: None, tmp_path: Path, db_url: str) -> None:
    path = write(tmp_path / "records.json", generate(N))
    two = load_in_child(db_url, path, workers=2)
    assert two == {"read": N, "inserted": N, "updated": 0, "unchanged": 0, "workers": 2}
    lone = f"sqlite:///{tmp_path / 'one-worker.db'}"
    assert load_in_child(lone, path, workers=1)["workers"] == 1
    serial = Store.open(f"sqlite:///{tmp_path / 'serial.db'}")
    parallel = Store.open(db_url)
    try:
        one = loader.load_path(serial, path, workers=0)
        assert (one.read, one.workers, one.report.as_dict()) == (N, 0, {"inserted": N, "updated": 0, "unchanged": 0})
        assert contents(serial) == contents(parallel)
        with Store.open(lone) as one_worker:
            assert contents(one_worker) == contents(serial)
        assert parallel.verify_audit().ok and parallel.verify_audit().events == N
        # the indexes dropped for the load are back
        assert {"ix_records_kind", "ix_links_dst", "ix_audit_record"} <= index_names(parallel)
        cited = next(r for r in generate(N) if r["id"].startswith("activity:"))["sources"][0]["source"]
        assert parallel.referrers(cited) == serial.referrers(cited) != []
    finally:
        serial.close()
        parallel.close()


def serial_contents(tmp_path: Path, items: list[dict[str, Any]]) -> Any:
    with Store.open(f"sqlite:///{tmp_path / 'serial.db'}") as serial:
        loader.load_path(serial, write(tmp_path / "serial.json", items), workers=0)
        return contents(serial)


def runs_that_parse(raw: bytes, size: int) -> list[bool]:
    runs = split_array(raw, size)
    assert runs is not None
    out = []
    for start, stop in runs:
        try:
            orjson.loads(b"[" + raw[start:stop] + b"]")
            out.append(True)
        except orjson.JSONDecodeError:
            out.append(False)
    return out


@pytest.mark.parametrize("form", ["array", "wrapped", "lines", "cut_in_a_string"])
def test_every_way_of_reading_a_file_stores_the_same(small_thresholds: None, form: str, tmp_path: Path) -> None:
    """A JSON array is parsed by the workers, a run each; other files are parsed here and the workers validate
    the items; a run that does not parse (a cut inside a string) sends the whole file down that second way."""
    items = generate(N)
    if form == "cut_in_a_string":  # every cut after this record falls inside its notes
        items[3]["notes"] = "}, {" * (N * 300 // 4)
    if form == "wrapped":
        path = write(tmp_path / "records.json", {"records": items})
    elif form == "lines":
        path = tmp_path / "records.jsonl"
        path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    else:
        path = write(tmp_path / "records.json", items)
    if form in ("array", "cut_in_a_string"):
        parse = runs_that_parse(path.read_bytes(), CHILD_RUN)
        assert len(parse) > 10 and all(parse) == (form == "array")
    url = f"sqlite:///{tmp_path / 'workers.db'}"
    assert load_in_child(url, path) == {"read": N, "inserted": N, "updated": 0, "unchanged": 0, "workers": 2}
    with Store.open(url) as store:
        assert contents(store) == serial_contents(tmp_path, items)
        assert store.verify_audit().ok


def test_a_malformed_big_array_is_reported_as_a_whole_file_read_reports_it(tmp_path: Path, store: Store) -> None:
    raw = orjson.dumps(generate(N))
    path = tmp_path / "cut-short.json"
    path.write_bytes(raw[:len(raw) // 2] + b"]")  # the runs before the cut parse, the one across it does not
    failed = load_in_child(store.url, path)
    assert failed["error"] == "InputError" and failed["where"] == str(path)
    assert failed["message"].startswith("malformed JSON at line 1, column")
    assert store.counts() == {} and store.audit_events() == []


JSON_OBJECTS = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(alphabet="{}[],: \"\\añ\n", max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet="{},\"a", max_size=4), inner,
                                                                max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.dictionaries(st.text(max_size=3), JSON_OBJECTS, max_size=4), min_size=1, max_size=12),
       indent=st.booleans(), size=st.integers(0, 60), damage=st.integers(0, 400))
def test_runs_that_all_parse_are_the_array_whatever_the_cuts(items: list[dict[str, Any]], indent: bool, size: int,
                                                             damage: int) -> None:
    """Runs are cut without parsing (inside strings and nested objects too); when every run parses, the runs'
    elements are the file's, and the file is valid JSON even when it was damaged."""
    raw = orjson.dumps(items, option=orjson.OPT_INDENT_2 if indent else 0)
    if damage < len(raw) and damage % 3:  # one byte gone, in two cases out of three
        raw = raw[:damage] + raw[damage + 1:]
    runs = split_array(raw, size)
    if runs is None:
        return
    try:
        parsed = [orjson.loads(b"[" + raw[start:stop] + b"]") for start, stop in runs]
    except orjson.JSONDecodeError:
        return  # the loader reads such a file whole
    assert [item for run in parsed for item in run] == orjson.loads(raw)


@pytest.mark.parametrize(("raw", "runs"), [
    (b'[{"a": 1}, {"b": 2}]', [(1, 9), (11, 19)]),
    (b'\xef\xbb\xbf \n[{"a":1},{"b":2}] \n', [(6, 13), (14, 21)]),  # a byte-order mark and spaces around
    (b'{"records": [{"a": 1}]}', None),  # not an array: read whole
    (b"[1, 2]", None),  # not an array of objects
    (b"[]", None),
    (b'[{"a": 1}] x', None),  # trailing bytes: read whole, which reports them
])
def test_split_array_cuts_between_objects(raw: bytes, runs: list[tuple[int, int]] | None) -> None:
    assert split_array(raw, 0) == runs


def test_within_a_chunk_the_audit_log_goes_in_id_order(small_thresholds: None, tmp_path: Path) -> None:
    items = generate(30)  # one chunk
    a = Store.open(f"sqlite:///{tmp_path / 'a.db'}")
    b = Store.open(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        loader.load_path(a, write(tmp_path / "a.json", items), workers=0)
        loader.load_path(b, write(tmp_path / "b.json", items[::-1]), workers=0)
        assert contents(a) == contents(b)
        assert [e[2] for e in contents(a)[2]] == sorted(i["id"] for i in items)
    finally:
        a.close()
        b.close()


def test_reload_is_a_no_op_and_a_change_is_one_update(small_thresholds: None, tmp_path: Path, store: Store) -> None:
    items = generate(N)
    path = write(tmp_path / "records.json", items)
    assert load_in_child(store.url, path)["inserted"] == N
    again = load_in_child(store.url, path)
    assert again == {"read": N, "inserted": 0, "updated": 0, "unchanged": N, "workers": 2}
    changed = next(i for i in items if i["id"].startswith("site:"))
    old_name = changed["name"]
    changed["name"] = "Base Naval de Ñaña (renamed)"
    third = load_in_child(store.url, write(tmp_path / "changed.json", items))
    assert third == {"read": N, "inserted": 0, "updated": 1, "unchanged": N - 1, "workers": 2}
    history = store.history(changed["id"])
    assert [(e["action"], e["version"]) for e in history] == [("insert", 1), ("update", 2)]
    assert history[1]["before"]["name"] == old_name and history[1]["after"]["name"] == changed["name"]
    assert store.verify_audit().ok


def test_a_bad_record_late_in_the_file_leaves_the_registry_as_it_was(small_thresholds: None, tmp_path: Path,
                                                                     store: Store) -> None:
    loader.load_path(store, write(tmp_path / "first.json", generate(60, seed=1)[:10]), workers=0)
    before = contents(store)
    items = generate(N)
    items[N - 3] = {**items[N - 3], "start": "2024-02-30"}
    path = write(tmp_path / "bad.json", items)
    failed = load_in_child(store.url, path)
    assert failed["error"] == "InputError" and failed["where"].startswith(f"{path}[{N - 3}]")
    assert "has no day 30" in failed["message"]
    assert contents(store) == before
    assert {"ix_records_kind", "ix_links_dst", "ix_audit_record"} <= index_names(store)


def test_a_failed_load_into_an_empty_registry_keeps_its_indexes(small_thresholds: None, tmp_path: Path,
                                                                store: Store) -> None:
    items = generate(N)
    items.append({**items[-1], "id": "authorization:pe-bench-late", "sources": [{"source": "source:nowhere"}]})
    failed = load_in_child(store.url, write(tmp_path / "refs.json", items))
    assert failed["message"].startswith("refers to 'source:nowhere', which is neither in the input nor")
    assert failed["where"] == "authorization:pe-bench-late"
    assert store.counts() == {} and store.audit_events() == []
    assert {"ix_records_kind", "ix_links_dst", "ix_audit_record"} <= index_names(store)


def journal_mode(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        mode: str = conn.execute("PRAGMA journal_mode").fetchone()[0]
    return mode


def test_a_big_load_into_an_empty_sqlite_file_leaves_it_in_wal_mode(small_thresholds: None, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Written directly (rollback journal) rather than through the log, then back to WAL, loaded or not; with
    another connection open the switch is refused and the load goes through the log."""
    during: list[str] = []
    put_chunks = store_registry.Writer.put_chunks

    def watched(self: store_registry.Writer, *args: Any, **kwargs: Any) -> Any:
        during.append(self.conn.exec_driver_sql("PRAGMA journal_mode").scalar())
        return put_chunks(self, *args, **kwargs)

    monkeypatch.setattr(store_registry.Writer, "put_chunks", watched)
    items = generate(N)
    site = next(i for i in items if i["id"].startswith("site:"))
    bad = write(tmp_path / "bad.json", [*items, {**site, "id": "site:pe-late", "lat": 123}])
    for name, reader_open in (("alone.db", False), ("shared.db", True)):
        db = tmp_path / name
        with Store.open(f"sqlite:///{db}") as store:
            other = sqlite3.connect(db) if reader_open else None
            if other is not None:  # a reader that has read (the website, say)
                assert other.execute("SELECT count(*) FROM records").fetchone() == (0,)
            try:
                with pytest.raises(InputError, match="site:pe-late: lat: Input should be less than or equal to 90"):
                    loader.load_path(store, bad, workers=0)
                assert journal_mode(db) == "wal" and store.counts() == {}
                loaded = loader.load_path(store, write(tmp_path / "records.json", items), workers=0)
                assert loaded.report.inserted == N and journal_mode(db) == "wal"
                assert not (tmp_path / f"{name}-journal").exists()
                assert store.verify_audit().ok and sum(store.counts().values()) == N
                assert during == (["wal", "wal"] if reader_open else ["delete", "delete"])
                during.clear()
            finally:
                if other is not None:
                    other.close()


def test_a_repeated_id_in_another_chunk_names_both_places(small_thresholds: None, tmp_path: Path,
                                                          store: Store) -> None:
    items = generate(N)
    items.append(dict(items[5]))
    path = write(tmp_path / "dup.json", items)
    failed = load_in_child(store.url, path)
    assert failed == {"error": "DuplicateId", "message": f"the id {items[5]['id']!r} appears twice (first at {path}[5])",
                      "where": f"{path}[{N}]"}
    assert store.counts() == {}


def test_a_worker_killed_midway_is_an_error_not_a_hang(small_thresholds: None, tmp_path: Path,
                                                      store: Store) -> None:
    loader.load_path(store, write(tmp_path / "first.json", generate(60, seed=1)[:10]), workers=0)
    before = contents(store)
    failed = load_in_child(store.url, write(tmp_path / "records.json", generate(N)), 2, "3")
    assert failed["error"] == "FootprintError"
    assert failed["message"].startswith("a worker validating the records stopped unexpectedly")
    assert contents(store) == before


def test_copy_on_postgresql_round_trips_accents_and_nulls(small_thresholds: None, pg_url: str) -> None:
    from footprint.model import parse_record

    records = [parse_record({"id": f"source:pe-n-{i}", "url": f"https://example.org/ñ/{i}",
                             "title": "Resolución\tSuprema\n«Nº 12»\\x" if i % 2 else None}) for i in range(25)]
    store = Store.open(pg_url)
    try:
        report = store.put_many(records, actor="ñandú")
        assert report.inserted == 25
        assert store.get("source:pe-n-1").record.title == "Resolución\tSuprema\n«Nº 12»\\x"  # type: ignore[attr-defined]
        assert store.get("source:pe-n-2").record.title is None  # type: ignore[attr-defined]
        assert store.verify_audit().ok
        assert {e["actor"] for e in store.audit_events()} == {"ñandú"}
    finally:
        store.close()


def test_cli_load_takes_a_worker_count(cli, small_thresholds: None, tmp_path: Path) -> None:
    path = write(tmp_path / "records.json", generate(N))
    result = cli("load", str(path), "--workers", "2", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"path": str(path), "read": N, "inserted": N, "updated": 0, "unchanged": 0}
    bad = cli("load", str(path), "--workers", "-1")
    assert bad.exit_code == 2 and "--workers" in bad.output
