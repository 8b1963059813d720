"""The Python package: one title, and a column of every kind the batch call takes."""

import csv
import subprocess
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import peermap

TITLES = ["Peer Support Worker", None, "Cashier", "Navigator", "Pair aidante", "Peer Support Worker"]


def test_one_title_has_the_fields_of_the_json_output():
    answer = peermap.classify("Sr. Peer Support Worker II – Mental Health (0.6 FTE)")
    assert answer.verdict == "peer_role"
    assert answer.role == "peer-support-worker"
    assert answer.lineage == ["peer-support-worker"]
    assert answer.qualifiers["seniority"] == "senior"
    assert answer.qualifiers["domains"] == ["mental-health"]
    assert answer.method == "normalized" or answer.method == "exact"
    assert 0 < answer.score <= 1
    assert answer.lexicon_version == peermap.LEXICON_VERSION
    assert "peer support worker" in answer.explanation
    other = peermap.classify("Radiator Mechanic")
    assert other.verdict == "not_peer" and other.occupation["codes"]
    assert peermap.classify("Travailleuse de rue", lang="fr").label.startswith("Travailleur")
    assert peermap.classify("PSW", region="CA-ON").role == "personal-support-worker"
    with pytest.raises(TypeError):
        peermap.classify(42)


def verdicts(table):
    return table.column("peermap_verdict").to_pylist()


def test_a_list_gives_a_pyarrow_table_of_the_csv_columns_in_order():
    table = peermap.classify_batch(TITLES)
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(TITLES)
    assert verdicts(table) == ["peer_role", None, "not_peer", "ambiguous", "peer_role", "peer_role"]
    assert table.column_names == peermap.Crosswalk().column_names()
    assert table.column_names[0] == "peermap_verdict" and "peermap_implied" in table.column_names
    assert table.schema.field("peermap_score").type == pa.float64()
    # A null title gives a row of nulls.
    assert all(table.column(name)[1].as_py() is None for name in table.column_names)
    # Lists are joined with ';', as in the CSV output.
    navigator = table.column("peermap_candidates")[3].as_py()
    assert navigator.count(";") == 2 and "peer-navigator:" in navigator


def test_values_that_are_not_strings_are_error_rows_never_an_exception():
    table = peermap.classify_batch(["Peer Mentor", 42, 3.5, b"bytes", None, {"a": 1}])
    assert verdicts(table) == ["peer_role", "error", "error", "error", None, "error"]
    assert table.column("peermap_error").to_pylist()[1] == "not-a-string"
    numbers = peermap.classify_batch(pa.array([1, None, 3]))
    assert verdicts(numbers) == ["error", None, "error"]


def test_pyarrow_arrays_of_every_string_type_and_chunked_arrays():
    for array in [
        pa.array(TITLES, type=pa.string()),
        pa.array(TITLES, type=pa.large_string()),
        pa.chunked_array([TITLES[:2], TITLES[2:]]),
    ]:
        assert verdicts(peermap.classify_batch(array))[:4] == ["peer_role", None, "not_peer", "ambiguous"]
    if hasattr(pa, "string_view"):
        view = pa.array(TITLES, type=pa.string_view())
        assert verdicts(peermap.classify_batch(view))[2] == "not_peer"
    empty = peermap.classify_batch([])
    assert empty.num_rows == 0 and empty.column_names[0] == "peermap_verdict"


def test_a_pandas_series_gives_a_frame_with_arrow_dtypes_and_its_index():
    for series in [
        pd.Series(TITLES, index=list("abcdef"), dtype="string[pyarrow]"),
        pd.Series(TITLES, index=list("abcdef"), dtype=object),
        pd.Series(["Peer Mentor", float("nan"), 7], index=list("xyz"), dtype=object),
    ]:
        frame = peermap.classify_batch(series)
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.index) == list(series.index)
        assert isinstance(frame.dtypes["peermap_verdict"], pd.ArrowDtype)
    assert list(frame["peermap_verdict"].astype(object).where(frame["peermap_verdict"].notna(), None)) == ["peer_role", None, "error"]


def test_a_polars_series_gives_a_polars_frame():
    frame = peermap.classify_batch(pl.Series("title", TITLES))
    assert isinstance(frame, pl.DataFrame)
    assert frame.height == len(TITLES)
    assert frame["peermap_verdict"].to_list()[:3] == ["peer_role", None, "not_peer"]


def test_options_are_those_of_the_command_line_tool():
    crosswalk = peermap.Crosswalk(lang="fr", region="CA-ON", fields=["verdict", "role", "label"])
    table = crosswalk.classify_batch(["PSW", "Travailleuse de rue"])
    assert table.column_names == ["peermap_verdict", "peermap_role", "peermap_label", "peermap_error"]
    assert table.column("peermap_role").to_pylist() == ["personal-support-worker", "street-outreach-worker"]
    closed = peermap.classify_batch(["Cashier"], closed_world=True)
    assert verdicts(closed) == ["unknown"]
    with pytest.raises(ValueError, match="region"):
        peermap.Crosswalk(region="Quebec")
    with pytest.raises(ValueError, match="no field"):
        peermap.Crosswalk(fields=["verdict", "banana"])


def test_a_broken_lexicon_raises_with_the_problems_named(tmp_path):
    (tmp_path / "x.json").write_text('{"id": "x", "kind": "peer-role"', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.json.*not valid JSON"):
        peermap.Crosswalk(lexicon_dirs=[str(tmp_path)])


def peermap_cli():
    root = Path(__file__).resolve().parents[2]
    return [str(root / "target" / "debug" / "peermap")] if (root / "target" / "debug" / "peermap").exists() else ["cargo", "run", "-q", "-p", "peermap-cli", "--manifest-path", str(root / "Cargo.toml"), "--"]


def test_decisions_round_trip_with_the_review_file(tmp_path):
    titles = tmp_path / "titles.csv"
    titles.write_text("title\nNavigator\nNavigator\nMentor\n", encoding="utf-8")
    review = tmp_path / "review.csv"
    subprocess.run(peermap_cli() + ["review", str(titles), "-o", str(review)], check=True, capture_output=True)
    with review.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for row in rows[1:]:
        if row[0] == "navigator":
            row[7], row[8] = "peer-navigator", "decided in the team"
    with review.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    crosswalk = peermap.Crosswalk(decisions=[str(review)])
    answer = crosswalk.classify("Navigator")
    assert (answer.role, answer.method, answer.score) == ("peer-navigator", "decision", 1.0)
    assert answer.decision.endswith("review.csv:2")
    table = crosswalk.classify_batch(["Navigator", "Mentor"])
    assert table.column("peermap_method").to_pylist()[0] == "decision"
    assert table.column("peermap_method").to_pylist()[1] != "decision"
    assert "+d" in table.column("peermap_lexicon_version")[0].as_py()
    bad = tmp_path / "bad.csv"
    bad.write_text("key,title,decision\nnavigator,Navigator,peer-navigater\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.csv:2:3.*not a decision"):
        peermap.Crosswalk(decisions=[str(bad)])
