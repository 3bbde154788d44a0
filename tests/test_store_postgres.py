"""PostgreSQL-only: two real connections editing the same record."""

from __future__ import annotations

import threading

import pytest

from footprint.errors import Conflict
from footprint.model import parse_record
from footprint.store import Store

pytestmark = pytest.mark.postgres


def test_stale_concurrent_update_is_refused_across_two_connections(pg_url: str) -> None:
    one = Store.open(pg_url)
    two = Store.open(pg_url)
    try:
        one.put_many([parse_record({"id": "source:s", "url": "https://example.org"}),
                      parse_record({"id": "site:pe-x", "name": "X", "host_country": "PE"})])
        seen_by_one = one.get("site:pe-x")
        seen_by_two = two.get("site:pe-x")
        assert seen_by_one.version == seen_by_two.version == 1
        outcome: list[BaseException | int] = []

        def beto() -> None:
            try:
                outcome.append(two.update(parse_record({"id": "site:pe-x", "name": "X (beto)",
                                                        "host_country": "PE"}), 1, actor="beto"))
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                outcome.append(exc)

        with one.transaction(actor="ana") as tx:
            # beto's write starts while ana's transaction is open: it waits for the writer lock, then finds
            # the version moved on, whichever order the two threads reach the database in
            thread = threading.Thread(target=beto)
            thread.start()
            tx.update(parse_record({"id": "site:pe-x", "name": "X (ana)", "host_country": "PE"}), 1)
        thread.join(timeout=60)
        assert not thread.is_alive()
        assert len(outcome) == 1 and isinstance(outcome[0], Conflict)
        final = two.get("site:pe-x")
        assert final.record.name == "X (ana)" and final.version == 2  # type: ignore[attr-defined]
        assert one.verify_audit().ok
    finally:
        one.close()
        two.close()
