"""``footprint import openpolitica|troopdata PATH`` and ``footprint doctor``: thin wrappers over
:mod:`footprint.importers` and :mod:`footprint.quality`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import Context, handle_errors, main, pass_context
from .output import console, emit, table


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Any]:
    """A Rich progress bar on stderr; yields the importers' ``progress(task, advance, total)`` callback."""
    if not enabled:
        yield lambda *_args: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    tasks: dict[str, Any] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console(stderr=True), transient=True) as bar:
        def update(task: str, advance: int, total: int | None = None) -> None:
            if task not in tasks:
                tasks[task] = bar.add_task(task, total=total)
            elif total is not None:
                bar.update(tasks[task], total=total)
            bar.advance(tasks[task], advance)

        yield update


@main.group("import")
def import_group() -> None:
    """Import public datasets (idempotent: a re-run imports nothing twice)."""


def _run(ctx: Context, dataset: str, path: Path, strict: bool, as_json: bool, quiet: bool) -> None:
    from .. import importers
    from ..importers import openpolitica, troopdata

    store = ctx.store()
    with progress_bar(not (as_json or quiet) and sys.stderr.isatty()) as progress:
        if dataset == "openpolitica":
            result = openpolitica.read(path, store=store, progress=progress)
        else:
            result = troopdata.read(path, progress=progress)
        importers.write(store, result, strict=strict, progress=progress)
    report = result.as_dict()
    if as_json:
        emit(report)
        return
    for item in result.rejected:
        click.echo(f"skipped {item}", err=True)
    for item in result.warnings:
        click.echo(f"warning {item}", err=True)
    written = report["written"]
    table(f"import {dataset}: {path}", ["kind", "records"], [[k, n] for k, n in report["by_kind"].items()])
    click.echo(f"{report['rows']} rows read in {report['seconds']} s; {written.get('inserted', 0)} inserted, "
               f"{written.get('updated', 0)} updated, {written.get('unchanged', 0)} unchanged; "
               f"{report['rejected_count']} rows skipped, {report['warnings_count']} warnings.")


_OPTIONS = [
    click.option("--strict", is_flag=True, help="Any skipped row is an error: exit 2, nothing written."),
    click.option("--quiet", is_flag=True, help="No progress bar."),
    click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
]


def _options(func: Any) -> Any:
    for option in reversed(_OPTIONS):
        func = option(func)
    return func


DATASETS = {
    "openpolitica": "Plenary votes on foreign military entry from an openpolitica folder "
                    "(congreso-pleno-asistencia-votacion).",
    "troopdata": "US base sites, quarterly personnel, exercises (MME) and construction from a troopdata "
                 "data-raw folder.",
}


def _command(dataset: str) -> None:
    @import_group.command(dataset, help=DATASETS[dataset])
    @click.argument("path", type=click.Path(path_type=Path))
    @_options
    @pass_context
    @handle_errors
    def command(ctx: Context, path: Path, strict: bool, quiet: bool, as_json: bool) -> None:
        _run(ctx, dataset, path, strict, as_json, quiet)


for _dataset in DATASETS:
    _command(_dataset)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@pass_context
@handle_errors
def doctor(ctx: Context, as_json: bool) -> None:
    """Data quality: records without a source, unresolved places, conflicting figures, activities with no
    authorization found, dangling references; each item with its explanation (or the lack of one)."""
    from ..quality import diagnose

    report = diagnose(ctx.store())
    if as_json:
        emit(report)
        return
    rows = [[i["check"], i["record"], i["problem"], i.get("explanation") or "UNEXPLAINED"] for i in report["items"]]
    table("footprint doctor", ["check", "record", "problem", "explanation"], rows)
    click.echo(f"{report['total']} items, {report['unexplained']} without an explanation: "
               + ("OK" if report["ok"] else "needs attention"))
