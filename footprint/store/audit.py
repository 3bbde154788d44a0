"""The append-only, hash-chained audit log.

Each event's hash is ``sha256(prev_hash + JSON list of the event's fields)``, where the ``before`` and
``after`` snapshots enter by their own SHA-256; changing any stored field of any event, or removing one,
breaks every hash after it. ``verify`` recomputes the chain, and checks the records themselves against the
last event of each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

GENESIS = "0" * 64


def snapshot_hash(snapshot: str | None) -> str:
    return hashlib.sha256(snapshot.encode()).hexdigest() if snapshot is not None else ""


def chain_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, record_id: str, version: int,
               before_hash: str, after_hash: str) -> str:
    """The chained hash of one event, from the hash before it and the event's fields (snapshots by their hash)."""
    body = orjson.dumps([seq, at, actor, action, record_id, version, before_hash, after_hash])
    return hashlib.sha256(prev_hash.encode() + body).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    events: int
    ok: bool
    first_broken: int | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"events": self.events, "ok": self.ok, "first_broken": self.first_broken, "reason": self.reason}


def verify(rows: Iterable[Mapping[str, Any]], current: Iterable[tuple[str, str]] | None = None) -> ChainReport:
    """Recompute the chain over the events (in ``seq`` order); with ``current`` (every stored record as
    ``(id, data)``), also check that each record is what its last event left, and that none is missing or
    has no event: an edit made to the records table behind the log's back is found too."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    last: dict[str, tuple[int, str]] = {}  # record id -> (seq, snapshot hash) of its last event
    for row in rows:
        count += 1
        if row["seq"] != expected_seq:
            return ChainReport(count, False, expected_seq, f"event {expected_seq} is missing")
        if row["prev_hash"] != prev:
            return ChainReport(count, False, row["seq"], "prev_hash does not match the event before it")
        after = snapshot_hash(row["after"])
        if chain_hash(prev, row["seq"], row["at"], row["actor"], row["action"], row["record_id"], row["version"],
                      snapshot_hash(row["before"]), after) != row["hash"]:
            return ChainReport(count, False, row["seq"], "contents do not match the event's hash")
        last[row["record_id"]] = (row["seq"], after)
        prev = row["hash"]
        expected_seq += 1
    if current is None:
        return ChainReport(count, True)
    for record_id, data in current:
        seq, after = last.pop(record_id, (None, ""))
        if seq is None:
            return ChainReport(count, False, None, f"record {record_id} is in the registry with no audit event")
        if snapshot_hash(data) != after:
            return ChainReport(count, False, seq, f"record {record_id} differs from what event {seq} recorded")
    for record_id, (seq, after) in last.items():
        if after:
            return ChainReport(count, False, seq, f"record {record_id} is missing from the registry after event {seq}")
    return ChainReport(count, True)
