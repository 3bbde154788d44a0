"""``footprint ask QUESTION`` and ``footprint claim TEXT`` / ``claim review`` / ``claim export``: thin wrappers
over :mod:`footprint.answers`."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import InputError
from . import handle_errors, main, pass_context
from .output import emit

LANG = click.Choice(["es", "en"])


def _text(words: tuple[str, ...], what: str) -> str:
    """The words of the command line as one text; ``-`` reads standard input."""
    if words == ("-",):
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("standard input is not UTF-8 text", where=what) from None
    return " ".join(words)


@main.command()
@click.argument("question", nargs=-1)
@click.option("--lang", type=LANG, help="Answer in this language (default: the question's).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@pass_context
@handle_errors
def ask(ctx: Any, question: tuple[str, ...], lang: str | None, as_json: bool) -> None:
    """Answer a question about foreign military presence, with citations ("-" reads it from stdin)."""
    from ..answers import ask as answer

    result = answer(ctx.store(), _text(question, "question"), lang)
    if as_json:
        emit(result)
    else:
        click.echo(result["answer"])


class _TextOrCommand(click.Group):
    """``claim TEXT...`` checks a claim; ``claim review ...`` and ``claim export ...`` are sub-commands."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        if args and args[0] in self.commands and args[0] != "check":
            return super().resolve_command(ctx, args)
        return "check", self.commands["check"], args


@main.group(cls=_TextOrCommand, context_settings={"ignore_unknown_options": True})
def claim() -> None:
    """Fact-check a claim: footprint claim "TEXT" [--lang es|en] [--save] [--json].

    \b
    footprint claim review CLAIM_ID --rating R --reviewer NAME   record a human review
    footprint claim export CLAIM_ID [--lang es|en]               schema.org ClaimReview JSON-LD
    """


@claim.command("check", hidden=True)
@click.argument("text", nargs=-1)
@click.option("--lang", type=LANG, help="Answer in this language (default: the claim's).")
@click.option("--save", is_flag=True, help="Store the claim and footprint's proposed review in the registry.")
@click.option("--claimant", help="Who made the claim (with --save).")
@click.option("--appearance", metavar="URL", help="Where the claim appeared (with --save).")
@click.option("--date", "claim_date", metavar="DATE", help="When the claim was made, YYYY[-MM[-DD]] (with --save).")
@click.option("--json", "as_json", is_flag=True, help="Print the check as JSON.")
@pass_context
@handle_errors
def claim_check(ctx: Any, text: tuple[str, ...], lang: str | None, save: bool, claimant: str | None,
                appearance: str | None, claim_date: str | None, as_json: bool) -> None:
    """Check a claim against the registry and propose a rating ("-" reads it from stdin)."""
    from ..answers import check_claim, save_claim

    result = check_claim(ctx.store(), _text(text, "claim"), lang)
    if save:
        if not result["parts"]:
            raise InputError("nothing in the text can be checked; not saved", where="claim")
        result["saved"] = save_claim(ctx.store(), result, claimant=claimant, appearance=appearance,
                                     date=claim_date)
    if as_json:
        emit(result)
        return
    click.echo(result["answer"])
    if save:
        click.echo(f"saved {result['saved']['claim']} and {result['saved']['review']}")


@claim.command("review")
@click.argument("claim_id")
@click.option("--rating", required=True,
              type=click.Choice(["true", "mostly_true", "mixed", "misleading", "false", "unproven"]))
@click.option("--reviewer", required=True, help="The reviewer's name.")
@click.option("--summary", help="Why (one or two sentences).")
@click.option("--url", help="Where the review is published.")
@click.option("--json", "as_json", is_flag=True, help="Print the new review's id as JSON.")
@pass_context
@handle_errors
def claim_review_command(ctx: Any, claim_id: str, rating: str, reviewer: str, summary: str | None,
                         url: str | None, as_json: bool) -> None:
    """Record a human review of a stored claim (footprint's proposal is kept beside it)."""
    from ..answers import review_claim

    review_id = review_claim(ctx.store(), claim_id, rating, reviewer, summary=summary, url=url)
    if as_json:
        emit({"claim": claim_id, "review": review_id, "rating": rating})
    else:
        click.echo(f"recorded {review_id}")


@claim.command("export")
@click.argument("claim_id")
@click.option("--lang", type=LANG, default="es", show_default=True)
@click.option("--base-url", default="", help="Prefix of the claim page URL (e.g. https://footprint.example).")
@click.option("--json", "as_json", is_flag=True, help="Accepted for symmetry: the output is always JSON-LD.")
@pass_context
@handle_errors
def claim_export(ctx: Any, claim_id: str, lang: str, base_url: str, as_json: bool) -> None:
    """Print a claim's review as schema.org ClaimReview JSON-LD."""
    from ..answers import claim_review

    emit(claim_review(ctx.store(), claim_id, lang, base_url=base_url))
