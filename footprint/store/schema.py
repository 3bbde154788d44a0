"""The database tables. Migrations (``migrations/versions``) create exactly these."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

records = Table(
    "records",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("label", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("start_date", String(10)),
    Column("end_date", String(10)),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_records_kind", "kind"),
)

links = Table(
    "links",
    metadata,
    Column("src", String(200), primary_key=True),
    Column("dst", String(200), primary_key=True),
    Index("ix_links_dst", "dst"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(20), nullable=False),
    Column("record_id", String(200), nullable=False),
    Column("version", Integer, nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_record", "record_id"),
)

documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("path", Text, nullable=False),
    Column("source_id", String(200)),
    Column("ingested_at", String(32), nullable=False),
    Column("report", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("username", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("created_at", String(32), nullable=False),
)
