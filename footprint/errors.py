"""The exceptions footprint raises, in one tree.

    FootprintError
    ├── InputError            bad input: a file, a field, a date, a place (exit code 2, HTTP 400/422)
    │   ├── UnknownPlace      a place code or name the gazetteer does not know
    │   ├── AmbiguousDate     a date that cannot be read one way only
    │   └── DuplicateId       the same record id twice in one input
    ├── NotFound              no record with that id (exit code 1, HTTP 404)
    ├── Conflict              a stale update: the record changed since it was read (HTTP 409)
    ├── IntegrityError        the audit chain or the database is not what it should be
    └── Unavailable           an optional part (PostgreSQL driver, PySpark, Chromium) is missing

Foreign exceptions (pydantic, SQLAlchemy, orjson) are converted to these at the boundary of the
library, once; the CLI and the web app turn these into exit codes and HTTP statuses in one place each.
"""

from __future__ import annotations


class FootprintError(Exception):
    """Base of every error footprint raises on purpose."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(FootprintError):
    exit_code = 2
    http_status = 422


class UnknownPlace(InputError):
    pass


class AmbiguousDate(InputError):
    pass


class DuplicateId(InputError):
    def __init__(self, message: str, *, where: str | None = None, record_id: str | None = None) -> None:
        super().__init__(message, where=where)
        self.record_id = record_id


class NotFound(FootprintError):
    exit_code = 1
    http_status = 404


class Conflict(FootprintError):
    exit_code = 1
    http_status = 409


class IntegrityError(FootprintError):
    exit_code = 1
    http_status = 500


class Unavailable(FootprintError):
    exit_code = 1
    http_status = 503
