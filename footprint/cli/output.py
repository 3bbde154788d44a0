"""How commands print: JSON (one object, or JSON Lines for streams) or Rich tables for people."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click
import orjson


def to_json(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS, default=_default).decode()


def _default(value: Any) -> Any:
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_defaults=True)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def emit(value: Any) -> None:
    """Print one JSON document."""
    click.echo(to_json(value))


def emit_line(value: Any) -> None:
    """Print one JSON Lines row and flush (for streams)."""
    sys.stdout.write(to_json(value) + "\n")
    sys.stdout.flush()


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    t = Table(title=title)
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    console().print(t)
