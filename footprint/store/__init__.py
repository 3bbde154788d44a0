"""The database: schema, migrations, reads and writes, the audit log. Only this package holds connections."""

from .audit import ChainReport
from .engine import default_url, resolve_url
from .registry import Store, StoredRecord, Writer, WriteReport

__all__ = ["ChainReport", "Store", "StoredRecord", "WriteReport", "Writer", "default_url",
           "resolve_url"]
