"""Run every benchmark (or the ones named) and save the measurements as JSON next to this file.

    python benchmarks/run.py [NAME ...] [--scale 1.0]

The benchmarks themselves live in ``footprint/bench/`` (``footprint bench NAME``); this script keeps a dated
record of a run in ``benchmarks/out/`` so runs on different machines or commits can be compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
from pathlib import Path

from footprint import bench


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(bench.NAMES)})")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    names = args.names or bench.available()
    rows = []
    for name in names:
        print(f"running {name} ...", flush=True)
        rows.extend(bench.runner(name)(scale=args.scale))
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = out / f"bench-{stamp}.json"
    target.write_text(json.dumps({"when": stamp, "machine": platform.platform(), "scale": args.scale,
                                  "measurements": rows}, indent=2), encoding="utf-8")
    for row in rows:
        ok = {True: "ok", False: "MISSED", None: ""}[row.get("ok")]
        print(f"{row['benchmark']:8} {row['metric'][:60]:60} {row['value']:>14} {row['unit']:10} {ok}")
    print(f"saved {target}")


if __name__ == "__main__":
    main()
