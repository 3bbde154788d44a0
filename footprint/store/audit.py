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


def event_hash(prev_hash: str, event: Mapping[str, Any], before_hash: str | None = None,
               after_hash: str | None = None) -> str:
    """The chained hash of one event; pass the snapshots' hashes when already known (bulk writes)."""
    body = orjson.dumps([
        event["seq"], event["at"], event["actor"], event["action"], event["record_id"], event["version"],
        snapshot_hash(event["before"]) if before_hash is None else before_hash,
        snapshot_hash(event["after"]) if after_hash is None else after_hash,
    ])
    return hashlib.sha256(prev_hash.encode() + body).hexdigest()


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
