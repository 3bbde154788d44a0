"""``footprint bench extract``: the Peru detector and extractor over a generated stream of legal texts.

Documents are made on the fly (never all in memory) by mixing and varying the real items (openpolitica vote
subjects, gazette excerpts from the shared data when present) and the project's own law fixtures: other numbers,
dates, countries, accents dropped, upper case, OCR-like noise, pages glued together. Measured on one core:
detection docs/s over >= 100,000 documents, full extraction of the relevant ones, peak memory of the whole
pipeline at two corpus sizes (each in a fresh process), and ``dateparser``'s ``search_dates`` as a baseline for
the dates (on a sample, scaled), with the speed ratio.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import random
import time
import unicodedata
import warnings
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..chunks import chunked
from ..errors import Unavailable
from . import measurement

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "law"
COUNTRIES = ["Estados Unidos de América", "la República de Chile", "la Armada Argentina", "Japón", "EE.UU.",
             "la República de Colombia", "la República Federativa del Brasil", "el Reino de España"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre",
          "noviembre", "diciembre"]
BATCH = 1000


def _shared() -> Path:
    return Path(os.environ.get("FOOTPRINT_SHARED_DATA", ROOT.parent / "shared" / "data"))


@lru_cache(maxsize=1)
def sources() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(vote subjects, gazette excerpts, own fixtures): the material the corpus varies."""
    fixtures = tuple(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    if not fixtures:
        raise Unavailable(f"the law fixtures are not at {FIXTURES} (run from a checkout)")
    shared = _shared()
    votes: list[str] = []
    for path in sorted((shared / "openpolitica-plenos").glob("2021-2026/*/*/*/*/metadatos.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            votes += [r["valor"] for r in csv.DictReader(fh) if r.get("metadato") == "asunto"]
    gazette = tuple(p.read_text(encoding="utf-8") for p in sorted((shared / "gazette-excerpts").glob("*.txt")))
    return tuple(votes) or tuple(f.splitlines()[0] for f in fixtures), gazette or fixtures, fixtures


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _noise(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(max(1, len(chars) // 400)):
        i = rng.randrange(len(chars))
        if chars[i].isalpha() and chars[i].lower() not in "aeiou":
            chars[i] = rng.choice("~·|{!1l")
    return "".join(chars)


def _vary(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        text = text.replace("Estados Unidos de América", rng.choice(COUNTRIES))
    if rng.random() < 0.4:
        month = rng.choice(MONTHS)
        for m in MONTHS:
            text = text.replace(f" de {m} ", f" de {month} ")
    if rng.random() < 0.3:
        text = text.replace("2025", str(rng.randint(2003, 2030))).replace("2026", str(rng.randint(2003, 2030)))
    if rng.random() < 0.25:
        text = _strip_accents(text)
    if rng.random() < 0.15:
        text = text.upper()
    if rng.random() < 0.1:
        text = _noise(text, rng)
    return text


def corpus(n: int, seed: int = 11) -> Iterator[str]:
    """``n`` varied documents, one at a time: 70% vote subjects, 20% gazette excerpts, 10% full norms
    (some glued into pages of two or three)."""
    votes, gazette, fixtures = sources()
    rng = random.Random(seed)
    for _ in range(n):
        r = rng.random()
        if r < 0.7:
            yield _vary(rng.choice(votes), rng)
        elif r < 0.9:
            yield _vary(rng.choice(gazette), rng)
        else:
            parts = [rng.choice(fixtures) for _ in range(rng.choice((1, 1, 2, 3)))]
            yield _vary("\n\n".join(parts), rng)


def _pipeline(n: int, extract_cap: int) -> dict[str, Any]:
    """Detect every document; fully extract the relevant ones (up to ``extract_cap``). Times exclude generation
    and are CPU time of this one process (``time.process_time``): the one-core throughput, even on a busy host."""
    from ..jurisdictions.pe import detect, extract_norms

    docs = chars = relevant = extracted = norms = 0
    detect_s = extract_s = 0.0
    for batch in chunked(corpus(n), BATCH):
        t0 = time.process_time()
        flags = [detect(doc).relevant for doc in batch]
        detect_s += time.process_time() - t0
        docs += len(batch)
        chars += sum(map(len, batch))
        hits = [doc for doc, hit in zip(batch, flags, strict=True) if hit]
        relevant += len(hits)
        hits = hits[:max(0, extract_cap - extracted)]
        t0 = time.process_time()
        for doc in hits:
            norms += len(extract_norms(doc))
        extract_s += time.process_time() - t0
        extracted += len(hits)
    return {"docs": docs, "chars": chars, "relevant": relevant, "extracted": extracted, "norms": norms,
            "detect_s": detect_s, "extract_s": extract_s}


def _memory_child(n: int, queue: Any) -> None:
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _pipeline(n, extract_cap=n)
    queue.put((before / 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def peak_memory(n: int) -> tuple[float, float]:
    """(RSS before, peak RSS) in MiB of a fresh process that streams ``n`` documents through the pipeline."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_memory_child, args=(n, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def dateparser_baseline(docs: list[str]) -> tuple[float, float]:
    """(dateparser docs/s, our date reader docs/s) on the same documents."""
    from ..jurisdictions.pe.dates import find_dates, find_ranges
    from ..jurisdictions.pe.patterns import lower

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

        search_dates("del 8 al 15 de setiembre de 2016", languages=["es"])  # load its language data first
        t0 = time.process_time()
        for doc in docs:
            search_dates(doc, languages=["es", "en"])
        theirs = time.process_time() - t0
    t0 = time.process_time()
    for doc in docs:
        low = lower(doc)
        find_ranges(low)
        find_dates(low)
    ours = time.process_time() - t0
    return len(docs) / theirs, len(docs) / max(ours, 1e-9)


def run(scale: float = 1.0) -> list[dict[str, Any]]:
    n = max(1000, int(100_000 * scale))
    cap = max(200, int(5000 * scale))
    stats = _pipeline(n, cap)
    rows = [
        measurement("extract", f"detection over {stats['docs']:,} documents ({stats['relevant']:,} relevant), CPU time",
                    stats["docs"] / stats["detect_s"], "docs/s", 20_000,
                    seconds=round(stats["detect_s"], 2), mb=round(stats["chars"] / 1e6, 1)),
        measurement("extract", f"full extraction of {stats['extracted']:,} relevant documents "
                               f"({stats['norms']:,} norms), CPU time",
                    stats["extracted"] / max(stats["extract_s"], 1e-9), "docs/s", 500,
                    seconds=round(stats["extract_s"], 2)),
    ]
    small, large = max(1000, n // 10), n
    base_small, peak_small = peak_memory(small)
    base_large, peak_large = peak_memory(large)
    growth = (peak_large - base_large) - (peak_small - base_small)
    rows.append(measurement("extract", f"peak memory, {small:,} documents (streamed, fresh process)", peak_small,
                            "MiB"))
    rows.append(measurement("extract", f"peak memory, {large:,} documents (streamed, fresh process)", peak_large,
                            "MiB"))
    rows.append(measurement("extract", f"peak memory growth {small:,} -> {large:,} documents", growth, "MiB",
                            16, higher_is_better=False))
    sample = [doc for doc in corpus(max(50, int(300 * scale)), seed=5)][: max(30, int(150 * scale))]
    theirs, ours = dateparser_baseline(sample)
    rows.append(measurement("extract", f"baseline: dateparser search_dates on {len(sample)} documents (scaled)",
                            theirs, "docs/s"))
    rows.append(measurement("extract", "our date reader on the same documents", ours, "docs/s"))
    rows.append(measurement("extract", "speed ratio, our dates vs dateparser", ours / theirs, "x", 1.0))
    return rows
