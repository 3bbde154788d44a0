"""``footprint bench ask``: answer time in a warm process and cold start of ``footprint ask`` from the shell.

The registry is the bundled dataset (``data/``) loaded into a fresh SQLite file through the real path
(``read_path`` and ``Store.put_many``). The questions are the project's question set
(``tests/fixtures/questions.toml``, Spanish and English) when the source tree is there, else the answers'
built-in examples. Targets (issue 6): under 200 ms per question warm (p95 over the set), under 1.5 s cold.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

from . import measurement

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
QUESTIONS = ROOT / "tests" / "fixtures" / "questions.toml"
COLD = ("¿Hay bases militares de EE.UU. en el Perú?", "How many US troops came for APEC?", "¿Qué es un CSL?")


def questions() -> list[str]:
    if QUESTIONS.exists():
        cases = tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))["case"]
        return [c[lang] for c in cases for lang in ("es", "en")]
    from ..answers.i18n import EXAMPLES

    return [q for lang in ("es", "en") for q in EXAMPLES[lang]]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _command() -> list[str]:
    script = Path(sys.executable).with_name("footprint")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from footprint.cli import main; sys.exit(main())"]


def run(scale: float = 1.0) -> list[dict[str, Any]]:
    if not (DATA / "datapackage.json").exists():
        return [measurement("ask", "bundled dataset not found (data/datapackage.json)", 0, "", None)]
    from ..answers import ask
    from ..dataset import read_path
    from ..store import Store

    rounds = max(1, round(3 * scale))
    qs = questions()
    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'registry.db'}"
        with Store.open(url) as s:
            s.put_many(read_path(DATA))
        with Store.open(url) as s:
            start = time.perf_counter()
            ask(s, qs[0])
            first = time.perf_counter() - start
            for q in qs:  # warm every code path once
                ask(s, q)
            times = []
            for _ in range(rounds):
                for q in qs:
                    t0 = time.perf_counter()
                    ask(s, q)
                    times.append((time.perf_counter() - t0) * 1000)
        out.append(measurement("ask", "first answer in a fresh process (loads registry and analysis)",
                               first * 1000, "ms", None, questions=len(qs)))
        out.append(measurement("ask", "warm answer, median", statistics.median(times), "ms", 200.0,
                               higher_is_better=False, questions=len(qs), rounds=rounds))
        out.append(measurement("ask", "warm answer, p95", percentile(times, 95), "ms", 200.0,
                               higher_is_better=False, questions=len(qs), rounds=rounds))
        out.append(measurement("ask", "warm answer, max", max(times), "ms", None))
        cold, cpu = [], []
        for q in COLD:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            done = subprocess.run([*_command(), "--db", url, "ask", q, "--json"], capture_output=True, check=False)
            cold.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode != 0:
                out.append(measurement("ask", f"cold start failed: {done.stderr.decode()[-200:]}", 0, "", None))
        out.append(measurement("ask", "cold start `footprint ask` (shell), median", statistics.median(cold), "s",
                               1.5, higher_is_better=False, runs=len(cold)))
        out.append(measurement("ask", "cold start `footprint ask` (shell), max", max(cold), "s", None))
        out.append(measurement("ask", "cold start CPU time (user+sys), median", statistics.median(cpu), "s", None,
                               load_average=round(os.getloadavg()[0], 2)))
    return out
