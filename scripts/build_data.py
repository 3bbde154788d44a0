"""Build the bundled dataset ``data/`` (a footprint data package) from the curated facts in
``scripts/build_data_*.py`` plus the Peru rows of the public datasets read by footprint's own importers.

    .venv/bin/python scripts/build_data.py [--shared ../shared/data] [--out data]

The curated facts are written by us, each record citing the URL it comes from. The importers contribute the
official plenary votes on foreign military entry (openpolitica), and Peru's base-list entries, quarterly US
personnel counts and exercises (troopdata), exactly as ``footprint import`` would store them, so importing the
full datasets later changes none of these records. Places come from the PE gazetteer (with its sources).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from build_data_claims import claims_and_reviews  # noqa: E402
from build_data_presence import activities, assistance, facilities, procurement, sites  # noqa: E402
from build_data_records import authorizations, bills, instruments  # noqa: E402
from build_data_sources import source_records  # noqa: E402

from footprint.dataset import write_dataset  # noqa: E402
from footprint.importers import openpolitica, troopdata  # noqa: E402
from footprint.jurisdictions.pe.gazetteer import gazetteer  # noqa: E402
from footprint.model import Record, dump_record, parse_record  # noqa: E402

# Press figures of plenary votes, kept beside the official record (the importer records the conflict).
REPORTED: dict[str, dict[str, Any]] = {
    "vote:pe-2023-05-25T22-56": {"instrument": "instrument:pe-rl-31757", "reported": [
        {"yes": 70, "no": 31, "abstain": 6, "source": "source:congreso-5111"},
        {"yes": 70, "no": 33, "source": "source:canal-i-25074",
         "note": "probably conflated with the vote on bill 4766"}]},
    "vote:pe-2023-05-19T00-10": {"instrument": "instrument:pe-rl-31758", "reported": [
        {"yes": 70, "no": 33, "abstain": 4, "source": "source:proycontra-2023"}]},
    "vote:pe-2023-10-05T16-13": {"reported": [
        {"yes": 76, "no": 23, "abstain": 4, "source": "source:diario-octubre-6018"},
        {"yes": 77, "no": 22, "abstain": 4, "source": "source:natescrest-6018"}]},
    "vote:pe-2023-10-19T10-34": {"reported": [{"yes": 74, "no": 23, "abstain": 3, "source": "source:congreso-p270180"}]},
}

# Plenary votes outside the openpolitica period: only press figures are known.
PRESS_VOTES: list[dict[str, Any]] = [
    {"id": "vote:pe-2018-04-04-rl-30746", "date": "2018-04-04", "instrument": "instrument:pe-rl-30746",
     "subject": "Entry of US security personnel for the VIII Summit of the Americas",
     "totals": {"yes": 80, "no": 17, "abstain": 1}, "sources": [{"source": "source:congreso-p40955"}]},
    {"id": "vote:pe-2024-10-31-bill-9307", "date": "2024-10-31", "bill": "bill:pe-9307",
     "instrument": "instrument:pe-rl-32151", "subject": "Entry of US military personnel for APEC 2024",
     "totals": {"yes": 62, "no": 23, "abstain": 7}, "sources": [{"source": "source:ptv-apec"}]},
    {"id": "vote:pe-2025-12-04-bill-13436", "date": "2025-12-04", "bill": "bill:pe-13436",
     "subject": "Entry of US military personnel during 2026", "totals": {"yes": 73, "no": 25, "abstain": 2},
     "sources": [{"source": "source:rpp-2026"}, {"source": "source:larepublica-2026"}]},
]


def official_votes(shared: Path) -> list[dict[str, Any]]:
    result = openpolitica.read(shared / "openpolitica-plenos")
    if result.rejected:
        raise SystemExit(f"openpolitica rows rejected: {result.rejected[:3]}")
    out = []
    for record in result.records:
        data = dump_record(record)
        if data["id"] in REPORTED:
            data = openpolitica._merge(data, REPORTED[data["id"]] | {"sources": data["sources"]})
        out.append(data)
    return out


def peru_troopdata(shared: Path) -> list[dict[str, Any]]:
    result = troopdata.read(shared / "troopdata")
    keep = []
    for record in result.records:
        data = dump_record(record)
        if record.kind == "source" or data.get("host_country") == "PE":
            keep.append(data)
    return keep


def merge_bills(curated: list[dict[str, Any]], imported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {b["id"]: b for b in imported if b["id"].startswith("bill:")}
    out = [r for r in imported if not r["id"].startswith("bill:")]
    for bill in curated:
        old = by_id.pop(bill["id"], None)
        if old:
            bill = {**bill, "title": old["title"], "sources": old["sources"] + bill["sources"],
                    "notes": bill.get("notes") or f"Curated title: {bill['title']}"}
        out.append(bill)
    return out + list(by_id.values())


def places_for(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    g = gazetteer()
    wanted: set[str] = set()
    for data in records:
        record = parse_record(data)
        wanted |= {r for r in record.references() if r.startswith("place:")}
    wanted |= {p.id for p in g.places.values() if p.level in ("country", "department")}
    missing = sorted(w for w in wanted if g.get(w) is None)
    if missing:
        raise SystemExit(f"places not in the gazetteer: {missing}")
    return [dump_record(r) for r in g.records_for([g.get(w) for w in sorted(wanted)])]


def build(shared: Path) -> list[Record]:
    curated = [*source_records(), *instruments(), *authorizations(), *sites(), *activities(), *facilities(),
               *assistance(), *procurement(), *claims_and_reviews(), *PRESS_VOTES]
    for vote in PRESS_VOTES:
        vote.setdefault("jurisdiction", "PE")
        vote.setdefault("result", "approved")
        vote.setdefault("notes", "press figures: the official record of this vote was not read")
    imported = merge_bills(bills(), official_votes(shared))
    rows = curated + imported + peru_troopdata(shared)
    rows += places_for(rows)
    seen: dict[str, dict[str, Any]] = {}
    for data in rows:
        if data["id"] in seen and dump_record(parse_record(seen[data["id"]])) != dump_record(parse_record(data)):
            raise SystemExit(f"two different records with the id {data['id']}")
        seen[data["id"]] = data
    records = [parse_record(d, where="scripts/build_data") for d in seen.values()]
    ids = {r.id for r in records}
    dangling = sorted({(r.id, ref) for r in records for ref in r.references() if ref not in ids})
    if dangling:
        raise SystemExit(f"unresolved references: {dangling[:10]}")
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=HERE.parent / "data")
    args = parser.parse_args()
    records = build(args.shared)
    for old in args.out.glob("*.json"):
        old.unlink()
    counts = write_dataset(records, "datapackage", args.out)
    print(f"wrote {sum(counts.values())} records to {args.out}: {counts}")


if __name__ == "__main__":
    main()
