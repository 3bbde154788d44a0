"""``footprint bench NAME``: the benchmarks of the issues, through the real store and commands."""

from __future__ import annotations

import click

from . import handle_errors, main
from .output import emit, table


@main.command()
@click.argument("name", type=click.Choice(["all", "load", "extract", "analyze", "import", "ask", "web"]))
@click.option("--scale", default=1.0, show_default=True, help="Scale the generated workload (1.0 = the issue's size).")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@handle_errors
def bench(name: str, scale: float, as_json: bool) -> None:
    """Run a benchmark (or all of them) and print its measurements against the targets."""
    from .. import bench as benchmarks

    names = benchmarks.available() if name == "all" else [name]
    rows = []
    for n in names:
        if n not in benchmarks.available():
            rows.append(benchmarks.measurement(n, "not available yet", 0, "", None))
            continue
        if not as_json:
            click.echo(f"running bench {n} ...", err=True)
        rows.extend(benchmarks.runner(n)(scale=scale))
    if as_json:
        emit(rows)
        return
    table("footprint benchmarks", ["benchmark", "metric", "value", "unit", "target", "ok"],
          [[r["benchmark"], r["metric"], r["value"], r["unit"], r.get("target"),
            {True: "yes", False: "NO", None: ""}[r.get("ok")]] for r in rows])
