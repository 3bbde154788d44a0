"""The CLI reference is generated from the code; a stale docs/cli.md fails here (run `make docs`)."""

from __future__ import annotations

from pathlib import Path

from footprint.cli.docs import render

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOCS.exists(), "docs/cli.md is missing: run `make docs`"
    assert DOCS.read_text(encoding="utf-8") == render(), "docs/cli.md is stale: run `make docs`"


def test_every_command_has_help() -> None:
    import click

    from footprint.cli import main

    def walk(cmd: click.Command, name: str) -> None:
        assert (cmd.help or "").strip(), f"`{name}` has no help text"
        if isinstance(cmd, click.Group):
            for sub, child in cmd.commands.items():
                walk(child, f"{name} {sub}")

    walk(main, "footprint")
