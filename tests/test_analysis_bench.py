"""The synthetic registry generator and the engine-versus-reference agreement, at small scale (no timings)."""

from __future__ import annotations

from footprint.analysis.synthetic import generate
from footprint.bench.analyze import comparable, differences, engine_run, reference_run, run


def test_generator_is_seeded_and_sized() -> None:
    a, b = generate(0.002, seed=7), generate(0.002, seed=7)
    for name in ("places", "sites", "authorizations", "activities", "facilities", "counts", "facts"):
        assert getattr(a, name).equals(getattr(b, name)), name
    assert not generate(0.002, seed=8).activities.equals(a.activities)
    assert a.activities.height == 2000 and a.authorizations.height == 200
    assert a.sites.height % a.places.filter(a.places["level"] == "country").height == 0
    # every activity's host owns the sites and places it names
    acts = a.activities.explode("sites").drop_nulls("sites")
    assert (acts["sites"].str.slice(5, 2) == acts["host"].str.to_lowercase()).all()


def test_engine_and_reference_agree() -> None:
    frames = generate(0.004, seed=3)
    engine = comparable(engine_run(frames)["results"])
    _, ref = reference_run(frames)
    assert differences(engine, ref) == []
    assert engine["compliance"] and engine["presence"] and engine["continuity"]
    rules = {f[0] for f in engine["compliance"]}
    assert {"activity_outside_dates", "activity_over_cap", "armed_entry_requires_rl", "activity_outside_places",
            "activity_purpose_mismatch"} <= rules
    categories = {c for c in engine["classification"].values() if c}
    assert {"tenant_unit", "temporary_facility"} <= categories


def test_bench_reports_every_measurement() -> None:
    rows = run(scale=0.002)
    metrics = {r["metric"]: r for r in rows}
    assert metrics["engine and reference agree"]["ok"] is True
    assert metrics["presence + continuity + classification + compliance"]["target"] == 10.0
    assert metrics["peak memory"]["unit"] == "MiB"
    assert "store" in metrics["bundled data: read the store into tables"]["note"]
