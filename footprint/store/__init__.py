"""The database: schema, migrations, reads and writes, the audit log. Only this package holds connections."""

from .audit import ChainReport
from .engine import default_url, resolve_url
from .registry import Store, StoredRecord, Writer, WriteReport, open_store

__all__ = ["ChainReport", "Store", "StoredRecord", "WriteReport", "Writer", "default_url", "open_store",
           "resolve_url"]
