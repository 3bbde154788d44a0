"""The ``footprint`` command. Each area's sub-commands live in their own module and stay thin:
they parse options, call the library, and print."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import FootprintError
from .output import emit, fail

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    def __init__(self, db: str | None) -> None:
        self.db = db
        self._store: Any = None

    def store(self) -> Any:
        if self._store is None:
            from ..store import Store

            self._store = Store.open(self.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def handle_errors(func: F) -> F:
    """Turn footprint's exceptions into a one-line message and an exit code, in one place."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FootprintError as exc:
            fail(str(exc), exc.exit_code)
        except OSError as exc:
            where = getattr(exc, "filename", None)
            fail(f"{where}: {exc.strerror}" if where else str(exc), 2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", envvar="FOOTPRINT_DB", metavar="URL",
              help="Database: a SQLite path or URL, or postgresql://... Default: a SQLite file in your data directory.")
@click.version_option(__version__, prog_name="footprint")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """footprint: an evidence-based registry of foreign military presence in a host country."""
    ctx.obj = Context(db)
    ctx.call_on_close(ctx.obj.close)


pass_context = click.make_pass_decorator(Context)

from . import registry  # noqa: E402,F401  (each module adds its commands to ``main``)

for _name in ("law", "imports", "analysis", "answers", "web", "bench"):
    try:
        __import__(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # an area not written yet
        if _exc.name != f"{__name__}.{_name}":
            raise

__all__ = ["main", "emit", "fail", "handle_errors", "pass_context"]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
