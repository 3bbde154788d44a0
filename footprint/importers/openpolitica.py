"""Import Peru's Congress plenary votes in the openpolitica layout (``congreso-pleno-asistencia-votacion``).

Every ``*-votacion`` folder's subject (``metadatos.csv``) is checked for relevance (foreign military entry); only
relevant votes have their totals, group totals and members read. A relevant vote becomes ``vote:pe-<folder time>``
linked to ``bill:pe-<number>`` (bills are created when the registry does not have them yet, never overwritten).
Official figures win: when the registry already holds the vote with press figures (``reported``, ``conflicts``),
those are kept beside the official totals and a disagreement is recorded as a conflict.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import dump_record
from . import ImportResult, Progress, no_progress

REPO = "https://github.com/openpolitica/congreso-pleno-asistencia-votacion"
SOURCE = {"id": "source:openpolitica-plenos", "url": REPO, "publisher": "openpolitica",
          "title": "Asistencias y votaciones del Pleno del Congreso del Perú (transcripción de las actas oficiales)",
          "reliability": "dataset", "language": "es"}
TOTALS = {"si": "yes", "no": "no", "abstenciones": "abstain", "sin_responder": "no_answer", "ausentes": "absent",
          "licencias": "on_leave", "numero_legal": "legal_number", "otros": "other"}
FOLDER = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-votacion$")

BILLS = re.compile(r"RESOLUCI[OÓ]N\s+LEGISLATIVA\s+((?:\d+)(?:\s*(?:,|Y)\s*\d+)*)")


def is_relevant(subject: str) -> bool:
    """Whether a vote's subject concerns foreign military entry: Peru's detector (the bill title as read in a vote)."""
    from ..jurisdictions.pe.detect import detect

    return bool(detect(subject).relevant)


def bill_numbers(subject: str) -> list[str]:
    """Bill numbers a subject names: ``PROYECTOS DE RESOLUCIÓN LEGISLATIVA 288 Y 295`` -> ``["288", "295"]``."""
    m = BILLS.search(subject.upper())
    return re.findall(r"\d+", m.group(1)) if m else []


def _read(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _metadata(path: Path) -> dict[str, str]:
    return {row[0]: row[1] for row in _read(path)[1:] if len(row) >= 2}


def _totals(folder: Path, result: ImportResult, rel: str) -> dict[str, int] | None:
    totals: dict[str, int] = {}
    for line, row in enumerate(_read(folder / "resultados.csv")[1:], 2):
        if len(row) != 2 or row[0] not in TOTALS or not row[1].strip().isdigit():
            result.reject(f"{rel}/resultados.csv", line, f"expected one of {', '.join(TOTALS)} and a count, got {row}")
            return None
        totals[TOTALS[row[0]]] = int(row[1])
    if not {"yes", "no", "abstain"} <= set(totals):
        result.reject(f"{rel}/resultados.csv", None, "si, no and abstenciones are needed")
        return None
    return totals


def _groups(folder: Path, result: ImportResult, rel: str) -> list[dict[str, Any]]:
    path = folder / "resultados_grupo.csv"
    if not path.exists():
        result.warn(f"{rel}/resultados_grupo.csv", None, "missing: no per-group totals")
        return []
    rows = _read(path)
    header, out = rows[0], []
    for line, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            result.warn(f"{rel}/resultados_grupo.csv", line, f"{len(row)} cells, header has {len(header)}; skipped")
            continue
        item: dict[str, Any] = {"group": row[0]}
        for key, cell in zip(header[1:], row[1:], strict=True):
            item[TOTALS.get(key, key)] = int(cell) if cell.strip().isdigit() else cell
        out.append(item)
    return out


def _members(folder: Path, result: ImportResult, rel: str) -> list[dict[str, Any]]:
    path = folder / "votaciones.csv"
    if not path.exists():
        result.warn(f"{rel}/votaciones.csv", None, "missing: no member votes")
        return []
    out = []
    for line, row in enumerate(_read(path)[1:], 2):
        if len(row) != 3 or not row[1].strip():
            result.warn(f"{rel}/votaciones.csv", line, f"expected group, member, vote; got {row}; skipped")
            continue
        out.append({"group": row[0], "member": row[1], "vote": row[2]})
    return out


def _sessions(root: Path) -> dict[str, str]:
    """Official session record URL (PDF) by date, from ``plenos.csv`` when present."""
    path = root / "plenos.csv"
    if not path.exists():
        return {}
    text = path.read_bytes().decode("utf-8-sig")
    out: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text, newline="")):
        if row.get("fecha") and row.get("url") and "vot" in (row.get("titulo") or "").lower():
            out.setdefault(row["fecha"], row["url"])
    return out


def _merge(new: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    """Keep what the registry already knew beside the official figures (press figures, conflicts, links)."""
    if not old:
        return new
    for key in ("reported", "notes", "instrument"):
        if old.get(key) and not new.get(key):
            new[key] = old[key]
    sources = list(new["sources"])
    sources += [s for s in old.get("sources", []) if s not in sources]
    new["sources"] = sources
    conflicts = [c for c in old.get("conflicts", []) if c.get("field") != "totals"]
    official = {k: new["totals"].get(k) for k in ("yes", "no", "abstain")}
    press = []
    for item in new.get("reported", []):
        figures = {k: item[k] for k in official if item.get(k) is not None}
        if any(figures[k] != official[k] for k in figures):
            press.append({"value": figures, "source": item.get("source"), "note": item.get("note")})
    if press:
        conflicts.append({"field": "totals", "chosen": official,
                          "note": "the official record wins over the press figures",
                          "values": [{"value": official, "source": SOURCE["id"]}, *press]})
    new["conflicts"] = conflicts
    return new


def read(path: str | Path, store: Any = None, progress: Progress = no_progress) -> ImportResult:
    """Read an openpolitica folder (``data/2021-2026`` or any folder above the ``*-votacion`` folders)."""
    root = Path(path)
    if not root.is_dir():
        raise InputError("expected an openpolitica folder holding *-votacion folders", where=str(root))
    folders = sorted(p for p in root.rglob("*-votacion") if p.is_dir())
    if not folders:
        raise InputError("no *-votacion folder found", where=str(root))
    result = ImportResult("openpolitica", str(root))
    result.add(dict(SOURCE), str(root), None)
    sessions: dict[str, str] = {}
    session_ids: set[str] = set()
    for plenos in root.rglob("plenos.csv"):
        sessions.update(_sessions(plenos.parent))
    votes: list[dict[str, Any]] = []
    bills: dict[str, dict[str, Any]] = {}
    progress("openpolitica: votes", 0, len(folders))
    for index, folder in enumerate(folders, 1):
        if index % 100 == 0:
            progress("openpolitica: votes", 100, len(folders))
        rel = str(folder.relative_to(root))
        result.files += 1
        m = FOLDER.match(folder.name)
        meta_path = folder / "metadatos.csv"
        if not m or not meta_path.exists():
            result.reject(rel, None, "not a vote folder (expected YYYY-MM-DDTHH-MM-votacion with metadatos.csv)")
            continue
        result.rows += 1
        try:
            meta = _metadata(meta_path)
        except (UnicodeDecodeError, csv.Error) as exc:
            result.reject(f"{rel}/metadatos.csv", None, f"unreadable ({exc})")
            continue
        subject = meta.get("asunto", "").strip()
        if not subject:
            result.reject(f"{rel}/metadatos.csv", None, "no asunto (subject)")
            continue
        if not is_relevant(subject):
            continue
        try:
            totals = _totals(folder, result, rel)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            result.reject(f"{rel}/resultados.csv", None, f"unreadable ({exc})")
            continue
        if totals is None:
            continue
        try:
            groups, members = _groups(folder, result, rel), _members(folder, result, rel)
        except (OSError, UnicodeDecodeError, csv.Error, ValueError) as exc:
            result.reject(rel, None, f"group or member votes unreadable ({exc})")
            continue
        day, hh, mm = m.groups()
        numbers = bill_numbers(subject)
        for number in numbers:
            bills.setdefault(number, {"id": f"bill:pe-{number}", "jurisdiction": "PE", "number": number,
                                      "title": subject, "sources": [{"source": SOURCE["id"], "note": folder.name}]})
        session_day = meta.get("dia", day)
        sources = [{"source": SOURCE["id"], "note": folder.name}]
        sitting = "-".join(folder.parent.parts[-3:])  # a sitting past midnight is filed under the day it began
        if session_day not in sessions and sitting in sessions:
            session_day = sitting
        if session_day in sessions:
            session_id = f"source:pe-congreso-pleno-{session_day}"
            if session_id not in session_ids:
                session_ids.add(session_id)
                result.add({"id": session_id, "url": sessions[session_day], "date": session_day,
                            "publisher": "Congreso de la República del Perú", "reliability": "official",
                            "title": f"Asistencias y votaciones del Pleno, {session_day}", "language": "es"}, rel, None)
            sources.append({"source": session_id, "note": "official session record"})
        votes.append({
            "id": f"vote:pe-{day}T{hh}-{mm}", "jurisdiction": "PE", "date": meta.get("dia", day),
            "time": meta.get("hora") or f"{hh}:{mm}", "subject": subject,
            "bill": f"bill:pe-{numbers[0]}" if numbers else None, "totals": totals,
            "groups": groups, "members": members,
            "result": "approved" if totals["yes"] > totals["no"] else "rejected",
            "notes": (f"the subject names bills {', '.join(numbers)}; linked to the first" if len(numbers) > 1
                      else None),
            "sources": sources, "_where": rel})
    existing = _existing(store, [v["id"] for v in votes] + [b["id"] for b in bills.values()])
    for bill in bills.values():
        if bill["id"] not in existing:
            result.add(bill, str(root), None)
    for vote in votes:
        where = vote.pop("_where")
        result.add(_merge(vote, existing.get(vote["id"])), where, None)
    return result


def _existing(store: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    if store is None or not ids:
        return {}
    return {rid: dump_record(stored.record) for rid, stored in store.get_many(ids).items()}
