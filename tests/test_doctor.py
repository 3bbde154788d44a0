"""``footprint doctor``: the bundled dataset passes with every item explained; unexplained problems are listed."""

from __future__ import annotations

import json

from footprint.model import parse_record
from footprint.quality import diagnose_records
from tests.conftest import BUNDLED


def test_bundled_dataset_passes_doctor(cli) -> None:
    assert cli("load", str(BUNDLED)).exit_code == 0
    result = cli("doctor", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ok"] and report["unexplained"] == 0
    assert report["by_check"]["conflict"] > 5 and report["by_check"]["no_authorization"] > 0
    assert report["by_check"]["no_source"] == 0 and report["by_check"]["dangling_reference"] == 0
    by_record = {(i["check"], i["record"]): i for i in report["items"]}
    assert "authorization" in by_record[("no_authorization", "activity:pe-new-horizons-2008")]["explanation"]
    assert ("conflict", "vote:pe-2023-05-25T22-56") in by_record
    table = cli("doctor")
    assert table.exit_code == 0 and "UNEXPLAINED" not in table.output


def test_doctor_lists_each_unexplained_problem() -> None:
    records = [parse_record(d) for d in (
        {"id": "source:s", "url": "https://example.org"},
        {"id": "activity:pe-x", "name": "X", "host_country": "PE", "sources": [{"source": "source:s"}]},
        {"id": "activity:pe-y", "name": "Y", "host_country": "PE",
         "notes": "No authorization is known: the RL was not published"},
        {"id": "authorization:pe-z", "visiting_country": "US", "host_country": "PE", "places_as_written": ["Nanay"],
         "instrument": "instrument:pe-rl-1", "sources": [{"source": "source:s"}],
         "conflicts": [{"field": "personnel", "values": [{"value": 1}, {"value": 2}]}]},
    )]
    report = diagnose_records(records)
    found = {(i["check"], i["record"]): i["explanation"] for i in report["items"]}
    assert found[("no_authorization", "activity:pe-x")] is None
    assert found[("no_authorization", "activity:pe-y")].startswith("No authorization is known")
    assert found[("no_source", "activity:pe-y")] is None
    assert found[("unresolved_place", "authorization:pe-z")] is None
    assert found[("conflict", "authorization:pe-z")] is None  # no note, nothing chosen
    assert found[("dangling_reference", "authorization:pe-z")] is None
    assert not report["ok"] and report["unexplained"] == 5
