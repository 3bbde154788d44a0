"""The registry store: the only code that holds database connections.

Writes are transactional (a failed load leaves the database as it was), every change appends to the
hash-chained audit log in the same transaction, and updates use optimistic locking on ``version``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import Conflict, DuplicateId, InputError, IntegrityError, NotFound, Unavailable
from ..model import Record, content_hash, parse_record, record_json
from . import audit
from . import engine as engines
from .schema import audit_log, documents, links, records, users

CHUNK = 500


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass
class StoredRecord:
    record: Record
    version: int
    created_at: str
    updated_at: str

    @property
    def id(self) -> str:
        return self.record.id


@dataclass
class WriteReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged}


class Store:
    """A registry database. ``Store.open(url)`` migrates it to the current schema if needed."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        resolved = engines.resolve_url(url)
        engine = engines.create(resolved)
        store = cls(engine, resolved)
        if migrate:
            try:
                engines.migrate(engine)
            except OperationalError as exc:
                raise Unavailable(f"cannot open the database: {str(exc.orig).strip().splitlines()[0]}") from None
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def drop_schema(self, schema: str) -> None:
        """Drop a PostgreSQL schema and everything in it (benchmarks and tests use one each)."""
        if self.dialect != "postgresql" or not schema.replace("_", "").isalnum():
            raise InputError(f"cannot drop schema {schema!r}")
        try:
            with self.engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        except OperationalError as exc:
            raise Unavailable(f"cannot reach PostgreSQL: {str(exc.orig).strip().splitlines()[0]}") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -----------------------------------------------------------------------------------

    @contextmanager
    def transaction(self, actor: str = "footprint") -> Iterator[Writer]:
        """One transaction; everything written through the yielded writer commits or rolls back together."""
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    # one writer at a time appends to the hash chain
                    conn.execute(text("SELECT pg_advisory_xact_lock(7264001)"))
                yield Writer(conn, actor)
        except SQLAlchemyError as exc:
            raise IntegrityError(f"database error: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}") from None

    def put_many(self, items: Iterable[Record], actor: str = "footprint") -> WriteReport:
        with self.transaction(actor) as tx:
            return tx.put_many(items)

    def update(self, record: Record, expected_version: int, actor: str = "footprint") -> int:
        with self.transaction(actor) as tx:
            return tx.update(record, expected_version)

    def delete(self, record_id: str, expected_version: int, actor: str = "footprint") -> None:
        with self.transaction(actor) as tx:
            tx.delete(record_id, expected_version)

    # --- reads ------------------------------------------------------------------------------------------

    def _read(self, query: Any) -> list[Any]:
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).all())
            conn.rollback()
        return rows

    def get(self, record_id: str) -> StoredRecord:
        rows = self._read(select(records).where(records.c.id == record_id))
        if not rows:
            raise NotFound(f"no record {record_id!r}")
        return _stored(rows[0])

    def exists(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), CHUNK):
            chunk = wanted[i:i + CHUNK]
            found |= {r[0] for r in self._read(select(records.c.id).where(records.c.id.in_(chunk)))}
        return found

    def get_many(self, ids: Iterable[str]) -> dict[str, StoredRecord]:
        wanted = list(dict.fromkeys(ids))
        out: dict[str, StoredRecord] = {}
        for i in range(0, len(wanted), CHUNK):
            for row in self._read(select(records).where(records.c.id.in_(wanted[i:i + CHUNK]))):
                out[row.id] = _stored(row)
        return out

    def iter_data(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """Plain dicts of every record (of a kind), fast: no validation. For analysis and export."""
        query = select(records.c.data).order_by(records.c.id)
        if kind:
            query = query.where(records.c.kind == kind)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
            try:
                for row in result:
                    yield orjson.loads(row[0])
            finally:
                result.close()
                conn.rollback()

    def records(self, kind: str | None = None) -> Iterator[Record]:
        for data in self.iter_data(kind):
            yield parse_record(data)

    def find(self, kind: str | None = None, *, q: str | None = None, limit: int = 50, offset: int = 0,
             start: str | None = None, end: str | None = None) -> tuple[list[StoredRecord], int]:
        """A page of records, newest ids last, with the total count; ``q`` matches the label and the data."""
        where = []
        if kind:
            where.append(records.c.kind == kind)
        if q:
            like = f"%{q.lower()}%"
            where.append(or_(func.lower(records.c.label).like(like), func.lower(records.c.data).like(like),
                             func.lower(records.c.id).like(like)))
        if start:
            where.append(or_(records.c.end_date.is_(None), records.c.end_date >= start))
        if end:
            where.append(or_(records.c.start_date.is_(None), records.c.start_date <= end))
        cond = and_(*where) if where else None
        query = select(records).order_by(records.c.kind, records.c.id).limit(limit).offset(offset)
        counter = select(func.count()).select_from(records)
        if cond is not None:
            query = query.where(cond)
            counter = counter.where(cond)
        rows = self._read(query)
        total = self._read(counter)[0][0]
        return [_stored(r) for r in rows], int(total)

    def referrers(self, record_id: str) -> list[str]:
        return [r[0] for r in self._read(select(links.c.src).where(links.c.dst == record_id).order_by(links.c.src))]

    def counts(self) -> dict[str, int]:
        rows = self._read(select(records.c.kind, func.count()).group_by(records.c.kind).order_by(records.c.kind))
        return {kind: int(n) for kind, n in rows}

    def last_change(self) -> str | None:
        rows = self._read(select(func.max(audit_log.c.at)))
        return rows[0][0] if rows else None

    def history(self, record_id: str) -> list[dict[str, Any]]:
        rows = self._read(select(audit_log).where(audit_log.c.record_id == record_id).order_by(audit_log.c.seq))
        return [_event(r) for r in rows]

    def audit_events(self, after: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
        query = select(audit_log).where(audit_log.c.seq > after).order_by(audit_log.c.seq)
        if limit:
            query = query.limit(limit)
        return [_event(r) for r in self._read(query)]

    def verify_audit(self) -> audit.ChainReport:
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=5000).execute(
                select(audit_log).order_by(audit_log.c.seq))
            try:
                report = audit.verify(dict(row._mapping) for row in result)
            finally:
                result.close()
                conn.rollback()
        return report

    # --- ingested documents -----------------------------------------------------------------------------

    def document(self, sha256: str) -> dict[str, Any] | None:
        rows = self._read(select(documents).where(documents.c.sha256 == sha256))
        if not rows:
            return None
        row = rows[0]._mapping
        return {**row, "report": orjson.loads(row["report"])}

    # --- editors ----------------------------------------------------------------------------------------

    def user(self, username: str) -> dict[str, Any] | None:
        rows = self._read(select(users).where(users.c.username == username))
        return dict(rows[0]._mapping) if rows else None

    def save_user(self, username: str, password_hash: str, role: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(users).where(users.c.username == username))
            conn.execute(insert(users).values(username=username, password_hash=password_hash, role=role,
                                              created_at=now()))


class Writer:
    """Writes inside one transaction. Obtained from :meth:`Store.transaction`."""

    def __init__(self, conn: Connection, actor: str) -> None:
        self.conn = conn
        self.actor = actor
        row = conn.execute(select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
        self._seq = int(row[0]) if row else 0
        self._prev = str(row[1]) if row else audit.GENESIS
        self._events: list[dict[str, Any]] = []

    def _sql(self, template: str) -> str:
        """A driver-level statement with this driver's placeholders (``?`` or ``%s``)."""
        return template if self.conn.dialect.paramstyle == "qmark" else template.replace("?", "%s")

    def _log(self, action: str, record_id: str, version: int, before: str | None, after: str | None,
             at: str, after_hash: str | None = None) -> None:
        self._seq += 1
        event = {"seq": self._seq, "at": at, "actor": self.actor, "action": action, "record_id": record_id,
                 "version": version, "before": before, "after": after}
        event["prev_hash"] = self._prev
        event["hash"] = self._prev = audit.event_hash(self._prev, event, after_hash=after_hash)
        self._events.append(event)

    def _flush_events(self) -> None:
        if self._events:
            self.conn.exec_driver_sql(
                self._sql("INSERT INTO audit_log (seq, at, actor, action, record_id, version, before, after, "
                          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                [(e["seq"], e["at"], e["actor"], e["action"], e["record_id"], e["version"], e["before"],
                  e["after"], e["prev_hash"], e["hash"]) for e in self._events])
            self._events = []

    def put_many(self, items: Iterable[Record], *, check_references: bool = True) -> WriteReport:
        """Insert new records, update changed ones, leave identical ones alone (idempotent)."""
        report = WriteReport()
        batch: dict[str, tuple[Record, bytes]] = {}
        for record in items:
            if record.id in batch:
                raise DuplicateId(f"the id {record.id!r} appears twice")
            batch[record.id] = (record, record_json(record))
        if check_references:
            self._check_references(batch)
        ids = list(batch)
        at = now()
        insert_records = self._sql(
            "INSERT INTO records (id, kind, label, data, hash, version, start_date, end_date, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")
        insert_links = self._sql("INSERT INTO links (src, dst) VALUES (?, ?)")
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i:i + CHUNK]
            existing = {r.id: r for r in self.conn.execute(
                select(records.c.id, records.c.hash, records.c.version, records.c.data)
                .where(records.c.id.in_(chunk)))}
            new_rows: list[tuple[Any, ...]] = []
            link_rows: list[tuple[str, str]] = []
            for record_id in chunk:
                record, blob = batch[record_id]
                digest = content_hash(blob)
                old = existing.get(record_id)
                if old is not None and old.hash == digest:
                    report.unchanged += 1
                    continue
                data = blob.decode()
                start, end = record.interval()
                label = record.label()[:500]
                if old is None:
                    new_rows.append((record_id, record.kind, label, data, digest, start, end, at, at))
                    self._log("insert", record_id, 1, None, data, at, after_hash=digest)
                    report.inserted += 1
                else:
                    version = int(old.version) + 1
                    self.conn.execute(update(records).where(records.c.id == record_id).values(
                        version=version, label=label, data=data, hash=digest, start_date=start, end_date=end,
                        updated_at=at))
                    self.conn.execute(delete(links).where(links.c.src == record_id))
                    self._log("update", record_id, version, old.data, data, at, after_hash=digest)
                    report.updated += 1
                link_rows.extend((record_id, dst) for dst in sorted(record.references()))
            if new_rows:
                self.conn.exec_driver_sql(insert_records, new_rows)
            if link_rows:
                self.conn.exec_driver_sql(insert_links, link_rows)
            self._flush_events()
        return report

    def _check_references(self, batch: dict[str, tuple[Record, bytes]]) -> None:
        wanted: dict[str, str] = {}
        for record_id, (record, _) in batch.items():
            for ref in record.references():
                if ref not in batch:
                    wanted.setdefault(ref, record_id)
        refs = list(wanted)
        found: set[str] = set()
        for i in range(0, len(refs), CHUNK):
            found |= {r[0] for r in self.conn.execute(select(records.c.id).where(records.c.id.in_(refs[i:i + CHUNK])))}
        missing = [r for r in refs if r not in found]
        if missing:
            ref = missing[0]
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            raise InputError(f"refers to {ref!r}, which is neither in the input nor in the registry{more}",
                             where=wanted[ref])

    def update(self, record: Record, expected_version: int) -> int:
        """Replace a record if it is still at ``expected_version``; returns the new version."""
        blob = record_json(record)
        self._check_references({record.id: (record, blob)})
        old = self.conn.execute(select(records.c.version, records.c.data).where(records.c.id == record.id)).first()
        if old is None:
            raise NotFound(f"no record {record.id!r}")
        if int(old.version) != expected_version:
            raise Conflict(f"{record.id} was changed by someone else (now version {old.version}, "
                           f"you edited version {expected_version}); reload and apply your change again")
        at = now()
        start, end = record.interval()
        data = blob.decode()
        result = self.conn.execute(
            update(records).where(and_(records.c.id == record.id, records.c.version == expected_version))
            .values(data=data, hash=content_hash(blob), version=expected_version + 1, label=record.label()[:500],
                    start_date=start, end_date=end, updated_at=at))
        if result.rowcount != 1:
            raise Conflict(f"{record.id} was changed by someone else; reload and apply your change again")
        self.conn.execute(delete(links).where(links.c.src == record.id))
        refs = sorted(record.references())
        if refs:
            self.conn.execute(insert(links), [{"src": record.id, "dst": d} for d in refs])
        self._log("update", record.id, expected_version + 1, old.data, data, at)
        self._flush_events()
        return expected_version + 1

    def delete(self, record_id: str, expected_version: int) -> None:
        old = self.conn.execute(select(records.c.version, records.c.data).where(records.c.id == record_id)).first()
        if old is None:
            raise NotFound(f"no record {record_id!r}")
        referrers = [r[0] for r in self.conn.execute(select(links.c.src).where(links.c.dst == record_id).limit(3))]
        if referrers:
            raise Conflict(f"{record_id} is still referred to by {', '.join(referrers)}")
        result = self.conn.execute(delete(records).where(and_(records.c.id == record_id,
                                                              records.c.version == expected_version)))
        if result.rowcount != 1:
            raise Conflict(f"{record_id} was changed by someone else (now version {old.version})")
        self.conn.execute(delete(links).where(links.c.src == record_id))
        self._log("delete", record_id, expected_version + 1, old.data, None, now())
        self._flush_events()

    def mark_document(self, sha256: str, path: str, source_id: str | None, report: dict[str, Any]) -> None:
        self.conn.execute(insert(documents).values(sha256=sha256, path=path, source_id=source_id, ingested_at=now(),
                                                   report=orjson.dumps(report).decode()))

    def document_seen(self, sha256: str) -> bool:
        return self.conn.execute(select(documents.c.sha256).where(documents.c.sha256 == sha256)).first() is not None


def _stored(row: Any) -> StoredRecord:
    return StoredRecord(parse_record(orjson.loads(row.data), where="database"), int(row.version), row.created_at,
                        row.updated_at)


def _event(row: Any) -> dict[str, Any]:
    event = dict(row._mapping)
    for key in ("before", "after"):
        if event[key] is not None:
            event[key] = orjson.loads(event[key])
    return event


__all__ = ["Store", "StoredRecord", "WriteReport", "Writer"]
