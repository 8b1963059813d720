"""peermap: crosswalk the job titles of peers to canonical roles and the six questions of
the map of peers' engagement in care (Panaite et al. 2024, doi:10.1111/hex.14034).

One title:

>>> import peermap
>>> peermap.classify("Pair aidante – santé mentale").role
'peer-support-worker'

A column (a list, a pyarrow Array or ChunkedArray, a pandas or a polars Series), coded on
every core in one call, to the ``peermap_*`` columns of the command-line tool's CSV output:

>>> table = peermap.classify_batch(["Peer Support Worker", None, "Cashier"])
>>> table.column("peermap_verdict").to_pylist()
['peer_role', None, 'not_peer']
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ._native import LEXICON_VERSION, NativeCrosswalk, __version__

__all__ = [
    "Answer",
    "Crosswalk",
    "LEXICON_VERSION",
    "classify",
    "classify_batch",
    "__version__",
]


class Answer:
    """The answer for one title, with the fields of the JSON output.

    ``verdict`` is ``peer_role``, ``ambiguous``, ``not_peer`` or ``unknown``; ``role`` the
    role or not-peer entry id; ``occupation`` the other occupation a ``not_peer`` title
    names (``{label, lang, codes}``), or None.
    """

    __slots__ = (
        "input",
        "verdict",
        "role",
        "lineage",
        "label",
        "traditions",
        "score",
        "method",
        "matched",
        "lang",
        "candidates",
        "qualifiers",
        "profile",
        "evidence",
        "reason",
        "occupation",
        "decision",
        "truncated",
        "lexicon_version",
        "explanation",
    )

    def __init__(self, fields: Dict[str, Any]):
        for name in self.__slots__:
            key = "other_occupation" if name == "occupation" else name
            setattr(self, name, fields.get(key))

    def to_dict(self) -> Dict[str, Any]:
        """The answer as the JSON object of the command-line tool."""
        return {
            ("other_occupation" if n == "occupation" else n): getattr(self, n)
            for n in self.__slots__
        }

    def __repr__(self) -> str:
        return f"Answer(verdict={self.verdict!r}, role={self.role!r}, score={self.score!r})"


class Crosswalk:
    """A configured crosswalk, with the options of ``peermap classify``.

    ``lexicon_dirs``: folders (or files) of user lexicon entries extending the embedded
    lexicon; ``decisions``: decisions files (the CSV ``peermap review`` writes, filled in);
    ``lang``: ``"en"`` or ``"fr"`` for labels and explanations; ``region``: an ISO 3166 hint
    such as ``"CA-ON"``; ``threshold``: the confidence below which a match is ``unknown``;
    ``closed_world``: code without the background vocabulary of other occupations;
    ``fields``: the answer fields ``classify_batch`` writes (every field by default;
    ``error`` is always kept). A bad lexicon, decisions file or option raises ValueError
    with the command-line tool's message.
    """

    def __init__(
        self,
        lexicon_dirs: Optional[Sequence[str]] = None,
        decisions: Optional[Sequence[str]] = None,
        lang: Optional[str] = None,
        region: Optional[str] = None,
        threshold: Optional[float] = None,
        closed_world: bool = False,
        fields: Optional[Sequence[str]] = None,
    ):
        as_list = lambda v: None if v is None else [str(x) for x in ([v] if isinstance(v, str) else v)]
        self._native = NativeCrosswalk(
            as_list(lexicon_dirs),
            as_list(decisions),
            lang,
            region,
            threshold,
            closed_world,
            None if fields is None else list(fields),
        )

    def classify(self, title: str) -> Answer:
        """Codes one title."""
        if not isinstance(title, str):
            raise TypeError(f"a title is a string, not {type(title).__name__}")
        return Answer(json.loads(self._native.classify_json(title)))

    def column_names(self) -> List[str]:
        """The ``peermap_*`` columns ``classify_batch`` returns, in order."""
        return self._native.column_names()

    def classify_batch(self, values: Any) -> Any:
        """Codes a column of titles, each distinct title once, on every core.

        ``values`` is a list (or any iterable) of str, a pyarrow Array or ChunkedArray, a
        pandas Series or a polars Series. Returns the ``peermap_*`` columns (lists joined
        with ``;`` as in the CSV output): a pyarrow Table for a list or pyarrow input, a
        pandas DataFrame with Arrow-backed dtypes (and the Series' index) for a pandas
        Series, a polars DataFrame for a polars Series. Row count and order are kept; a
        null title gives a row of nulls; a value that is not a string gives verdict
        ``error`` and ``peermap_error`` ``not-a-string``, never an exception.
        """
        import pyarrow as pa

        kind = _kind(values)
        chunks = _arrow_chunks(values, kind)
        batches = self._native.classify_arrow([c for c, _ in chunks], [bad for _, bad in chunks])
        if batches:
            table = pa.Table.from_batches(batches)
        else:
            table = self._empty_table()
        if kind == "pandas":
            import pandas as pd

            frame = table.to_pandas(types_mapper=pd.ArrowDtype)
            frame.index = values.index
            return frame
        if kind == "polars":
            import polars as pl

            return pl.from_arrow(table)
        return table

    def _empty_table(self) -> Any:
        import pyarrow as pa

        (batch,) = self._native.classify_arrow([pa.array([], type=pa.string())], [[]])
        return pa.Table.from_batches([batch])


_DEFAULT: Dict[Tuple[Optional[str], Optional[str]], Crosswalk] = {}


def _default(lang: Optional[str], region: Optional[str]) -> Crosswalk:
    key = (lang, region)
    if key not in _DEFAULT:
        _DEFAULT[key] = Crosswalk(lang=lang, region=region)
    return _DEFAULT[key]


def classify(title: str, lang: Optional[str] = None, region: Optional[str] = None) -> Answer:
    """Codes one title with the embedded lexicon (``lang``: ``"en"`` or ``"fr"`` labels;
    ``region``: an ISO 3166 hint such as ``"CA-ON"``)."""
    return _default(lang, region).classify(title)


def classify_batch(values: Any, **options: Any) -> Any:
    """Codes a column of titles with a crosswalk of these options (see ``Crosswalk``); see
    ``Crosswalk.classify_batch`` for the inputs and what comes back."""
    if options:
        return Crosswalk(**options).classify_batch(values)
    return _default(None, None).classify_batch(values)


def _kind(values: Any) -> str:
    module = type(values).__module__.split(".")[0]
    name = type(values).__name__
    if module == "pyarrow":
        return "pyarrow"
    if module == "pandas" and name == "Series":
        return "pandas"
    if module == "polars" and name == "Series":
        return "polars"
    return "list"


def _arrow_chunks(values: Any, kind: str) -> List[Tuple[Any, List[int]]]:
    """The column as pyarrow string arrays, each with the positions of its non-strings."""
    import pyarrow as pa

    if kind == "pandas":
        if _is_string_dtype(values):
            return _of_arrow(pa.array(values, from_pandas=True))
        return [_of_objects(list(values), pandas_nulls=True)]
    if kind == "polars":
        return _of_arrow(values.to_arrow())
    if kind == "pyarrow":
        return _of_arrow(values)
    return [_of_objects(list(values), pandas_nulls=False)]


def _of_arrow(array: Any) -> List[Tuple[Any, List[int]]]:
    import pyarrow as pa

    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    out = []
    for chunk in chunks:
        if pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type) or pa.types.is_null(chunk.type) or _is_string_view(chunk.type):
            out.append((chunk, []))
        else:
            # A column of numbers, dates…: every value is not a string; nulls stay null.
            bad = [i for i, valid in enumerate(chunk.is_valid().to_pylist()) if valid]
            out.append((pa.nulls(len(chunk), type=pa.string()), bad))
    return out


def _of_objects(values: List[Any], pandas_nulls: bool) -> Tuple[Any, List[int]]:
    import pyarrow as pa

    titles: List[Optional[str]] = []
    bad: List[int] = []
    for i, value in enumerate(values):
        if isinstance(value, str):
            titles.append(value)
        elif value is None or (pandas_nulls and _is_pandas_null(value)):
            titles.append(None)
        else:
            titles.append(None)
            bad.append(i)
    return pa.array(titles, type=pa.string()), bad


def _is_pandas_null(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _is_string_dtype(series: Any) -> bool:
    import pandas as pd

    dtype = series.dtype
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        return pa.types.is_string(dtype.pyarrow_dtype) or pa.types.is_large_string(dtype.pyarrow_dtype)
    return isinstance(dtype, pd.StringDtype)


def _is_string_view(data_type: Any) -> bool:
    import pyarrow as pa

    check = getattr(pa.types, "is_string_view", None)
    return bool(check and check(data_type))
