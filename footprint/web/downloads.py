"""Open-data downloads, written by the dataset layer into a cache folder once per registry version."""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
import zipfile
from pathlib import Path
from typing import Any

from ..errors import NotFound, Unavailable

# name -> (format for the dataset writer, media type, label key)
FILES: dict[str, tuple[str, str, str]] = {
    "footprint.json": ("json", "application/json", "dl_json"),
    "footprint-csv.zip": ("csv", "application/zip", "dl_csv"),
    "footprint.geojson": ("geojson", "application/geo+json", "dl_geojson"),
    "footprint-datapackage.zip": ("datapackage", "application/zip", "dl_datapackage"),
    "footprint.sqlite": ("sqlite", "application/vnd.sqlite3", "dl_sqlite"),
}


def geojson_available() -> bool:
    try:
        from ..dataset import extra  # noqa: F401
    except ImportError:
        return False
    return True


class Downloads:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="footprint-downloads-"))
        self._lock = threading.Lock()
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.root, True)

    def path(self, store: Any, version: str, name: str) -> Path:
        """The file ``name`` for registry ``version``, written on first request."""
        if name not in FILES:
            raise NotFound(f"no download {name!r}")
        fmt = FILES[name][0]
        if fmt == "geojson" and not geojson_available():
            raise Unavailable("the GeoJSON export is not available in this installation yet")
        folder = self.root / "".join(c if c.isalnum() else "-" for c in str(version))
        target = folder / name
        with self._lock:
            if not target.exists():
                if not folder.exists():
                    for old in self.root.iterdir():  # keep one registry version on disk
                        shutil.rmtree(old, ignore_errors=True)
                folder.mkdir(parents=True, exist_ok=True)
                self._write(store, fmt, target)
        return target

    def _write(self, store: Any, fmt: str, target: Path) -> None:
        from ..dataset import write_dataset

        records = list(store.records())
        work = target.with_name(target.name + ".tmp")
        if fmt == "geojson":
            from ..dataset import extra

            extra.write(fmt, records, work)
        elif fmt in ("csv", "datapackage"):
            write_dataset(records, fmt, work)
            with zipfile.ZipFile(target.with_name(target.name + ".zip.tmp"), "w", zipfile.ZIP_DEFLATED) as z:
                for f in sorted(work.rglob("*")):
                    if f.is_file():
                        z.write(f, f.relative_to(work).as_posix())
            shutil.rmtree(work)
            work = target.with_name(target.name + ".zip.tmp")
        else:
            write_dataset(records, fmt, work)
        work.replace(target)

    def close(self) -> None:
        self._cleanup()
