"""Turning records into what a page shows: links between records, field values as escaped HTML, sources.

Everything that reaches HTML goes through Jinja2's autoescape or :func:`markupsafe.escape` here; links are
only made from record ids and ``http(s)`` URLs.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from ..model import KINDS

_ID = re.compile(r"^([a-z][a-z_]*):([A-Za-z0-9][A-Za-z0-9._-]*)$")


def is_record_id(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    m = _ID.match(value)
    return bool(m) and m.group(1) in KINDS


def record_url(record_id: str) -> str:
    kind, _, slug = record_id.partition(":")
    return f"/{kind}/{slug}"


def safe_url(url: Any) -> str | None:
    """A URL fit for an ``href``: only http and https."""
    if isinstance(url, str) and re.match(r"^https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def record_link(record_id: str, label: str | None = None) -> Markup:
    return Markup('<a href="{}">{}</a>').format(record_url(record_id), label or record_id)


def value_html(value: Any, depth: int = 0) -> Markup:
    """A field value as HTML: record ids and URLs become links, lists and objects nest."""
    if value is None:
        return Markup("")
    if isinstance(value, bool):
        return Markup("true" if value else "false")
    if isinstance(value, str):
        if is_record_id(value):
            return record_link(value)
        url = safe_url(value)
        if url:
            return Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(url, value)
        return escape(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return Markup("")
        if all(not isinstance(v, (dict, list)) for v in value):
            return Markup(", ").join(value_html(v, depth + 1) for v in value)
        items = Markup("").join(Markup("<li>{}</li>").format(value_html(v, depth + 1)) for v in value)
        return Markup("<ul>{}</ul>").format(items)
    if isinstance(value, dict):
        if depth > 4:
            return escape(str(value))
        rows = Markup("").join(Markup("<tr><th>{}</th><td>{}</td></tr>").format(k, value_html(v, depth + 1))
                               for k, v in value.items())
        return Markup('<table class="nested">{}</table>').format(rows)
    return escape(str(value))


_IN_TEXT = re.compile(r"(https?://[^\s<>\"\]\[]+[^\s<>\"\]\[.,;:)])|\b([a-z][a-z_]*):([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])")


def linkify(text: Any) -> Markup:
    """Plain text as HTML with its record ids and http(s) URLs as links (everything else escaped)."""
    raw = str(text)
    out: list[Markup] = []
    last = 0
    for m in _IN_TEXT.finditer(raw):
        out.append(escape(raw[last:m.start()]))
        if m.group(1):
            out.append(Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(m.group(1), m.group(1)))
        elif m.group(2) in KINDS:
            out.append(record_link(f"{m.group(2)}:{m.group(3)}"))
        else:
            out.append(escape(m.group(0)))
        last = m.end()
    out.append(escape(raw[last:]))
    return Markup("").join(out)


def install_filters(env: Any) -> None:
    env.filters["linkify"] = linkify
    env.filters["value_html"] = value_html
    env.filters["record_url"] = record_url
    env.filters["record_link"] = record_link
    env.filters["safe_url"] = safe_url
    env.globals["is_record_id"] = is_record_id


def sources_of(store: Any, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's citations with their source records' title, publisher, date and link."""
    cites = data.get("sources") or []
    found = store.get_many([c["source"] for c in cites])
    out = []
    for c in cites:
        stored = found.get(c["source"])
        src = stored.record if stored else None
        out.append({**c, "title": getattr(src, "title", None) or c["source"],
                    "publisher": getattr(src, "publisher", None), "date": getattr(src, "date", None),
                    "url": safe_url(getattr(src, "url", None)), "known": stored is not None})
    return out


def history_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Audit events for display, each with the fields its change touched."""
    rows = []
    for e in events:
        before, after = e.get("before") or {}, e.get("after") or {}
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        rows.append({"seq": e["seq"], "at": e["at"], "actor": e["actor"], "action": e["action"],
                     "version": e["version"], "changed": changed, "hash": e["hash"]})
    return list(reversed(rows))
