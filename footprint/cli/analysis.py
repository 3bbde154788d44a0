"""The analysis commands: presence, continuity, classify, check, stats. Thin: options in, library out."""

from __future__ import annotations

import sys
from typing import Any

import click

from . import Context, handle_errors, main, pass_context
from .output import emit, table

JSON = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")


@main.command()
@click.option("--country", help="Visiting country (ISO 3166-1 alpha-2), e.g. US.")
@click.option("--place", help="A place: ISO 3166-2 (PE-LOR), a country code, or a place/site id; includes places inside it.")
@click.option("--at", help="One day (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--from", "start", help="Window start.")
@click.option("--to", "end", help="Window end.")
@click.option("--by", type=click.Choice(["month", "place", "purpose", "year"]), help="Group the rows.")
@JSON
@pass_context
@handle_errors
def presence(ctx: Context, country: str | None, place: str | None, at: str | None, start: str | None,
             end: str | None, by: str | None, as_json: bool) -> None:
    """Personnel and person-days of visiting forces: authorized, planned, observed and permanent kept apart."""
    from ..analysis import presence as run

    result = run(ctx.store(), country=country, place=place, at=at, start=start, end=end, by=by)
    if as_json:
        emit(result)
        return
    key = {"month": "month", "year": "year", "purpose": "purpose"}.get(by or "", None)
    table("Presence", ([key] if key else []) + ["place", "from", "to", "basis", "personnel", "person-days", "records"],
          [([r[key]] if key else []) + [r["place"], r["from"], r["to"], r["basis"], r["personnel"], r["person_days"],
                                        ", ".join(r["records"][:3]) + (" ..." if len(r["records"]) > 3 else "")]
           for r in result["rows"]])
    table("Totals (never summed across bases)", ["basis", "records", "peak personnel", "person-days"],
          [[b, t["records"], t["peak_personnel"], t["person_days"]] for b, t in result["totals"].items()])
    for gap in result["gaps"]:
        click.echo(f"not counted: {gap['record']}: {gap['reason']}", err=True)


@main.command()
@click.option("--country", help="Visiting country, e.g. US.")
@click.option("--place", help="A place or site (includes places inside it).")
@click.option("--max-gap", "max_gap_days", type=int, default=30, show_default=True,
              help="Largest gap (days) between rotations that still counts as continuous.")
@JSON
@pass_context
@handle_errors
def continuity(ctx: Context, country: str | None, place: str | None, max_gap_days: int, as_json: bool) -> None:
    """Chains of rotations that add up to continuous presence at one site or area."""
    from ..analysis import continuity as run

    result = run(ctx.store(), country=country, place=place, max_gap_days=max_gap_days)
    if as_json:
        emit(result)
        return
    table("Longest continuous presence", ["place", "from", "to", "days", "rotations", "largest gap", "chains"],
          [[r["place"], r["longest"]["from"], r["longest"]["to"], r["longest"]["days"], r["longest"]["rotations"],
            r["longest"]["largest_gap_days"], len(r["chains"])] for r in result])


@main.command()
@click.option("--site", help="One site or temporary facility id.")
@click.option("--typology", help="One typology (or category) name, e.g. us_global_defense_posture.")
@click.option("--at", help="Classify as of this date.")
@JSON
@pass_context
@handle_errors
def classify(ctx: Context, site: str | None, typology: str | None, at: str | None, as_json: bool) -> None:
    """Each site against each base typology, with every criterion met / not met / unknown and its evidence."""
    from ..analysis import classify as run

    result = run(ctx.store(), site=site, typology=typology, at=at)
    if as_json:
        emit(result)
        return
    rows: list[list[Any]] = []
    for s in result:
        for r in s["results"]:
            unknown = [c["name"] for c in r["criteria"] if c["status"] == "unknown"]
            rows.append([s["site"], r["typology"], r["category"] or "-", ", ".join(
                f"{k}: {v}" for k, v in r["categories"].items()), ", ".join(unknown)])
    table("Classification", ["site", "typology", "category", "categories", "unknown criteria"], rows)


SEVERITY_ORDER = ["info", "warning", "error"]


@main.command()
@click.option("--jurisdiction", default="PE", show_default=True, help="Whose legal rules to apply.")
@click.option("--at", help="Check as of this date (default: today).")
@click.option("--fail-on", type=click.Choice(SEVERITY_ORDER), help="Exit 1 if a finding is this severe or worse.")
@JSON
@pass_context
@handle_errors
def check(ctx: Context, jurisdiction: str, at: str | None, fail_on: str | None, as_json: bool) -> None:
    """Compliance of authorizations and activities with the jurisdiction's legal rules."""
    from ..analysis import check as run

    findings = run(ctx.store(), jurisdiction=jurisdiction, at=at)
    if as_json:
        emit(findings)
    else:
        table(f"Compliance findings ({len(findings)})", ["severity", "rule", "message", "records", "legal reference"],
              [[f["severity"], f["rule"], f["message"], ", ".join(f["records"]), f["legal_reference"]]
               for f in findings])
    if fail_on:
        worst = SEVERITY_ORDER.index(fail_on)
        if any(SEVERITY_ORDER.index(f["severity"]) >= worst for f in findings):
            sys.exit(1)


@main.command()
@click.option("--host", default="PE", show_default=True, help="Host country.")
@click.option("--visiting", default="US", show_default=True, help="Visiting country for the comparisons.")
@JSON
@pass_context
@handle_errors
def stats(ctx: Context, host: str, visiting: str, as_json: bool) -> None:
    """Authorizations per year and government, personnel authorized, places most used, votes, countries."""
    from ..analysis import statistics

    result = statistics(ctx.store(), host=host, visiting=visiting)
    if as_json:
        emit(result)
        return
    table("Authorizations per year", ["year", "authorizations", "personnel authorized", "armed", "countries"],
          [[r["year"], r["authorizations"], r["personnel_authorized"], r["armed"], ", ".join(r["countries"])]
           for r in result["per_year"]])
    table("Per government", ["government", "from", "to", "authorizations", "personnel authorized"],
          [[r["government"], r["from"], r["to"], r["authorizations"], r["personnel_authorized"]]
           for r in result["per_government"] if r["authorizations"]])
    table("Places most used", ["place", "name", "records", "authorizations"],
          [[r["place"], r["name"], r["records"], r["authorizations"]] for r in result["places_most_used"]])
    table("Votes", ["date", "bill", "yes", "no", "abstain", "margin"],
          [[r["date"], r["bill"], r["yes"], r["no"], r["abstain"], r["margin"]] for r in result["votes"]])
    c = result["countries"]
    table(f"Hosts of {c['visiting']} personnel (latest count)", ["rank", "host", "personnel", "date"],
          [[r["rank"], r["host"], r["total"], r["date"]] for r in c["latest"]])
