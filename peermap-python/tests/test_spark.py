"""peermap on Spark, in local[2] mode: the columns added through mapInArrow, and one
crosswalk per Python worker process."""

import os
import sys

import pytest

pyspark = pytest.importorskip("pyspark")

from pyspark.sql import SparkSession  # noqa: E402

import peermap  # noqa: E402
import peermap.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # The workers run this interpreter, the one peermap is installed in.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("peermap-tests")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "25")
        .config("spark.ui.enabled", "false")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


TITLES = ["Peer Support Worker", "Cashier", "Navigator", None, "Pair aidante – santé mentale"]


def test_the_columns_are_added_in_order_with_a_declared_schema(spark):
    rows = [(i, TITLES[i % len(TITLES)]) for i in range(400)]
    df = spark.createDataFrame(rows, "id long, job_title string").repartition(4)
    coded = peermap.spark.classify(df, "job_title")
    names = peermap.Crosswalk().column_names()
    assert coded.columns == ["id", "job_title"] + names
    assert dict(coded.dtypes)["peermap_score"] == "double"
    got = {r["id"]: (r["job_title"], r["peermap_verdict"], r["peermap_role"]) for r in coded.collect()}
    assert len(got) == 400
    assert got[0] == ("Peer Support Worker", "peer_role", "peer-support-worker")
    assert got[1][1] == "not_peer"
    assert got[2][1] == "ambiguous"
    assert got[3] == (None, None, None)
    french = peermap.spark.classify(df, "job_title", lang="fr", fields=["verdict", "label"])
    assert french.columns == ["id", "job_title", "peermap_verdict", "peermap_label", "peermap_error"]
    with pytest.raises(ValueError, match="no column"):
        peermap.spark.classify(df, "title")


def test_one_crosswalk_is_built_per_worker_process_not_per_batch(spark):
    df = spark.createDataFrame([(i, TITLES[i % 3]) for i in range(1000)], "id long, job_title string").repartition(4)
    schema = peermap.spark.output_schema(df)
    code = peermap.spark.batch_coder("job_title", schema.fieldNames())

    def probe(batches):
        # The coder classify uses, and the counter of the process that runs it.
        import pyarrow as pa

        import peermap.spark

        for n, coded in enumerate(code(batches), start=1):
            yield pa.RecordBatch.from_pydict(
                {
                    "pid": [os.getpid()],
                    "built": [peermap.spark.crosswalks_built()],
                    "rows": [coded.num_rows],
                    "batch": [n],
                }
            )

    seen = df.mapInArrow(probe, "pid long, built long, rows long, batch long").collect()
    assert sum(r["rows"] for r in seen) == 1000
    assert len(seen) > len({r["pid"] for r in seen}), "more batches than processes"
    for row in seen:
        assert row["built"] == 1, seen
