"""The answer text: the direct answer first, then the nuance (one line per fact), then the references."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import i18n
from .evidence import View
from .facts import render


def citations_for(v: View, facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Citations of every record behind the facts (first source with a URL), then glossary sources."""
    facts = list(facts)
    ids = [rid for f in facts for rid in f.get("records", [])]
    cites = v.citations(ids)
    urls = {c["source_url"] for c in cites}
    for f in facts:
        if f.get("source_url") and f["source_url"] not in urls:
            record = (f.get("records") or [None])[0]
            cites.append({"record": record, "source_url": f["source_url"], "title": f.get("title"),
                          "date": f.get("date")})
            urls.add(f["source_url"])
    return cites


def assemble(v: View, comp: Any, cites: list[dict[str, Any]], lang: str,
             skip_types: tuple[str, ...] = ()) -> str:
    lines = [comp.direct]
    nuance = [render(f, lang) for f in comp.facts if f["type"] not in skip_types]
    if nuance:
        lines += ["", i18n.t("what_record_shows", lang)]
        lines += [f"{n}. {text}" for n, text in enumerate(nuance, 1)]
    if cites:
        lines += ["", i18n.t("references", lang)]
        by_url: dict[str, list[dict[str, Any]]] = {}
        for c in cites:
            by_url.setdefault(c["source_url"], []).append(c)
        for url, group in by_url.items():
            first = group[0]
            date = f" ({first['date']})" if first.get("date") else ""
            recs = ", ".join(c["record"] for c in group if c.get("record"))
            lines.append(f"- {first.get('title') or ''}{date}: {url}" + (f" [{recs}]" if recs else ""))
        stamp = v.store.last_change()
        if stamp:
            lines.append(i18n.t("updated", lang, date=str(stamp)[:10], n=len({c["source_url"] for c in cites})))
    return "\n".join(lines)
