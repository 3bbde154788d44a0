"""Property-based: whatever valid text, dates and coordinates go in come back out, through the store and every
export format (accents, ñ, long texts, boundary dates, coordinates)."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.dataset import read_path, write_dataset
from footprint.model import dump_record, parse_record
from footprint.store import Store

counter = itertools.count()
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from(
    list("ñÑáéíóúüÁÉÍÓÚ¿¡ \"',;\n")), min_size=1, max_size=400).map(str.strip).filter(bool)
dates = st.dates(min_value=__import__("datetime").date(1, 1, 1)).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
partial = st.one_of(dates, dates.map(lambda d: d[:7]), dates.map(lambda d: d[:4]))
lat = st.floats(min_value=-90, max_value=90, allow_nan=False)
lon = st.floats(min_value=-180, max_value=180, allow_nan=False)


@st.composite
def record_set(draw: st.DrawFn) -> list[dict[str, object]]:
    n = next(counter)
    source = {"id": f"source:s{n}", "url": "https://example.org/ñandú?q=" + draw(text)[:50].replace(" ", "+"),
              "title": draw(text), "date": draw(dates)}
    site = {"id": f"site:pe-s{n}", "name": draw(text), "host_country": "PE", "lat": draw(lat), "lon": draw(lon),
            "operator": draw(st.one_of(st.none(), text)), "facts": {"nota": draw(text), "n": draw(st.integers(-(2**63), 2**63 - 1))},
            "sources": [{"source": source["id"], "span": sorted([draw(st.integers(0, 10**6)), 7]),
                         "quote": draw(text)}]}
    start = draw(partial)
    activity = {"id": f"activity:pe-a{n}", "name": draw(text), "host_country": "PE", "start": start,
                "end": draw(partial.filter(lambda d: d >= start)), "sites": [site["id"]],
                "visiting_countries": draw(st.lists(st.sampled_from(["US", "AR", "CL", "JP", "SU"]), unique=True)),
                "personnel_observed": draw(st.integers(0, 10**6)), "places_as_written": draw(st.lists(text, max_size=3))}
    return [source, site, activity]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=record_set())
def test_store_and_every_export_round_trip(store: Store, batch: list[dict[str, object]]) -> None:
    records = [parse_record(d) for d in batch]
    store.put_many(records)
    stored = store.get_many(r.id for r in records)
    back = [stored[r.id].record for r in records]
    assert [dump_record(r) for r in back] == [dump_record(r) for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt, target in (("json", "r.json"), ("datapackage", "pkg"), ("csv", "csv")):
            write_dataset(back, fmt, folder / target)
        expected = sorted((dump_record(r) for r in records), key=lambda d: d["id"])
        for path in (folder / "r.json", folder / "pkg"):
            again = sorted((dump_record(r) for r in read_path(path)), key=lambda d: d["id"])
            assert again == expected
        from_csv = [dump_record(r) for name in ("sources", "sites", "activities")
                    for r in read_path(folder / "csv" / f"{name}.csv")]
        assert sorted(from_csv, key=lambda d: d["id"]) == expected
