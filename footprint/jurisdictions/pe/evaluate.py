"""Scoring the detector and extractor against labels: precision, recall and F1 per field.

Two label layouts: a folder of ``<id>.txt`` + ``<id>.json`` (the gazette-excerpts layout, the README's fields),
and a CSV of vote subjects ``vote_folder,date,relevant,bill_number`` read from openpolitica vote folders
(``<root>/<vote_folder>/metadatos.csv``, row ``asunto``).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...errors import InputError
from ..documents import read_document
from .extract import extract_norms

SCALARS = ("instrument_type", "number", "issued_date", "armed", "bill")
SETS = ("visiting_countries", "legal_basis")
ACTIVITY_SCALARS = ("start", "end", "purpose_category", "personnel")
ACTIVITY_SETS = ("places",)


def normalize_number(value: Any) -> Any:
    """Numbers compare without the leading zeros of their first block and without a dangling "/"."""
    if not isinstance(value, str):
        return value
    head, sep, rest = value.strip().upper().rstrip("/").partition("-")
    return (head.lstrip("0") or "0") + sep + rest


def pick(norms: list[dict[str, Any]]) -> dict[str, Any]:
    """The norm of a file to compare with a one-norm label: the first relevant one, else the first."""
    return next((n for n in norms if n["relevant"]), norms[0])


class Scores:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.errors: list[dict[str, Any]] = []

    def _add(self, field: str, tp: int, fp: int, fn: int) -> None:
        c = self.counts.setdefault(field, [0, 0, 0])
        c[0] += tp
        c[1] += fp
        c[2] += fn

    def scalar(self, item: str, field: str, expected: Any, got: Any) -> None:
        if expected is None and got is None:
            return
        ok = expected == got
        self._add(field, int(ok), int(got is not None and not ok), int(expected is not None and not ok))
        if not ok:
            self.errors.append({"item": item, "field": field, "expected": expected, "got": got})

    def binary(self, item: str, field: str, expected: bool, got: bool) -> None:
        self._add(field, int(expected and got), int(got and not expected), int(expected and not got))
        if expected != got:
            self.errors.append({"item": item, "field": field, "expected": expected, "got": got})

    def sets(self, item: str, field: str, expected: Iterable[Any], got: Iterable[Any]) -> None:
        e, g = set(expected), set(got)
        self._add(field, len(e & g), len(g - e), len(e - g))
        if e != g:
            self.errors.append({"item": item, "field": field, "expected": sorted(e), "got": sorted(g)})

    def report(self, source: str, items: int) -> dict[str, Any]:
        fields = {}
        for name, (tp, fp, fn) in self.counts.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            fields[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
                            "f1": round(f1, 4)}
        return {"source": source, "items": items, "fields": fields, "errors": self.errors}


def _compare(scores: Scores, item: str, label: dict[str, Any], got: dict[str, Any]) -> None:
    scores.binary(item, "relevant", bool(label["relevant"]), bool(got["relevant"]))
    for field in SCALARS:
        if field in label:
            expected, value = label[field], got.get(field)
            if field == "number":
                expected, value = normalize_number(expected), normalize_number(value)
            scores.scalar(item, field, expected, value)
    for field in SETS:
        if field in label:
            scores.sets(item, field, label[field] or [], got.get(field) or [])
    for i, act in enumerate(label.get("activities") or []):
        mine = (got.get("activities") or [])[i] if i < len(got.get("activities") or []) else {}
        for field in ACTIVITY_SCALARS:
            scores.scalar(item, f"activities.{field}", act.get(field), mine.get(field))
        for field in ACTIVITY_SETS:
            scores.sets(item, f"activities.{field}", act.get(field) or [], mine.get(field) or [])


def evaluate_folder(folder: Path) -> dict[str, Any]:
    """Score every ``<id>.txt`` of ``folder`` that has an ``<id>.json`` label."""
    scores, n = Scores(), 0
    labels = sorted(folder.glob("*.json"))
    if not labels:
        raise InputError("no <id>.json labels in the folder", where=str(folder))
    for path in labels:
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            continue
        try:
            label = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"not a JSON label ({exc})", where=str(path)) from None
        text, _ = read_document(text_path)
        _compare(scores, path.stem, label, pick(extract_norms(text, text_path.name)))
        n += 1
    return scores.report(str(folder), n)


def vote_subject(root: Path, vote_folder: str) -> str:
    path = root / vote_folder / "metadatos.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = {r["metadato"]: r["valor"] for r in csv.DictReader(fh)}
    except FileNotFoundError:
        raise InputError("vote folder has no metadatos.csv", where=str(path)) from None
    except (KeyError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"unreadable metadatos.csv ({exc})", where=str(path)) from None
    return rows.get("asunto", "")


def evaluate_votes(labels_csv: Path, root: Path) -> dict[str, Any]:
    """Score the detector (``relevant``) and the bill number on labelled openpolitica vote subjects."""
    scores, n = Scores(), 0
    try:
        with labels_csv.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"unreadable labels CSV ({exc})", where=str(labels_csv)) from None
    if not rows or not {"vote_folder", "relevant", "bill_number"} <= set(rows[0]):
        raise InputError("expected columns vote_folder,date,relevant,bill_number", where=str(labels_csv))
    for line, row in enumerate(rows, start=2):
        if row["relevant"] not in ("true", "false"):
            raise InputError(f"line {line}: relevant must be true or false", where=str(labels_csv))
        relevant = row["relevant"] == "true"
        got = extract_norms(vote_subject(root, row["vote_folder"]), row["vote_folder"])[0]
        item = row["vote_folder"].rstrip("/").rsplit("/", 1)[-1]
        scores.binary(item, "relevant", relevant, got["relevant"])
        if relevant:
            bill = re.sub(r"\D", "", row.get("bill_number") or "") or None
            scores.scalar(item, "bill", bill, got["bill"])
        n += 1
    return scores.report(str(labels_csv), n)


def evaluate(label_paths: list[Path], plenos_root: Path | None = None) -> list[dict[str, Any]]:
    """One report per labels folder or CSV."""
    out = []
    for path in label_paths:
        if path.is_dir():
            out.append(evaluate_folder(path))
        elif path.suffix.lower() == ".csv":
            root = plenos_root or path.parent
            out.append(evaluate_votes(path, root))
        else:
            raise InputError("expected a labels folder or a .csv file", where=str(path))
    return out
