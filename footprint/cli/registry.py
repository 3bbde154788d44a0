"""The registry commands: init, load, export, show, audit."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from . import Context, handle_errors, main, pass_context
from .output import emit, table


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_context
@handle_errors
def init(ctx: Context, as_json: bool) -> None:
    """Create the registry database (or bring it to the current schema)."""
    store = ctx.store()
    result = {"database": store.url, "dialect": store.dialect, "records": sum(store.counts().values())}
    if as_json:
        emit(result)
    else:
        click.echo(f"Registry ready: {store.url} ({result['records']} records)")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--actor", default="footprint-load", show_default=True, help="Who the audit log says made the change.")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Worker processes validating a big input (default: one per CPU, up to 4; 0: validate in this "
                   "process).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_context
@handle_errors
def load(ctx: Context, path: Path, actor: str, workers: int | None, as_json: bool) -> None:
    """Load records from PATH (a data package folder, datapackage.json, .json, .jsonl or .csv).

    All or nothing: one bad record refuses the whole file, and loading the same records again changes nothing.
    """
    from ..dataset.loader import load_path

    try:
        read, report, _ = load_path(ctx.store(), path, actor=actor, workers=workers)
    except InputError as exc:  # name the file where the error does not already
        where = exc.where or str(path)
        raise type(exc)(exc.message, where=where if where.startswith(str(path)) else f"{path}: {where}") from None
    result = {"path": str(path), "read": read, **report.as_dict()}
    if as_json:
        emit(result)
    else:
        click.echo(f"Loaded {path}: {read} records read, {report.inserted} inserted, "
                   f"{report.updated} updated, {report.unchanged} unchanged.")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "datapackage", "sqlite", "geojson", "hxl"]),
              default="json", show_default=True, help="Output format.")
@click.option("--kind", multiple=True, help="Only these record kinds (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.argument("path", type=click.Path(path_type=Path))
@pass_context
@handle_errors
def export(ctx: Context, fmt: str, kind: tuple[str, ...], as_json: bool, path: Path) -> None:
    """Write the registry to PATH: a JSON file, a CSV folder, a data package folder or a SQLite file."""
    from ..dataset import write_dataset

    store = ctx.store()
    records = [r for k in (kind or [None]) for r in store.records(k)]
    if fmt in ("geojson", "hxl"):
        from ..dataset import extra

        counts = extra.write(fmt, records, path)
    else:
        counts = write_dataset(records, fmt, path)
    result = {"path": str(path), "format": fmt, "records": sum(counts.values()), "by_kind": counts}
    if as_json:
        emit(result)
    else:
        click.echo(f"Wrote {result['records']} records as {fmt} to {path}")


@main.command()
@click.argument("kind")
@click.argument("record_id", metavar="ID")
@click.option("--history", is_flag=True, help="Include the record's audit history.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@pass_context
@handle_errors
def show(ctx: Context, kind: str, record_id: str, history: bool, as_json: bool) -> None:
    """Show one record: `footprint show site pe-base-naval-callao` (or the full id `site:...`)."""
    from ..model import dump_record

    full = record_id if record_id.startswith(kind + ":") else f"{kind}:{record_id}"
    store = ctx.store()
    stored = store.get(full)
    result = {"record": dump_record(stored.record), "version": stored.version, "created_at": stored.created_at,
              "updated_at": stored.updated_at, "referred_by": store.referrers(full)}
    if history:
        result["history"] = store.history(full)
    if as_json:
        emit(result)
        return
    rows = [[k, v] for k, v in result["record"].items()]
    table(f"{full} (version {stored.version})", ["field", "value"], rows)
    if result["referred_by"]:
        click.echo("Referred to by: " + ", ".join(result["referred_by"]))
    if history:
        table("history", ["seq", "at", "actor", "action", "version"],
              [[e["seq"], e["at"], e["actor"], e["action"], e["version"]] for e in result["history"]])


@main.group()
def audit() -> None:
    """The tamper-evident audit log."""


@audit.command("verify")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_context
@handle_errors
def audit_verify(ctx: Context, as_json: bool) -> None:
    """Recompute the hash chain and check every record against its last event; exit 1 and name the first
    broken event if any row of either was altered."""
    report = ctx.store().verify_audit()
    if as_json:
        emit(report.as_dict())
    elif report.ok:
        click.echo(f"Audit log intact: {report.events} events.")
    else:
        at = f" at event {report.first_broken}" if report.first_broken is not None else ""
        click.echo(f"Audit log BROKEN{at}: {report.reason}", err=True)
    if not report.ok:
        raise SystemExit(1)


@audit.command("log")
@click.option("--record", "record_id", help="Only events of this record id.")
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON.")
@pass_context
@handle_errors
def audit_log(ctx: Context, record_id: str | None, limit: int, as_json: bool) -> None:
    """List audit events, newest last."""
    store = ctx.store()
    events = store.history(record_id) if record_id else store.audit_events()
    events = events[-limit:]
    if as_json:
        emit(events)
    else:
        table("audit log", ["seq", "at", "actor", "action", "record", "version"],
              [[e["seq"], e["at"], e["actor"], e["action"], e["record_id"], e["version"]] for e in events])


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_context
@handle_errors
def summary(ctx: Context, as_json: bool) -> None:
    """What the registry holds: records per kind, audit events, last change."""
    store = ctx.store()
    counts = store.counts()
    chain = store.verify_audit()
    result = {"database": store.url, "records": sum(counts.values()), "by_kind": counts,
              "audit_events": chain.events, "audit_ok": chain.ok, "last_change": store.last_change()}
    if as_json:
        emit(result)
        return
    click.echo(f"footprint registry: {store.url}")
    table(None, ["kind", "records"], [[k, n] for k, n in counts.items()])
    click.echo(f"{result['records']} records; audit log {'intact' if chain.ok else 'BROKEN'} "
               f"({chain.events} events); last change {result['last_change']}")
