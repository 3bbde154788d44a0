"""The store, on SQLite and PostgreSQL alike: migrations, idempotent writes, optimistic locking, audit chain."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from footprint.errors import Conflict, DuplicateId, InputError, NotFound
from footprint.model import parse_record
from footprint.store import Store
from footprint.store.engine import HEAD, current_revision

SOURCE = {"id": "source:congreso-2025", "url": "https://www.congreso.gob.pe/", "publisher": "Congreso"}
PLACE = {"id": "place:pe-cal", "name": "Callao", "level": "department", "country": "PE", "iso_3166_2": "PE-CAL",
         "ubigeo": "07", "lat": -12.06, "lon": -77.15, "sources": [{"source": "source:congreso-2025"}]}
SITE = {"id": "site:pe-base-naval-callao", "name": "Base Naval del Callao", "host_country": "PE",
        "place": "place:pe-cal", "operator": "Marina de Guerra del Perú", "controlled_by": "PE",
        "sources": [{"source": "source:congreso-2025", "field": "operator", "span": [10, 40]}]}


def records(*items: dict[str, object]) -> list:
    return [parse_record(i) for i in items]


def test_migrations_create_every_table_from_empty(store: Store) -> None:
    assert current_revision(store.engine) == HEAD
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"records", "links", "audit_log", "documents", "users", "alembic_version"} <= names
    again = Store.open(store.url)  # opening again runs nothing and keeps the data
    assert again.counts() == {}
    again.close()


def test_put_many_is_idempotent_by_id_and_content(store: Store) -> None:
    first = store.put_many(records(SOURCE, PLACE, SITE))
    assert (first.inserted, first.updated, first.unchanged) == (3, 0, 0)
    second = store.put_many(records(SOURCE, PLACE, SITE))
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 3)
    changed = store.put_many(records({**SITE, "operator": "Marina de Guerra del Perú (MGP)"}))
    assert changed.updated == 1
    assert store.get(SITE["id"]).version == 2
    assert store.counts() == {"place": 1, "site": 1, "source": 1}
    assert store.referrers("place:pe-cal") == ["site:pe-base-naval-callao"]


def test_accents_and_spans_survive_a_store_and_a_read(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    site = store.get(SITE["id"]).record
    assert site.operator == "Marina de Guerra del Perú"  # type: ignore[attr-defined]
    assert site.sources[0].span == (10, 40)


def test_a_failed_write_leaves_the_database_as_it_was(store: Store) -> None:
    store.put_many(records(SOURCE))
    before = store.audit_events()
    with pytest.raises(InputError, match="place:pe-nowhere"):
        store.put_many(records(PLACE, {**SITE, "place": "place:pe-nowhere"}))
    with pytest.raises(DuplicateId):
        store.put_many(records(PLACE, PLACE))
    assert store.counts() == {"source": 1}
    assert store.audit_events() == before


def test_stale_update_is_refused_not_overwritten(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    version = store.get(SITE["id"]).version
    store.update(parse_record({**SITE, "operator": "first editor"}), version, actor="ana")
    with pytest.raises(Conflict, match="changed by someone else"):
        store.update(parse_record({**SITE, "operator": "second editor"}), version, actor="beto")
    stored = store.get(SITE["id"])
    assert stored.record.operator == "first editor"  # type: ignore[attr-defined]
    assert stored.version == version + 1
    assert [e["actor"] for e in store.history(SITE["id"])] == ["footprint", "ana"]


def test_delete_needs_the_current_version_and_no_referrers(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    with pytest.raises(Conflict, match="referred to by site:pe-base-naval-callao"):
        store.delete("place:pe-cal", 1)
    with pytest.raises(Conflict):
        store.delete(SITE["id"], 7)
    store.delete(SITE["id"], 1, actor="ana")
    with pytest.raises(NotFound):
        store.get(SITE["id"])
    assert store.history(SITE["id"])[-1]["action"] == "delete"
    assert store.verify_audit().ok


def test_audit_chain_names_the_first_tampered_event(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE))
    store.put_many(records(SITE))
    store.update(parse_record({**SITE, "operator": "x"}), 1)
    assert store.verify_audit().ok and store.verify_audit().events == 4
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_log SET after = :a WHERE seq = 2"), {"a": '{"id": "place:pe-cal"}'})
    report = store.verify_audit()
    assert not report.ok
    assert report.first_broken == 2


def test_removing_an_audit_event_is_detected(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_log WHERE seq = 2"))
    report = store.verify_audit()
    assert (report.ok, report.first_broken) == (False, 2)


def test_a_record_edited_behind_the_logs_back_is_detected(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    store.update(parse_record({**SITE, "operator": "x"}), 1)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE records SET data = replace(data, '\"x\"', '\"y\"') WHERE id = :i"),
                     {"i": SITE["id"]})
    report = store.verify_audit()
    assert (report.ok, report.first_broken) == (False, 4)
    assert report.reason == f"record {SITE['id']} differs from what event 4 recorded"


def test_a_record_removed_or_added_behind_the_logs_back_is_detected(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    seq = store.history(SITE["id"])[-1]["seq"]
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM links WHERE src = :i"), {"i": SITE["id"]})
        conn.execute(sa.text("DELETE FROM records WHERE id = :i"), {"i": SITE["id"]})
    report = store.verify_audit()
    assert not report.ok and report.reason == f"record {SITE['id']} is missing from the registry after event {seq}"
    with store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO records (id, kind, label, data, hash, version, created_at, updated_at) "
                             "SELECT 'source:forged', kind, label, data, hash, 1, created_at, updated_at FROM records "
                             "WHERE id = :i"), {"i": SOURCE["id"]})
    report = store.verify_audit()
    assert not report.ok and "source:forged is in the registry with no audit event" in str(report.reason)


def test_find_pages_and_searches(store: Store) -> None:
    store.put_many(records(SOURCE, PLACE, SITE))
    page, total = store.find(q="naval")
    assert total == 1 and page[0].id == SITE["id"]
    page, total = store.find(limit=2, offset=0)
    assert total == 3 and len(page) == 2
    page, total = store.find(kind="source")
    assert [r.id for r in page] == ["source:congreso-2025"]
