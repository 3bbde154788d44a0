"""The registry store: the only code that holds database connections.

Writes are transactional (a failed load leaves the database as it was), every change appends to the
hash-chained audit log in the same transaction, and updates use optimistic locking on ``version``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, Index, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..chunks import chunked
from ..errors import Conflict, DuplicateId, InputError, IntegrityError, NotFound, Unavailable
from ..model import Record, parse_record
from . import audit
from . import engine as engines
from .rows import Row, prepare
from .schema import audit_log, documents, links, records, users

CHUNK = 500  # ids per read query
WRITE_CHUNK = 2_000  # rows per write round
SQLITE_IN = 5_000  # bound parameters per IN (...) list on SQLite
COPY_FROM = 50  # rows from which PostgreSQL gets them by COPY
# rows into an empty registry from which a load is written in bulk: secondary indexes built after the rows, and
# on SQLite the file written directly (see Store._direct_writes)
BULK_FROM = 10_000
RECORD_COLUMNS = ("id", "kind", "label", "data", "hash", "version", "start_date", "end_date", "created_at",
                  "updated_at")
_ID, _REFS = itemgetter(0), itemgetter(7)  # of a Row: its id and its references
AUDIT_COLUMNS = ("seq", "at", "actor", "action", "record_id", "version", "before", "after", "prev_hash", "hash")


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
    def transaction(self, actor: str = "footprint", conn: Connection | None = None) -> Iterator[Writer]:
        """One transaction (on ``conn`` if given); everything written through the yielded writer commits or
        rolls back together."""
        try:
            with _begun(self.engine, conn) as conn:
                if self.dialect == "postgresql":
                    # one writer at a time appends to the hash chain
                    conn.execute(text("SELECT pg_advisory_xact_lock(7264001)"))
                yield Writer(conn, actor)
        except SQLAlchemyError as exc:
            raise IntegrityError(f"database error: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}") from None

    @contextmanager
    def _direct_writes(self, conn: Connection, expected: int) -> Iterator[None]:
        """On SQLite, a big load into an empty registry writes the database file directly rather than through
        the write-ahead log, whose checkpoint at commit would copy every page a second time (on 100,000
        records the commit takes 0.17 s instead of 0.42). The rollback journal keeps the load atomic: pages
        past the file's size before it need no journal, and a failed load truncates them away. While another
        connection has the database open, SQLite refuses the switch and the load goes through the log as
        usual; one that opens it during the load waits for the load to end (up to the 30 s busy timeout)."""
        raw: Any = conn.connection.dbapi_connection
        if self.dialect != "sqlite" or expected < BULK_FROM or not _empty(raw.execute):
            yield
            return
        try:
            switched = raw.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
        except sqlite3.OperationalError:  # "database is locked": someone else has it open
            switched = False
        try:
            yield
        finally:
            if switched:
                with suppress(sqlite3.OperationalError):  # locked by one that came meanwhile: it sets WAL itself
                    raw.execute("PRAGMA journal_mode=WAL")

    def put_many(self, items: Iterable[Record], actor: str = "footprint") -> WriteReport:
        with self.transaction(actor) as tx:
            return tx.put_many(items)

    def put_chunks(self, chunks: Iterable[list[Row]], actor: str = "footprint", *, expected: int = 0) -> WriteReport:
        with self.engine.connect() as conn, self._direct_writes(conn, expected), self.transaction(actor, conn) as tx:
            return tx.put_chunks(chunks, expected=expected)

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
        """The audit chain recomputed, and every record checked against its last event."""
        with self.engine.connect() as conn:
            events = conn.execution_options(stream_results=True, yield_per=5000).execute(
                select(audit_log).order_by(audit_log.c.seq))
            try:
                report = audit.verify((dict(row._mapping) for row in events), _stream(conn, records.c.id,
                                                                                        records.c.data))
            finally:
                events.close()
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
        self.postgres = conn.dialect.name == "postgresql"
        row = conn.execute(select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
        self._seq = int(row[0]) if row else 0
        self._prev = str(row[1]) if row else audit.GENESIS
        self._events: list[tuple[Any, ...]] = []

    def _sql(self, template: str) -> str:
        """A driver-level statement with this driver's placeholders (``?`` or ``%s``)."""
        return template.replace("?", "%s") if self.postgres else template

    def _log(self, action: str, record_id: str, version: int, before: str | None, after: str | None, at: str,
             after_hash: str | None = None) -> None:
        self._log_many(at, [(action, record_id, version, before, after, after_hash)])

    def _log_many(self, at: str, changes: list[tuple[str, str, int, str | None, str | None, str | None]]) -> None:
        """Chain one event per change ``(action, record_id, version, before, after, after_hash or None)``."""
        seq, prev, actor, events = self._seq, self._prev, self.actor, self._events
        for action, record_id, version, before, after, after_hash in changes:
            seq += 1
            digest = audit.chain_hash(prev, seq, at, actor, action, record_id, version, audit.snapshot_hash(before),
                                      audit.snapshot_hash(after) if after_hash is None else after_hash)
            events.append((seq, at, actor, action, record_id, version, before, after, prev, digest))
            prev = digest
        self._seq, self._prev = seq, prev

    def _flush_events(self) -> None:
        if self._events:
            self._insert("audit_log", AUDIT_COLUMNS, self._events)
            self._events = []

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """Many rows at once: COPY on PostgreSQL, one prepared statement run many times on SQLite."""
        names = ", ".join(columns)
        if self.postgres and len(rows) >= COPY_FROM:
            raw: Any = self.conn.connection.dbapi_connection  # psycopg's own connection, for its COPY support
            with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            self.conn.exec_driver_sql(self._sql(f"INSERT INTO {table} ({names}) VALUES ({marks})"), rows)

    def put_many(self, items: Iterable[Record], *, check_references: bool = True) -> WriteReport:
        """Insert new records, update changed ones, leave identical ones alone (idempotent)."""
        return self.put_rows((prepare(record) for record in items), check_references=check_references)

    def put_rows(self, rows: Iterable[Row], *, check_references: bool = True) -> WriteReport:
        """:meth:`put_many` for prepared rows."""
        return self.put_chunks(chunked(rows, WRITE_CHUNK), check_references=check_references)

    def put_chunks(self, chunks: Iterable[list[Row]], *, check_references: bool = True,
                   expected: int = 0) -> WriteReport:
        """:meth:`put_many` for prepared rows coming a chunk at a time: each chunk is written as it comes, in id
        order (so the audit log does not depend on the input's order within it); references are checked once
        all have come, before the transaction commits. ``expected`` rows into an empty registry, if many, are
        written with the secondary indexes built after them, which is faster than keeping them up to date."""
        report = WriteReport()
        seen: set[str] = set()
        cited: set[str] = set()
        empty = _empty(self.conn.exec_driver_sql)
        deferred = _secondary_indexes() if empty and expected >= BULK_FROM else []
        for index in deferred:
            index.drop(self.conn)
        at = now()
        for chunk in chunks:
            chunk.sort(key=_ID)
            ids = set(map(_ID, chunk))
            if len(ids) != len(chunk) or not seen.isdisjoint(ids):
                repeated = _first_repeat(seen, chunk)
                raise DuplicateId(f"the id {repeated!r} appears twice", record_id=repeated)
            seen |= ids
            cited.update(chain.from_iterable(map(_REFS, chunk)))
            existing = {} if empty else self._versions(sorted(ids))
            self._write_chunk(chunk, existing, at, report)
        for index in deferred:
            index.create(self.conn)
        if check_references:
            self._check_references(cited - seen)
        return report

    def _write_chunk(self, chunk: list[Row], existing: dict[str, tuple[str, int]], at: str,
                     report: WriteReport) -> None:
        written = [row for row in chunk if row.id not in existing or existing[row.id][0] != row.hash] if existing \
            else chunk
        report.unchanged += len(chunk) - len(written)
        changed = [row for row in written if row.id in existing]
        before = self._snapshots([row.id for row in changed]) if changed else {}
        new_rows: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        changes: list[tuple[str, str, int, str | None, str | None, str | None]] = []
        for row in written:  # in id order: the log reads the same whatever order the rows came in
            if row.id in existing:
                version = existing[row.id][1] + 1
                updates.append((row.kind, row.label, row.data, row.hash, version, row.start, row.end, at, row.id))
                changes.append(("update", row.id, version, before[row.id], row.data, row.hash))
            else:
                new_rows.append((row.id, row.kind, row.label, row.data, row.hash, 1, row.start, row.end, at, at))
                changes.append(("insert", row.id, 1, None, row.data, row.hash))
        self._log_many(at, changes)
        if updates:
            self.conn.exec_driver_sql(
                self._sql("UPDATE records SET kind = ?, label = ?, data = ?, hash = ?, version = ?, start_date = ?, "
                          "end_date = ?, updated_at = ? WHERE id = ?"), updates)
            self.conn.exec_driver_sql(self._sql("DELETE FROM links WHERE src = ?"), [(r.id,) for r in changed])
            report.updated += len(updates)
        if new_rows:
            self._insert("records", RECORD_COLUMNS, new_rows)
            report.inserted += len(new_rows)
        links = [(row.id, dst) for row in written for dst in row.refs]
        if links:
            self._insert("links", ("src", "dst"), links)
        self._flush_events()

    def _select_in(self, columns: str, ids: list[str]) -> list[Any]:
        if self.postgres:
            return list(self.conn.exec_driver_sql(f"SELECT {columns} FROM records WHERE id = ANY(%s)", (ids,)))
        out: list[Any] = []
        for i in range(0, len(ids), SQLITE_IN):
            part = ids[i:i + SQLITE_IN]
            marks = ", ".join("?" * len(part))
            out += self.conn.exec_driver_sql(f"SELECT {columns} FROM records WHERE id IN ({marks})", tuple(part))
        return out

    def _versions(self, ids: list[str]) -> dict[str, tuple[str, int]]:
        return {r[0]: (r[1], int(r[2])) for r in self._select_in("id, hash, version", ids)}

    def _snapshots(self, ids: list[str]) -> dict[str, str]:
        return {r[0]: r[1] for r in self._select_in("id, data", ids)}

    def _check_references(self, wanted: set[str]) -> None:
        """Every reference in ``wanted`` (not in the input) must be in the registry; the error names the first
        record citing a missing one (its links are written by then, in this transaction)."""
        refs = sorted(wanted)
        found = {r[0] for r in self._select_in("id", refs)} if refs else set()
        missing = [r for r in refs if r not in found]
        if missing:
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            citing = self.conn.exec_driver_sql(self._sql("SELECT min(src) FROM links WHERE dst = ?"),
                                               (missing[0],)).scalar()
            raise InputError(f"refers to {missing[0]!r}, which is neither in the input nor in the registry{more}",
                             where=citing)

    def update(self, record: Record, expected_version: int) -> int:
        """Replace a record if it is still at ``expected_version``; returns the new version."""
        row = prepare(record)
        try:
            self._check_references(set(row.refs) - {record.id})
        except InputError as exc:  # the record is not written yet: it is the one citing
            raise InputError(exc.message, where=record.id) from None
        old = self.conn.execute(select(records.c.version, records.c.data).where(records.c.id == record.id)).first()
        if old is None:
            raise NotFound(f"no record {record.id!r}")
        if int(old.version) != expected_version:
            raise Conflict(f"{record.id} was changed by someone else (now version {old.version}, "
                           f"you edited version {expected_version}); reload and apply your change again")
        at = now()
        result = self.conn.execute(
            update(records).where(and_(records.c.id == record.id, records.c.version == expected_version))
            .values(data=row.data, hash=row.hash, version=expected_version + 1, label=row.label,
                    start_date=row.start, end_date=row.end, updated_at=at))
        if result.rowcount != 1:
            raise Conflict(f"{record.id} was changed by someone else; reload and apply your change again")
        self.conn.execute(delete(links).where(links.c.src == record.id))
        if row.refs:
            self.conn.execute(insert(links), [{"src": record.id, "dst": d} for d in row.refs])
        self._log("update", record.id, expected_version + 1, old.data, row.data, at, after_hash=row.hash)
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


@contextmanager
def _begun(engine: Engine, conn: Connection | None) -> Iterator[Connection]:
    """A transaction on ``conn``, or on a connection of the engine's own."""
    if conn is None:
        with engine.begin() as conn:
            yield conn
    else:
        with conn.begin():
            yield conn


def _empty(execute: Callable[[str], Any]) -> bool:
    """Whether the registry has no record, asked through ``execute`` (a DB-API or a SQLAlchemy connection's)."""
    return execute("SELECT 1 FROM records LIMIT 1").fetchone() is None


def _first_repeat(seen: set[str], chunk: list[Row]) -> str:
    here: set[str] = set()
    for row in chunk:
        if row.id in seen or row.id in here:
            return row.id
        here.add(row.id)
    raise AssertionError("no repeated id")


def _secondary_indexes() -> list[Index]:
    return [index for table in (records, links, audit_log) for index in sorted(table.indexes, key=lambda i: str(i.name))]


def _stream(conn: Connection, *columns: Any) -> Iterator[tuple[Any, ...]]:
    """Rows of ``records`` as they come, the query run when first asked for."""
    result = conn.execution_options(stream_results=True, yield_per=5000).execute(select(*columns))
    try:
        for row in result:
            yield tuple(row)
    finally:
        result.close()


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
