"""Peru: the detector and extractor of foreign-military-entry authorizations (``detect``, ``extract_norms``),
and, from its own module, the gazetteer (``from footprint.jurisdictions.pe.gazetteer import gazetteer``)."""

from __future__ import annotations

from .detect import Detection, detect
from .extract import extract_norms

CODE = "PE"

__all__ = ["CODE", "Detection", "detect", "extract_norms"]
