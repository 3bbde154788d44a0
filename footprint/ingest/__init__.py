"""Ingesting legal texts: files in, sourced registry records out, on a local process pool or on Spark.

from footprint.ingest import collect_files, ingest
summary = ingest(store, collect_files(["gazette/"]), engine="local", workers=4)
"""

from .analyse import analyse_document
from .files import SUPPORTED, collect_files, sha256_file
from .pipeline import ENGINES, ingest, merge_into
from .records import document_records, instrument_id, source_id_for

__all__ = [
    "ENGINES",
    "SUPPORTED",
    "analyse_document",
    "collect_files",
    "document_records",
    "ingest",
    "instrument_id",
    "merge_into",
    "sha256_file",
    "source_id_for",
]
