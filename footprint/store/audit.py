"""The append-only, hash-chained audit log.

Each event's hash is ``sha256(prev_hash + JSON list of the event's fields)``, where the ``before`` and
``after`` snapshots enter by their own SHA-256; changing any stored field of any event, or removing one,
breaks every hash after it. ``verify`` recomputes the chain.
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


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """The chained hash of a stored event."""
    return chain_hash(prev_hash, event["seq"], event["at"], event["actor"], event["action"], event["record_id"],
                      event["version"], snapshot_hash(event["before"]), snapshot_hash(event["after"]))


@dataclass(frozen=True)
class ChainReport:
    events: int
    ok: bool
    first_broken: int | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"events": self.events, "ok": self.ok, "first_broken": self.first_broken, "reason": self.reason}


def verify(rows: Iterable[Mapping[str, Any]]) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    count = 0
    for row in rows:
        count += 1
        if row["seq"] != expected_seq:
            return ChainReport(count, False, expected_seq, f"event {expected_seq} is missing")
        if row["prev_hash"] != prev:
            return ChainReport(count, False, row["seq"], "prev_hash does not match the event before it")
        if event_hash(prev, row) != row["hash"]:
            return ChainReport(count, False, row["seq"], "contents do not match the event's hash")
        prev = row["hash"]
        expected_seq += 1
    return ChainReport(count, True)
