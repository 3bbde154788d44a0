"""Reading the law: ``extract``, ``eval`` and ``ingest``."""

from __future__ import annotations

from pathlib import Path

import click

from . import handle_errors, main, pass_context
from .output import console, emit, emit_line, fail, table

# --- extract, eval ---


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per norm found.")
@handle_errors
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Detect and extract foreign-military-entry authorizations from legal texts (.txt, .html, .pdf).

    Touches no database. One result per legal norm found; a file with no relevant norm still gives one
    (relevant: false). A file that cannot be read is reported on stderr and the others go on (exit 2 at the end).
    """
    from ..errors import InputError
    from ..jurisdictions.documents import read_document
    from ..jurisdictions.pe import extract_norms

    bad = 0
    for path in files:
        try:
            text, _info = read_document(path)
        except InputError as exc:
            bad += 1
            click.echo(f"Error: {exc}", err=True)
            continue
        for norm in extract_norms(text, str(path)):
            if as_json:
                emit_line(norm)
            else:
                _print_norm(norm)
    if bad:
        fail(f"{bad} of {len(files)} files could not be read", 2)


def _print_norm(norm: dict) -> None:
    head = f"{norm['file']} [{norm['part']}] {norm['instrument_type']} {norm['number'] or ''}".rstrip()
    if not norm["relevant"]:
        click.echo(f"{head}: not relevant ({norm['detail']['why']})")
        return
    armed = {True: "armed", False: "unarmed", None: "armed: unknown"}[norm["armed"]]
    click.echo(f"{head}: RELEVANT, {', '.join(norm['visiting_countries']) or 'country unknown'}, {armed}")
    for act in norm["activities"]:
        click.echo(f"  - {act['purpose_category']}: {act['start'] or '?'} to {act['end'] or '?'}, "
                   f"personnel {act['personnel'] or '?'}, places {', '.join(act['places']) or '?'}")


@main.command(name="eval")
@click.option("--labels", "labels", multiple=True, type=click.Path(path_type=Path),
              help="A labelled folder (<id>.txt + <id>.json) or a vote labels CSV; repeatable. "
                   "Default: the gazette excerpts and labels-2021-2022.csv of the shared data.")
@click.option("--plenos", type=click.Path(path_type=Path, file_okay=False),
              help="Root of the openpolitica vote folders (default: the labels CSV's folder).")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every disagreement.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@handle_errors
def eval_(labels: tuple[Path, ...], plenos: Path | None, show_errors: bool, as_json: bool) -> None:
    """Score the detector and extractor against labels: precision, recall and F1 per field."""
    from ..errors import InputError
    from ..jurisdictions.pe.evaluate import evaluate

    paths = list(labels) or _default_labels()
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", where=str(path))
    reports = evaluate(paths, plenos or _default_plenos(paths))
    if as_json:
        emit(reports if len(reports) > 1 else reports[0])
        return
    for report in reports:
        table(f"{report['source']} ({report['items']} items)",
              ["field", "tp", "fp", "fn", "precision", "recall", "F1"],
              [[name, f["tp"], f["fp"], f["fn"], f"{f['precision']:.3f}", f"{f['recall']:.3f}", f"{f['f1']:.3f}"]
               for name, f in report["fields"].items()])
        if show_errors:
            for e in report["errors"]:
                click.echo(f"  {e['item']}: {e['field']}: expected {e['expected']!r}, got {e['got']!r}")


def _shared_data() -> Path:
    import os

    return Path(os.environ.get("FOOTPRINT_SHARED_DATA", Path.cwd().parent / "shared" / "data"))


def _default_labels() -> list[Path]:
    from ..errors import InputError

    shared = _shared_data()
    paths = [shared / "gazette-excerpts", shared / "openpolitica-plenos" / "labels-2021-2022.csv"]
    if not all(p.exists() for p in paths):
        raise InputError("no labels given and no shared data found (use --labels or FOOTPRINT_SHARED_DATA)",
                         where="--labels")
    return paths


def _default_plenos(paths: list[Path]) -> Path | None:
    csvs = [p for p in paths if p.suffix.lower() == ".csv"]
    if not csvs:
        return None
    sample = csvs[0].parent
    if any(sample.glob("20*-20*")):
        return sample
    shared = _shared_data() / "openpolitica-plenos"
    return shared if shared.is_dir() else None


# --- ingest ---


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Where extraction runs: a local process pool, or Apache Spark (PySpark, local mode by "
                   "default; FOOTPRINT_SPARK_MASTER for a cluster).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes (local) or cores (Spark local mode). Default: the CPUs available.")
@click.option("--strict", is_flag=True, help="Any rejected document: exit 2 with nothing written.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON Lines: one line per document, then a summary line.")
@pass_context
@handle_errors
def ingest(ctx, paths: tuple[Path, ...], engine: str, workers: int | None, strict: bool,
           as_json: bool) -> None:
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
    progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("ingest", total=len(files))

        def on_document(report: dict) -> None:
            progress.advance(task)
            if as_json:
                emit_line(report)
            elif report["status"] != "stored":  # printed above the progress bar as they come
                click.echo(f"{report['status']}: {report['file']}: {report.get('reason', '')}")

        summary = run_ingest(store, files, engine=engine, workers=workers, strict=strict,
                             on_document=on_document)
    if as_json:
        emit_line(summary)
    else:
        records = summary["records"]
        table("ingest", ["files", "stored", "skipped", "rejected", "inserted", "updated", "unchanged"],
              [[summary["files"], summary["stored"], summary["skipped"], summary["rejected"],
                records["inserted"], records["updated"], records["unchanged"]]])
    if strict and summary["rejected"]:
        done = ("nothing written" if not summary["written"]
                else "rejected while writing; the documents before it were stored")
        fail(f"{summary['rejected']} of {summary['files']} documents rejected; {done} (--strict)", 2)
