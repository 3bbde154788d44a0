"""Import the troopdata folder (``meflynn/troopdata`` ``data-raw/``): US base sites abroad, quarterly US
personnel per country, multinational exercises (MME v7) and construction spending, for every country.

Rows are kept as the dataset says them: the dataset's own ``base`` / ``lilypad`` / ``fundedsite`` coding is a label
attributed to it (``site_type`` is only derived where the coding says what the site is), totals are never
"fixed" (a per-service breakdown that does not add up is flagged), partial dates keep their precision
(``1980-01-xx`` -> ``1980-01``). Rows whose country cannot be mapped to ISO 3166 are rejected with file and line.
An exercise's host is the first country its free-text location names (an exercise at sea names none and is
reported). ``mme-v7-long.csv`` repeats ``mme_v7.csv`` one row per participant and is not read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import check_date, slugify
from . import ImportResult, Progress, no_progress, unique_id
from .countries import country_in_text, to_iso2

REPO = "https://github.com/meflynn/troopdata"
COMMIT = "3946bcf89a6d72de8abace812dc557f1f249f5f7"


def _source(slug: str, path: str, title: str, publisher: str) -> dict[str, Any]:
    return {"id": f"source:{slug}", "url": f"{REPO}/blob/{COMMIT}/data-raw/{path}", "title": title,
            "publisher": publisher, "reliability": "dataset", "language": "en"}


SOURCES = {
    "bases": _source("troopdata-bases", "basedata.csv", "US base sites abroad (Vine, Base Nation; troopdata)",
                     "Allen, Flynn and Martinez Machain (troopdata), after David Vine"),
    "troops": _source("troopdata-deployments", "troopdata-rebuild-country-year-quarter-format.csv",
                      "US military personnel by country and quarter (DMDC, troopdata rebuild)",
                      "Allen, Flynn and Martinez Machain (troopdata), from DMDC reports"),
    "mme": _source("mme-v7", "mme_v7.csv", "Multinational Military Exercises 1980-2010 (MME v7)",
                   "D'Orazio and Galambos, Harvard Dataverse doi:10.7910/DVN/KHFODX"),
    "build": _source("troopdata-construction", "builddata.csv", "US military construction spending by location",
                     "Allen, Flynn and Martinez Machain (troopdata)"),
}
FILES = {"bases": "basedata.csv", "troops": "troopdata-rebuild-country-year-quarter-format.csv",
         "mme": "mme_v7.csv", "build": "builddata.csv"}

SERVICES = {"army": "army_ad", "navy": "navy_ad", "air_force": "air_force_ad", "marine_corps": "marine_corps_ad",
            "coast_guard": "coast_guard_ad", "space_force": "space_force_ad"}
MONTHS = {"March": ("03", 1), "June": ("06", 2), "September": ("09", 3), "December": ("12", 4)}
# The dataset's site coding -> what it lets us say about the site (nothing more).
SITE_CODING = (("fundedsite", "funded_facility", {"foreign_funded": True}),
               ("base", "foreign_facility", {}),
               ("lilypad", "other", {}))
MME_FLAGS = ("CPX", "Air", "Land", "Sea", "Amphibious", "Cyber", "Warfighting", "Peacekeeping", "Humanitarian")


def read_csv(path: Path, result: ImportResult) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV with their line numbers; a file that is not UTF-8 is read as Windows-1252 and flagged."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        result.warn(path.name, None, "not UTF-8; read as Windows-1252")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            result.rows += 1
            yield reader.line_num, row
    except csv.Error as exc:
        result.reject(path.name, reader.line_num, f"malformed CSV ({exc}); the rest of the file is skipped")


def _int(value: str | None) -> int | None:
    if value is None or value.strip() in ("", "NA", "-9"):
        return None
    return int(float(value))


def _float(value: str | None) -> float | None:
    if value is None or value.strip() in ("", "NA"):
        return None
    return float(value)


def _given(value: str | None) -> str | None:
    """A text cell, or None for the datasets' missing-value markers."""
    text = (value or "").strip()
    return None if text in ("", "NA", "-9") else text


def _country(result: ImportResult, file: str, line: int, code: str | None, name: str | None,
             year: int | None = None) -> tuple[str | None, list[dict[str, Any]]]:
    mapped = to_iso2(code, name, year)
    if mapped.code is None:
        result.reject(file, line, mapped.reason or "country cannot be mapped")
        return None, []
    conflicts = []
    if mapped.disagreement:
        by_code, by_name = mapped.disagreement
        conflicts.append({"field": "host_country", "chosen": by_name,
                          "note": f"the row's code {code!r} means {by_code}, its name {name!r} means {by_name}; "
                                  "the name is taken (the code column holds the sovereign state or is wrong)",
                          "values": [{"value": by_code, "note": f"iso3c {code}"},
                                     {"value": by_name, "note": f"countryname {name}"}]})
    return mapped.code, conflicts


# --- base sites ------------------------------------------------------------------------------------------


def read_bases(folder: Path, result: ImportResult) -> None:
    file = FILES["bases"]
    src = SOURCES["bases"]["id"]
    seen: dict[str, tuple[str, int | None]] = {}
    for line, row in read_csv(folder / file, result):
        code, conflicts = _country(result, file, line, row.get("iso3c"), row.get("countryname"))
        name = (row.get("basename") or "").strip()
        if code is None:
            continue
        if not name:
            result.reject(file, line, "basename is empty")
            continue
        try:
            coding = {k: _int(row.get(k)) for k in ("base", "lilypad", "fundedsite")}
            lat, lon = _float(row.get("lat")), _float(row.get("lon"))
        except (TypeError, ValueError) as exc:
            result.reject(file, line, f"cannot read the site coding or coordinates ({exc})")
            continue
        site_type, facts = "other", {}
        for flag, kind, flag_facts in SITE_CODING:
            if coding.get(flag) == 1:
                site_type, facts = kind, dict(flag_facts)
                break
        record_id = f"site:{code.lower()}-{slugify(name)}"
        if not unique_id(result, seen, record_id, file, line):
            continue
        result.add({
            "id": record_id, "name": name, "host_country": code, "site_type": site_type,
            "lat": lat, "lon": lon,
            "labels": [{"label": flag, "value": value, "by": src, "scheme": "troopdata/Vine site coding"}
                       for flag, value in coding.items() if value is not None],
            "facts": facts, "conflicts": conflicts,
            "sources": [{"source": src, "note": f"{file} line {line}"}],
        }, file, line)


# --- quarterly personnel ---------------------------------------------------------------------------------


def read_troops(folder: Path, result: ImportResult, progress: Progress = no_progress) -> None:
    file = FILES["troops"]
    src = SOURCES["troops"]["id"]
    seen: dict[str, tuple[str, int | None]] = {}
    for line, row in read_csv(folder / file, result):
        if line % 5000 == 0:
            progress("troopdata: quarterly personnel", 5000, None)
        try:
            year = int(row["year"])
            month, quarter = MONTHS[row["month"]]
            active = _int(row.get("troops_ad"))
            services = {k: _int(row.get(col)) for k, col in SERVICES.items()}
            reserve, civilians, total = (_int(row.get(c)) for c in ("total_selected_reserve", "total_civilian",
                                                                    "troops_all"))
        except (KeyError, TypeError, ValueError) as exc:
            result.reject(file, line, f"cannot read the row ({exc.__class__.__name__}: {exc})")
            continue
        code, conflicts = _country(result, file, line, row.get("iso3c"), row.get("countryname"), year)
        if code is None:
            continue
        record_id = f"personnel_count:us-{code.lower()}-{year}q{quarter}"
        if not unique_id(result, seen, record_id, file, line):
            continue
        flags = []
        known = [v for v in services.values() if v is not None]
        if active is not None and known and sum(known) != active:
            flags.append(f"per-service columns add up to {sum(known)}, troops_ad is {active} (kept as given)")
        method = (row.get("source") or "").strip()
        if method in ("", "NA"):
            method = None
        if method == "Stepwise Imputation":
            flags.append("imputed by the dataset's authors, not a reported figure")
        result.add({
            "id": record_id, "visiting_country": "US", "host_country": code, "date": f"{year}-{month}",
            "period": "quarter", "category": "permanent", "active_duty": active, "reserve": reserve,
            "civilians": civilians, "total": total, "by_service": services, "method": method, "flags": flags,
            "conflicts": conflicts, "sources": [{"source": src, "note": f"{file} line {line}"}],
        }, file, line)


# --- exercises -------------------------------------------------------------------------------------------

_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_PARTIAL = re.compile(r"^(\d{4})-(\d{2}|xx)-(\d{2}|xx)$", re.IGNORECASE)


def parse_mme_date(text: str) -> str:
    """``1/14/80`` -> ``1980-01-14``; ``1980-01-xx`` -> ``1980-01`` (month precision, no invented day)."""
    text = text.strip()
    m = _SLASH.match(text)
    if m:
        month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
        full = int(year) if len(year) == 4 else (1900 + int(year) if int(year) >= 50 else 2000 + int(year))
        return check_date(f"{full:04d}-{month:02d}-{day:02d}")
    m = _PARTIAL.match(text)
    if m:
        year, month, day = m.groups()
        if month.lower() == "xx":
            return check_date(year)
        return check_date(f"{year}-{month}" if day.lower() == "xx" else f"{year}-{month}-{day}")
    raise ValueError(f"{text!r} is not a date (M/D/YY or YYYY-MM-DD with xx for unknown parts)")


def read_exercises(folder: Path, result: ImportResult) -> None:
    file = FILES["mme"]
    src = SOURCES["mme"]["id"]
    seen: dict[str, tuple[str, int | None]] = {}
    for line, row in read_csv(folder / file, result):
        mme = (row.get("MMEID") or "").strip().lower()
        if not re.fullmatch(r"mme\d+", mme):
            result.reject(file, line, f"MMEID {row.get('MMEID')!r} is not an exercise id like mme100")
            continue
        try:
            start = parse_mme_date(row.get("StartDate") or "")
            end = parse_mme_date(row.get("EndDate") or "")
        except ValueError as exc:
            result.reject(file, line, str(exc))
            continue
        year = int(start[:4])
        location = (row.get("Location") or "").strip()
        host = country_in_text(location, year) if location and location != "-9" else None
        if host is None:
            result.reject(file, line, f"Location {location!r} names no country: the host cannot be read")
            continue
        participants, unknown = [], []
        for key, value in row.items():
            if key and key.startswith("State") and value and value.strip() not in ("", "-9"):  # -9: MME's "none"
                mapped = to_iso2(None, value, year)
                (participants.append(mapped.code) if mapped.code else unknown.append(value.strip()))
        for name in unknown:
            result.warn(file, line, f"participant {name!r} cannot be mapped to ISO 3166; left out of "
                                    "visiting_countries (named in the record's notes)")
        record_id = f"activity:mme-{mme[3:]}"
        if not unique_id(result, seen, record_id, file, line):
            continue
        flags = [f.lower() for f in MME_FLAGS if (row.get(f) or "").strip() == "1"]
        name, series = _given(row.get("Ex_Name")), _given(row.get("Series_Name"))
        notes = [f"MME kind flags: {', '.join(flags)}" if flags else "",
                 "" if name else "unnamed in MME",
                 f"participants not mapped to ISO 3166: {', '.join(unknown)}" if unknown else "",
                 "host country read from the location text; the location is free text, not resolved to a place",
                 "the MME dataset records no authorization for its exercises"]
        humanitarian = "humanitarian" in flags
        result.add({
            "id": record_id, "name": name or (f"{series} ({mme})" if series else f"Exercise {mme}"),
            "activity_type": "humanitarian_mission" if humanitarian else "exercise",
            "purpose_category": "humanitarian" if humanitarian else "exercise", "status": "completed",
            "visiting_countries": sorted(set(participants) - {host}), "host_country": host,
            "start": start, "end": end, "places_as_written": [location],
            "series": series,
            "notes": "; ".join(n for n in notes if n),
            "sources": [{"source": src, "note": f"{file} line {line} ({mme})"}],
        }, file, line)


# --- construction spending -------------------------------------------------------------------------------


def read_construction(folder: Path, result: ImportResult) -> None:
    file = FILES["build"]
    src = SOURCES["build"]["id"]
    groups: dict[str, dict[str, Any]] = {}
    for line, row in read_csv(folder / file, result):
        try:
            year = int(row["year"])
            amount = float(row["spend_construction"])
        except (KeyError, TypeError, ValueError) as exc:
            result.reject(file, line, f"cannot read year/spend_construction ({exc})")
            continue
        code, conflicts = _country(result, file, line, row.get("iso3c"), row.get("countryname"), year)
        location = (row.get("location") or "").strip()
        if code is None:
            continue
        if not location:
            result.reject(file, line, "location is empty")
            continue
        record_id = f"spending:us-{code.lower()}-{slugify(location)}-{year}"
        group = groups.setdefault(record_id, {
            "id": record_id, "visiting_country": "US", "host_country": code, "location": location, "year": year,
            "amount_thousands_usd": 0.0, "category": "military construction", "conflicts": conflicts,
            "sources": [], "_lines": [], "_amounts": []})
        group["amount_thousands_usd"] += amount
        group["_lines"].append(line)
        group["_amounts"].append(amount)
    for group in groups.values():
        lines, amounts = group.pop("_lines"), group.pop("_amounts")
        group["sources"] = [{"source": src, "note": f"{file} line{'s' if len(lines) > 1 else ''} "
                                                    f"{', '.join(map(str, lines))}"}]
        if len(lines) > 1:
            group["notes"] = (f"sum of {len(lines)} line items in the dataset: "
                              f"{', '.join(f'{a:g}' for a in amounts)} thousand US$")
        group["amount_thousands_usd"] = round(group["amount_thousands_usd"], 3)
        result.add(group, file, lines[0])


def read(path: str | Path, progress: Progress = no_progress) -> ImportResult:
    """Read a troopdata folder into records (not stored yet)."""
    folder = Path(path)
    if not folder.is_dir():
        raise InputError("expected the troopdata folder (with basedata.csv, mme_v7.csv, ...)", where=str(folder))
    missing = [f for f in FILES.values() if not (folder / f).is_file()]
    if len(missing) == len(FILES):
        raise InputError(f"no troopdata file here (expected {', '.join(FILES.values())})", where=str(folder))
    result = ImportResult("troopdata", str(folder))
    for name in missing:
        result.warn(name, None, "file not in the folder; nothing of its kind imported")
    readers = {"bases": read_bases, "mme": read_exercises, "build": read_construction}
    for key, file in FILES.items():
        if file in missing:
            continue
        result.files += 1
        result.add(dict(SOURCES[key]), file, None)
        progress(f"troopdata: {file}", 0, None)
        if key == "troops":
            read_troops(folder, result, progress)
        else:
            readers[key](folder, result)
        progress(f"troopdata: {file}", 1, None)
    return result
