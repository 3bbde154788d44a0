"""Reading the law: ``extract``, ``eval`` and ``ingest``."""

from __future__ import annotations

from pathlib import Path

import click

from . import handle_errors, main, pass_context
from .output import console, emit_line, fail, table

# --- ingest ---


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Where extraction runs: a local process pool, or Apache Spark (PySpark, local mode by default; "
                   "FOOTPRINT_SPARK_MASTER for a cluster).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes (local) or cores (Spark local mode). Default: the CPUs available.")
@click.option("--strict", is_flag=True, help="Any rejected document: exit 2 with nothing written.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one line per document, then a summary line.")
@pass_context
@handle_errors
def ingest(ctx, paths: tuple[Path, ...], engine: str, workers: int | None, strict: bool, as_json: bool) -> None:
    """Extract and store the authorizations in legal texts (.txt, .html, .pdf; files or folders).

    A document already ingested (same content) is skipped; one that cannot be read is rejected with the
    reason and the others go on. Ends with a report of what was stored, skipped and rejected.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..ingest import collect_files
    from ..ingest import ingest as run_ingest

    files = collect_files(paths)
    store = ctx.store()
    err = console(stderr=True)
    lines: list[dict] = []

    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("ingest", total=len(files))

        def on_document(report: dict) -> None:
            progress.advance(task)
            if as_json:
                emit_line(report)
            elif report["status"] != "stored":
                lines.append(report)

        summary = run_ingest(store, files, engine=engine, workers=workers, strict=strict, on_document=on_document)
    if as_json:
        emit_line(summary)
    else:
        for report in lines:
            click.echo(f"{report['status']}: {report['file']}: {report.get('reason', '')}")
        records = summary["records"]
        table("ingest", ["files", "stored", "skipped", "rejected", "inserted", "updated", "unchanged"],
              [[summary["files"], summary["stored"], summary["skipped"], summary["rejected"], records["inserted"],
                records["updated"], records["unchanged"]]])
    if not summary["written"]:
        fail(f"{summary['rejected']} of {summary['files']} documents rejected; nothing written (--strict)", 2)
