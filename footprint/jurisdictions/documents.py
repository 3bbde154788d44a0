"""Reading a legal document file into text: one small function every reader uses (``extract``, ``ingest``).

``read_document(path) -> (text, info)``: UTF-8 text (Latin-1 / cp1252 when UTF-8 fails, as Peruvian sources
often are), HTML (tags dropped, entities decoded) and PDF with a text layer (pypdf). Unusable files raise
``InputError`` naming the file and the problem: missing, empty, binary, a PDF without text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from ..errors import InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
_BLOCKS = re.compile(r"<\s*(?:br|/p|/div|/h\d|/li|/tr|p|div|h\d|li|tr)\b[^>]*>", re.I)


def _decode(data: bytes, where: str) -> tuple[str, str]:
    if b"\x00" in data[:4096]:
        raise InputError("binary file, not text", where=where)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        text = data.decode("latin-1")
        encoding = "latin-1"
    else:
        encoding = "cp1252"
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(3, len(text[:4096]) // 100):
        raise InputError("binary file, not text", where=where)
    return text, encoding


def html_to_text(markup: str) -> str:
    text = _BLOCKS.sub("\n", markup)
    text = _TAGS.sub(" ", text)
    text = html.unescape(text)
    return re.sub(r"[ \t]+\n", "\n", re.sub(r"\n{3,}", "\n\n", text))


def _pdf_text(path: Path, where: str) -> tuple[str, dict[str, Any]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"unreadable PDF ({exc})", where=where) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError("PDF has no text layer (scanned images need OCR first)", where=where)
    return text, {"format": "pdf", "pages": len(pages), "encoding": None}


def read_document(path: str | Path) -> tuple[str, dict[str, Any]]:
    """The text of a .txt, .html or .pdf file and ``info`` (format, encoding, pages, bytes)."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise InputError("no such file", where=where)
    if p.is_dir():
        raise InputError("is a folder, not a file", where=where)
    data = p.read_bytes()
    if not data.strip():
        raise InputError("empty file", where=where)
    if data.startswith(b"%PDF") or p.suffix.lower() == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError("not a PDF (no %PDF header)", where=where)
        text, info = _pdf_text(p, where)
    else:
        text, encoding = _decode(data, where)
        fmt = "html" if p.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")) \
            else "text"
        if fmt == "html":
            text = html_to_text(text)
        info = {"format": fmt, "encoding": encoding, "pages": None}
        if not text.strip():
            raise InputError("no text in file", where=where)
    info["bytes"] = len(data)
    return text.replace("\r\n", "\n"), info
