"""Which files an ingestion reads, and their content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError

SUPPORTED = (".txt", ".html", ".htm", ".pdf")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named or found (recursively) under the folders named, sorted, each once; hidden files and
    folders inside a named folder are left out. A path that does not exist is bad input."""
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    found.setdefault(child, None)
        elif path.is_file():
            found.setdefault(path, None)
        else:
            raise InputError("no such file or folder", where=str(given))
    return list(found)


def is_supported(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUPPORTED


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
