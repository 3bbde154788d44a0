"""Shared fixtures: a fresh registry per test on SQLite and, when a server is given, on PostgreSQL.

- ``FOOTPRINT_TEST_DATABASE_URL`` (``postgresql://...``) runs every ``store`` test on PostgreSQL too, each test
  in its own schema; ``FOOTPRINT_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) makes its absence a failure.
- ``../shared/data`` (or ``FOOTPRINT_SHARED_DATA``) holds the real datasets; tests that need them skip with the
  reason when they are absent, unless ``FOOTPRINT_REQUIRE_SHARED=1``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FOOTPRINT_SHARED_DATA", ROOT.parent / "shared" / "data"))
PG_URL = os.environ.get("FOOTPRINT_TEST_DATABASE_URL")
BUNDLED = ROOT / "data"


def _missing(flag: str, reason: str) -> None:
    if os.environ.get(flag) == "1":
        pytest.fail(f"{reason} ({flag}=1 makes it required)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        _missing("FOOTPRINT_REQUIRE_SHARED", f"the shared datasets are not at {SHARED} (set FOOTPRINT_SHARED_DATA)")
    return SHARED


def _pg_schema_url() -> Iterator[str]:
    if not PG_URL:
        _missing("FOOTPRINT_REQUIRE_POSTGRES", "no PostgreSQL server: set FOOTPRINT_TEST_DATABASE_URL")
    import sqlalchemy as sa

    schema = "t_" + uuid.uuid4().hex[:12]
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}schema={schema}"
    from footprint.store.engine import resolve_url

    engine = sa.create_engine(resolve_url(PG_URL))
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL, once per engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.db'}"
    else:
        yield from _pg_schema_url()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema (for tests that only make sense there)."""
    yield from _pg_schema_url()


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    from footprint.store import Store

    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'registry.db'}"


class Cli:
    """Runs ``footprint`` in-process against one database."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # noqa: A002
        from footprint.cli import main

        return self.runner.invoke(main, ["--db", self.url, *args], input=input, catch_exceptions=False)


@pytest.fixture
def cli(db_url: str) -> Cli:
    return Cli(db_url)


@pytest.fixture
def sqlite_cli(sqlite_url: str) -> Cli:
    return Cli(sqlite_url)


@pytest.fixture(scope="session")
def bundled_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite registry with the bundled dataset loaded, shared read-only by a session's tests."""
    from footprint.dataset import read_path
    from footprint.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('bundled') / 'registry.db'}"
    with Store.open(url) as s:
        s.put_many(read_path(BUNDLED))
    return url
