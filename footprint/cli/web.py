"""The website commands: ``serve`` and ``user add``."""

from __future__ import annotations

import sys

import click

from . import Context, handle_errors, main, pass_context
from .output import emit


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--secure-cookies", is_flag=True, help="Mark cookies Secure (when served behind HTTPS).")
@pass_context
@handle_errors
def serve(ctx: Context, host: str, port: int, secure_cookies: bool) -> None:
    """Serve the website and the JSON API over the registry until stopped (Ctrl-C).

    Editors' sessions are signed with FOOTPRINT_SECRET_KEY; without it a random key is made at each start (signing
    everyone out on restart).
    """
    import uvicorn

    from ..web import Settings, create_app

    store = ctx.store()
    app = create_app(settings=Settings(secure_cookies=secure_cookies), store=store)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"footprint: serving {store.url} at http://{shown}:{port}/ (API: /api/records, /openapi.json)")
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)


@main.group()
def user() -> None:
    """Editor accounts of the website."""


@user.command("add")
@click.argument("name")
@click.option("--role", default="editor", show_default=True, help="viewer, editor or admin.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (one line).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_context
@handle_errors
def user_add(ctx: Context, name: str, role: str, password_stdin: bool, as_json: bool) -> None:
    """Create (or reset) the account NAME; the password comes from a prompt or --password-stdin."""
    from ..web.auth import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    result = add_user(ctx.store(), name, password, role)
    if as_json:
        emit(result)
    else:
        click.echo(f"User {result['username']} saved with role {result['role']}.")
