"""The Spark engine: the same ``analyse_document`` run by Apache Spark (PySpark), results streamed back to
the driver, which stores them through the same code as the local engine.

Local mode (``local[N]``) by default; ``FOOTPRINT_SPARK_MASTER`` points it at a cluster, whose executors must
see the same paths (a shared file system) and have footprint installed.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import Unavailable
from .analyse import analyse_many
from .local import default_workers

PARTITION_DOCS = 256  # documents per partition: what the driver holds at a time


def spark_available() -> str | None:
    """``None`` if PySpark and Java are there, else the reason they are not."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed (pip install 'footprint[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (
        java_home and os.path.exists(os.path.join(java_home, "bin", "java"))
    ):
        return "Java is not installed (PySpark needs a Java runtime, 17 or later)"
    return None


def run_spark(paths: Sequence[str], workers: int | None = None) -> Iterator[dict[str, Any]]:
    missing = spark_available()
    if missing:
        raise Unavailable(missing)
    from pyspark.sql import SparkSession

    workers = workers or default_workers()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = os.environ.get("FOOTPRINT_SPARK_MASTER", f"local[{workers}]")
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # no network lookups on an offline machine
    host = os.environ.get("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(master)
        .appName("footprint-ingest")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", host)
        .config("spark.driver.bindAddress", host)
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    try:
        spark.sparkContext.setLogLevel("ERROR")
        if not paths:
            return
        slices = min(len(paths), max(workers, -(-len(paths) // PARTITION_DOCS)))
        rdd = spark.sparkContext.parallelize(list(paths), slices).mapPartitions(analyse_many)
        # partitions come back in order, one at a time: the driver holds one partition, not the archive
        yield from rdd.toLocalIterator()
    finally:
        spark.stop()
