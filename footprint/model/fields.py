"""Validated field types shared by every record kind."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
# the dates check_date accepts, as one pattern that pydantic matches in its own (Rust) code, without a call into
# Python for each date: a year from 0001, a month, a day the month has, and 29 February in leap years only
# (divisible by 4 and not by 100, or by 400); tests hold the two to the same answers
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = (f"^(?:{_YEAR}(?:-(?:(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?|(?:0[13-9]|1[0-2])-(?:29|30)"
                f"|(?:0[13578]|1[02])-31))?|{_LEAP_YEAR}-02-29)$")
# ISO 3166-1 alpha-2, the alpha-2 codes ISO 3166-3 keeps for former states (SU, YU, ...) and XK (Kosovo:
# user-assigned, used by DMDC and most datasets), as pycountry 26.2.16 lists them (from Debian's iso-codes,
# https://salsa.debian.org/iso-codes-team/iso-codes); written out because loading pycountry takes 0.1 s and the
# validators are built from them; a test checks that the two still agree
COUNTRY_CODES = frozenset("""
    AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BU BV BW
    BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CS CT CU CV CW CX CY CZ DD DE DJ DK DM DO DY DZ EC EE EG EH ER ES
    ET FI FJ FK FM FO FQ FR FX GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU HV ID IE
    IL IM IN IO IQ IR IS IT JE JM JO JP JT KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC
    MD ME MF MG MH MI MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NH NI NL NO NP NQ NR NT NU NZ
    OM PA PC PE PF PG PH PK PL PM PN PR PS PT PU PW PY PZ QA RE RH RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
    SN SO SR SS ST SU SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TP TR TT TV TW TZ UA UG UM US UY UZ VA VC VD VE
    VG VI VN VU WF WK WS XK YD YE YT YU ZA ZM ZR ZW
""".split())
# checked by pydantic's own pattern matching, ASCII letters in either case (then upper-cased)
COUNTRY_PATTERN = f"(?i-u)^(?:{'|'.join(sorted(COUNTRY_CODES))})$"
RECORD_ID_PATTERN = r"^[a-z][a-z_]*:[A-Za-z0-9][A-Za-z0-9._-]*$"
SOURCE_ID_PATTERN = r"^source:[A-Za-z0-9][A-Za-z0-9._-]*$"
_RECORD_ID = re.compile(RECORD_ID_PATTERN)
_SOURCE_ID = re.compile(SOURCE_ID_PATTERN)
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
    m = _DATE.fullmatch(value)
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


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, or ISO 3166-3 alpha-2 of a former state (``SU``, ``YU``), in either case."""
    if not isinstance(value, str) or not value.isascii() or value.upper() not in COUNTRY_CODES:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return value.upper()


def check_record_id(value: str) -> str:
    if not isinstance(value, str) or not _RECORD_ID.fullmatch(value):
        raise ValueError(f"{value!r} is not a record id (expected KIND:slug, e.g. site:pe-base-naval-callao)")
    return value


def check_source_id(value: str) -> str:
    if not isinstance(value, str) or not _SOURCE_ID.fullmatch(value):
        raise ValueError(f"{value!r} is not a source record id (expected source:slug)")
    return value


def check_iso_3166_2(value: str) -> str:
    if not isinstance(value, str) or not _ISO_3166_2.fullmatch(value):
        raise ValueError(f"{value!r} is not an ISO 3166-2 code (e.g. PE-LOR)")
    check_country(value[:2])
    return value


def check_ubigeo(value: str) -> str:
    if not isinstance(value, str) or not _UBIGEO.fullmatch(value):
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


# checked by pydantic's own (Rust) pattern matching, not by a call into Python for each value (dates, countries
# and record ids are the most frequent fields of all); describe_validation_error words a mismatch as the
# check_* function of the same type would
IsoDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN, to_upper=True)]
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
