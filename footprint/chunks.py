"""Cutting a stream into lists of a given size (what ``itertools.batched`` does from Python 3.12 on)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter if they do not divide evenly)."""
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk
