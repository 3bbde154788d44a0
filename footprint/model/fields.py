"""Validated field types shared by every record kind."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import cache
from typing import Annotated

import pycountry
from pydantic import AfterValidator, Field, StringConstraints

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
RECORD_ID_PATTERN = r"^[a-z][a-z_]*:[A-Za-z0-9][A-Za-z0-9._-]*$"
SOURCE_ID_PATTERN = r"^source:[A-Za-z0-9][A-Za-z0-9._-]*$"
_RECORD_ID = re.compile(RECORD_ID_PATTERN)
_ISO_3166_2 = re.compile(r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")
_UBIGEO = re.compile(r"^\d{2}(?:\d{2}(?:\d{2})?)?$")


def check_date(value: str) -> str:
    """A calendar date as ISO text, at day, month or year precision (``2016-09-08``, ``1980-01``, ``1983``)."""
    if not isinstance(value, str):
        raise ValueError("expected a date as text (YYYY-MM-DD, YYYY-MM or YYYY)")
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        try:
            _dt.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if year == "0000":
        raise ValueError(f"{value!r} has no year 0")
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if day is not None and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        raise ValueError(f"{value!r} has no day {day}")
    return value


def date_floor(value: str) -> str:
    """The first day a (partial) date can mean: ``1980-01`` -> ``1980-01-01``."""
    if len(value) == 10:  # a full date already
        return value
    parts = value.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)


def date_ceiling(value: str) -> str:
    """The last day a (partial) date can mean: ``1980-02`` -> ``1980-02-29``."""
    if len(value) == 10:
        return value
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{parts[0]}-{parts[1]}-{last:02d}"
    return value


def date_precision(value: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]


@cache
def _country_codes() -> frozenset[str]:
    codes = {c.alpha_2 for c in pycountry.countries}
    codes |= {c.alpha_2 for c in pycountry.historic_countries}
    codes |= {"XK"}  # Kosovo: user-assigned, used by DMDC and most datasets
    return frozenset(codes)


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, or ISO 3166-3 alpha-2 of a former state (``SU``, ``YU``)."""
    if not isinstance(value, str) or value.upper() not in _country_codes():
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return value.upper()


def check_record_id(value: str) -> str:
    if not isinstance(value, str) or not _RECORD_ID.match(value):
        raise ValueError(f"{value!r} is not a record id (expected KIND:slug, e.g. site:pe-base-naval-callao)")
    return value


def check_iso_3166_2(value: str) -> str:
    if not isinstance(value, str) or not _ISO_3166_2.match(value):
        raise ValueError(f"{value!r} is not an ISO 3166-2 code (e.g. PE-LOR)")
    check_country(value[:2])
    return value


def check_ubigeo(value: str) -> str:
    if not isinstance(value, str) or not _UBIGEO.match(value):
        raise ValueError(f"{value!r} is not a ubigeo (2, 4 or 6 digits)")
    return value


INT64_MAX = 2**63 - 1


def check_json_value(value: object) -> object:
    """Free-form JSON kept canonical: object keys sorted at every depth (the same content gives the same stored
    bytes, whatever order it came in), integers within 64 bits and finite numbers (what every JSON reader keeps)."""
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise ValueError(f"key {key!r} is not text")
        return {key: check_json_value(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [check_json_value(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        if not -INT64_MAX - 1 <= value <= INT64_MAX:
            raise ValueError(f"{value} is beyond the 64-bit integer range JSON readers keep")
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value} is not a finite number")
        return value
    raise ValueError(f"{type(value).__name__} is not a JSON value")


IsoDate = Annotated[str, AfterValidator(check_date)]
CountryCode = Annotated[str, AfterValidator(check_country)]
# checked by pydantic's own (Rust) pattern matching: record ids are the most frequent field of all;
# describe_validation_error words a mismatch as check_record_id would
RecordId = Annotated[str, StringConstraints(pattern=RECORD_ID_PATTERN)]
SourceId = Annotated[str, StringConstraints(pattern=SOURCE_ID_PATTERN)]
Iso3166_2 = Annotated[str, AfterValidator(check_iso_3166_2)]
Ubigeo = Annotated[str, AfterValidator(check_ubigeo)]
Count = Annotated[int, Field(ge=0, le=INT64_MAX)]
JsonValue = Annotated[object, AfterValidator(check_json_value)]
JsonObject = Annotated[dict[str, object], AfterValidator(check_json_value)]
CountsByName = Annotated[dict[str, Count | None], AfterValidator(check_json_value)]


def split_id(record_id: str) -> tuple[str, str]:
    kind, _, slug = check_record_id(record_id).partition(":")
    return kind, slug


def fold(text: str) -> str:
    """Accent- and case-free words, one space apart: ``Santa Lucía`` and ``santa lucia`` compare equal."""
    from unidecode import unidecode

    return " ".join(re.findall(r"[a-z0-9]+", unidecode(text).lower()))


def slugify(text: str) -> str:
    """A readable slug: lower case, ASCII, words joined by ``-``."""
    from unidecode import unidecode

    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
    return slug or "x"
