"""``footprint bench web``: a real server on loopback over PostgreSQL, loaded at 50 concurrent connections.

The registry is the bundled dataset (``data/``) loaded into its own PostgreSQL schema (URL from
``FOOTPRINT_BENCH_DATABASE_URL``, default ``postgresql://postgres@127.0.0.1:5432/test``), served by
``footprint serve`` (uvicorn, one process) on a free loopback port. Each target (the home page, a record page,
an API list) is first fetched once, then driven by ``wrk`` (Debian's package) when installed, else by a bounded
httpx async loop; the p95 latency and the requests per second are reported against the issue's targets
(p95 < 50 ms, >= 300 requests/s on 2 cores).
"""

from __future__ import annotations

import asyncio
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from ..errors import Unavailable
from . import measurement

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
DATA = Path(__file__).resolve().parents[2] / "data"
CONNECTIONS = 50
P95_TARGET_MS = 50.0
RPS_TARGET = 300.0
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("FP_RESULT requests=%d seconds=%f p50=%f p95=%f p99=%f errors=%d status=%d\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, summary.errors.status))
end
"""


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_output(proc: subprocess.Popen[bytes], needle: bytes, timeout: float) -> None:
    """Read a server's stderr until ``needle`` shows up (it is listening), for at most ``timeout`` seconds."""
    assert proc.stderr is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    seen = b""
    try:
        while needle not in seen and time.monotonic() < deadline:
            if not sel.select(max(0.0, deadline - time.monotonic())):
                break
            chunk = os.read(proc.stderr.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
    finally:
        sel.close()
    if needle not in seen:
        raise RuntimeError(f"the server did not start in {timeout:.0f} s: {seen[-500:].decode(errors='replace')}")


def _drain(proc: subprocess.Popen[bytes]) -> None:
    """Keep reading the server's output so a full pipe never blocks it."""
    import threading

    def pump(stream: Any) -> None:
        for _ in iter(lambda: stream.read(65536), b""):
            pass

    for stream in (proc.stdout, proc.stderr):
        threading.Thread(target=pump, args=(stream,), daemon=True).start()


def _wrk(url: str, seconds: float, script: Path) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "--latency",
                          "-s", str(script), url], capture_output=True, text=True, timeout=seconds + 60,
                         check=True).stdout
    m = re.search(r"FP_RESULT requests=(\d+) seconds=([\d.]+) p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) "
                  r"errors=(\d+) status=(\d+)", out)
    if not m:
        raise RuntimeError(f"could not read wrk's output: {out[-500:]}")
    requests, secs = int(m.group(1)), float(m.group(2))
    return {"requests": requests, "rps": requests / secs, "p50": float(m.group(3)), "p95": float(m.group(4)),
            "p99": float(m.group(5)), "errors": int(m.group(6)) + int(m.group(7))}


def _httpx_load(url: str, seconds: float) -> dict[str, float]:
    import httpx

    async def main() -> dict[str, float]:
        latencies: list[float] = []
        errors = 0
        stop = time.perf_counter() + seconds
        limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < stop:
                    t0 = time.perf_counter()
                    r = await client.get(url)
                    latencies.append((time.perf_counter() - t0) * 1000)
                    errors += r.status_code >= 400
            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
            took = time.perf_counter() - start
        latencies.sort()

        def pct(p: float) -> float:
            return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] if latencies else 0.0

        return {"requests": len(latencies), "rps": len(latencies) / took, "p50": pct(50), "p95": pct(95),
                "p99": pct(99), "errors": errors}

    return asyncio.run(main())


def _prepare(url: str) -> str:
    """Load the bundled dataset; return the path of a record page to load."""
    from ..dataset import read_path
    from ..store import Store

    with Store.open(url) as store:
        store.put_many(read_path(DATA), actor="bench-web")
        found, _ = store.find("site", limit=1)
        if not found:
            found, _ = store.find(limit=1)
        kind, _, slug = found[0].id.partition(":")
    return f"/{kind}/{slug}"


def run(scale: float = 1.0) -> list[dict[str, Any]]:
    import httpx

    if not any(DATA.glob("*.json")):
        return [measurement("web", "skipped: the bundled dataset (data/) is missing", 0, "")]
    base = os.environ.get("FOOTPRINT_BENCH_DATABASE_URL") or DEFAULT_PG
    schema = "bench_web_" + uuid.uuid4().hex[:8]
    url = f"{base}{'&' if '?' in base else '?'}schema={schema}"
    seconds = max(2.0, 6.0 * scale)
    tool = "wrk" if shutil.which("wrk") else "httpx"
    rows: list[dict[str, Any]] = []
    proc: subprocess.Popen[bytes] | None = None
    try:
        record_page = _prepare(url)
    except Unavailable as exc:
        return [measurement("web", f"skipped: {exc}", 0, "")]
    except BaseException:
        _drop(base, schema)
        raise
    try:
        port = free_port()
        cmd = [sys.executable, "-c", "import sys; from footprint.cli import main; sys.exit(main())",
               "--db", url, "serve", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        wait_for_output(proc, b"Uvicorn running on", timeout=60)
        _drain(proc)
        root = f"http://127.0.0.1:{port}"
        targets = {"home": "/", "record page": record_page, "api list": "/api/records?kind=authorization&limit=20"}
        with httpx.Client(base_url=root, timeout=120) as client:
            for path in targets.values():  # the first request computes what is cached per registry change
                client.get(path).raise_for_status()
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "report.lua"
            script.write_text(WRK_SCRIPT)
            for name, path in targets.items():
                result = _wrk(root + path, seconds, script) if tool == "wrk" else _httpx_load(root + path, seconds)
                extra = {"path": path, "tool": tool, "connections": CONNECTIONS, "requests": result["requests"],
                         "errors": result["errors"]}
                rows.append(measurement("web", f"{name} p95 latency", result["p95"], "ms", P95_TARGET_MS,
                                        higher_is_better=False, p50_ms=round(result["p50"], 2),
                                        p99_ms=round(result["p99"], 2), **extra))
                rows.append(measurement("web", f"{name} throughput", result["rps"], "req/s", RPS_TARGET, **extra))
                if result["errors"]:
                    rows[-1]["ok"] = rows[-2]["ok"] = False
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        _drop(base, schema)
    return rows


def _drop(base: str, schema: str) -> None:
    from ..store import Store

    with Store.open(base, migrate=False) as store:
        store.drop_schema(schema)
