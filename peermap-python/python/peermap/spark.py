"""peermap on Apache Spark: add the ``peermap_*`` columns to a DataFrame.

>>> coded = peermap.spark.classify(df, "job_title", lang="fr")   # doctest: +SKIP

The titles go to the native batch call through ``mapInArrow`` (Arrow record batches, no
per-title Python call); each Python worker process builds one crosswalk and keeps it for
every batch it codes (``crosswalks_built`` counts them, for tests). The output schema is the
DataFrame's columns followed by the ``peermap_*`` columns (``peermap_score`` a double, the
rest strings).
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional

from . import Crosswalk

__all__ = ["batch_coder", "classify", "output_schema", "crosswalks_built"]

# The crosswalk of this Python process, and the options it was built with.
_CROSSWALK: Optional[Crosswalk] = None
_OPTIONS: Optional[str] = None
_BUILT = 0


def crosswalks_built() -> int:
    """How many crosswalks this process has built (one per worker process, not per batch)."""
    return _BUILT


def _crosswalk(options: Dict[str, Any]) -> Crosswalk:
    global _CROSSWALK, _OPTIONS, _BUILT
    key = repr(sorted(options.items()))
    if _CROSSWALK is None or _OPTIONS != key:
        _CROSSWALK = Crosswalk(**options)
        _OPTIONS = key
        _BUILT += 1
    return _CROSSWALK


def output_schema(df: Any, **options: Any) -> Any:
    """The schema of ``classify(df, …)``: the DataFrame's fields, then the peermap columns."""
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    names = _crosswalk(options).column_names()
    added = [
        StructField(name, DoubleType() if name == "peermap_score" else StringType(), True)
        for name in names
    ]
    return StructType(list(df.schema.fields) + added)


def classify(df: Any, column: str, **options: Any) -> Any:
    """The DataFrame with the ``peermap_*`` columns of ``column``'s titles added.

    ``options`` are those of ``peermap.Crosswalk`` (``lang``, ``region``, ``threshold``,
    ``closed_world``, ``lexicon_dirs``, ``decisions``, ``fields``); on a cluster the files
    they name must be readable on every executor (shipped with ``--files`` or on shared
    storage).
    """
    if column not in df.columns:
        raise ValueError(f"no column {column!r} in the DataFrame (it has {', '.join(df.columns)})")
    schema = output_schema(df, **options)
    return df.mapInArrow(batch_coder(column, schema.fieldNames(), **options), schema)


def batch_coder(column: str, names: Any, **options: Any) -> Any:
    """The function ``classify`` gives ``mapInArrow``: Arrow record batches in, the same
    batches with the peermap columns (named ``names`` in all) out, coded by this process's
    one crosswalk."""

    def code(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        crosswalk = _crosswalk(options)
        for batch in batches:
            coded = crosswalk.classify_batch(batch.column(column))
            arrays = list(batch.columns) + [c.combine_chunks() for c in coded.columns]
            yield pa.RecordBatch.from_arrays(arrays, names=list(names))

    return code
