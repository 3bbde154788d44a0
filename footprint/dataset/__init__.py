"""The project's dataset format: a Frictionless data package of one file per record kind.

``read_path`` reads a data package folder, its ``datapackage.json``, one JSON / JSON Lines / CSV file, and
returns validated records (or raises an :class:`~footprint.errors.InputError` naming file and line);
``loader.load_path`` reads, validates and writes them into a store in one transaction, in parallel when big.
``write_dataset`` writes records back as JSON, CSV, a data package, or a Datasette-ready SQLite file.
"""

from .reader import read_items, read_path
from .writer import FORMATS, write_dataset

__all__ = ["FORMATS", "read_items", "read_path", "write_dataset"]
