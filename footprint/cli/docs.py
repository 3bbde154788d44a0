"""Generate the CLI reference (docs/cli.md) and the settings list from the code.

``python -m footprint.cli.docs > docs/cli.md``; a test fails when the committed file is stale.
"""

from __future__ import annotations

import click

from . import main

SETTINGS = [
    ("FOOTPRINT_DB", "Database URL or SQLite path (same as --db). Default: a SQLite file in the user's data "
                     "directory."),
    ("FOOTPRINT_TEST_DATABASE_URL", "Tests: a PostgreSQL server to run the store tests on too (each test in its "
                                    "own schema)."),
    ("FOOTPRINT_REQUIRE_POSTGRES", "Tests: 1 makes a missing PostgreSQL server a failure, not a skip (CI)."),
    ("FOOTPRINT_REQUIRE_BROWSER", "Tests: 1 makes a missing Chromium a failure, not a skip (CI)."),
    ("FOOTPRINT_REQUIRE_SHARED", "Tests: 1 makes missing ../shared/data a failure, not a skip (CI)."),
    ("FOOTPRINT_SHARED_DATA", "Tests: where the shared real datasets are (default ../shared/data)."),
    ("FOOTPRINT_BENCH_DATABASE_URL", "Benchmarks: the PostgreSQL server to measure against."),
]


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            out += _walk(command.commands[name], [*path, name])
    return out


def render() -> str:
    lines = ["# Command-line reference", "",
             "Generated from the code by `make docs` (`python -m footprint.cli.docs`); a test fails when it is "
             "stale.", ""]
    for path, command in _walk(main, ["footprint"]):
        ctx = click.Context(command, info_name=" ".join(path), terminal_width=100, max_content_width=100,
                            help_option_names=["-h", "--help"])
        lines += [f"## `{' '.join(path)}`", "", "```", command.get_help(ctx).rstrip(), "```", ""]
    lines += ["# Settings", "", "| variable | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in SETTINGS]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(render())
