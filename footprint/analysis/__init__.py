"""The analysis engine: presence, continuity, classification, compliance and statistics over the registry.

Every entry point takes a store and returns plain JSON-ready data in DESIGN.md's frozen shapes. The work is
columnar (Polars tables built by :mod:`footprint.analysis.frames`), so the same code runs on a global registry.
Each accepts ``frames=`` (a :class:`Frames` from :func:`load_frames`) to reuse one read of the registry.
"""

from __future__ import annotations

from .classify import classify
from .compliance import check
from .continuity import continuity
from .frames import Frames, load_frames
from .presence import presence
from .stats import statistics
from .summary import country_summary

__all__ = ["Frames", "check", "classify", "continuity", "country_summary", "load_frames", "presence",
           "statistics"]
