"""Runs rapidfuzz and peermap on the same workload and scores both against its `expected`
column. Called by scripts/compare-rapidfuzz.sh, which prepares the inputs."""

import csv
import subprocess
import sys
import time

from rapidfuzz import fuzz, process, utils


def rapidfuzz_run(workload, lexicon, out_path):
    """extractOne(WRatio, score_cutoff=85) over the lexicon's variants, once per distinct
    title, as a careful user would write it (lower-casing and punctuation removed by
    rapidfuzz's default_process). Returns the wall time and the entry matched per row."""
    start = time.perf_counter()
    with open(lexicon, newline="", encoding="utf-8") as f:
        variants = list(csv.DictReader(f))
    choices = [v["text"] for v in variants]
    with open(workload, newline="", encoding="utf-8") as f:
        titles = [row["job_title"] for row in csv.DictReader(f)]
    matched = {}
    for title in set(titles):
        best = process.extractOne(
            title, choices, scorer=fuzz.WRatio, processor=utils.default_process,
            score_cutoff=85,
        )
        matched[title] = variants[best[2]] if best else None
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["job_title", "entry", "kind"])
        for title in titles:
            v = matched[title]
            out.writerow([title, v["entry"] if v else "", v["kind"] if v else ""])
    elapsed = time.perf_counter() - start
    answers = []
    for title in titles:
        v = matched[title]
        if v is None:
            answers.append(None)
        elif v["kind"] == "not-peer":
            answers.append(("not_peer", v["entry"], [v["entry"]]))
        else:
            answers.append(("peer_role", v["entry"], [v["entry"]]))
    return elapsed, answers


def peermap_run(peermap, workload, out_path):
    start = time.perf_counter()
    subprocess.run(
        [peermap, "classify", workload, "--column", "job_title", "-o", out_path],
        check=True, stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    answers = []
    with open(out_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            verdict = row["peermap_verdict"]
            if verdict in ("peer_role", "not_peer"):
                lineage = row["peermap_lineage"].split(";")
                answers.append((verdict, row["peermap_role"], lineage))
            else:
                answers.append(None)
    return elapsed, answers


def score(expected, answers):
    """Shares of all rows: right peer role, wrong peer role (a peer role where the expected
    answer is another role or no peer role at all), and refused (no peer role given); plus the
    share of the unrelated titles that were given a peer role."""
    right = wrong = refused = unrelated = unrelated_matched = 0
    for truth, answer in zip(expected, answers):
        claims_peer = answer is not None and answer[0] == "peer_role"
        if truth == "none":
            unrelated += 1
            unrelated_matched += claims_peer
        if not claims_peer:
            refused += 1
        elif truth not in ("none", "ambiguous") and not truth.startswith("not_peer:") \
                and truth in answer[2]:
            right += 1
        else:
            wrong += 1
    n = len(expected)
    return right / n, wrong / n, refused / n, unrelated_matched / max(unrelated, 1)


def main():
    workload, lexicon, peermap, work = sys.argv[1:5]
    with open(workload, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected = [row["expected"] for row in rows]
    n = len(expected)
    distinct = len({row["job_title"] for row in rows})
    rf_time, rf_answers = rapidfuzz_run(workload, lexicon, f"{work}/rapidfuzz.csv")
    pm_time, pm_answers = peermap_run(peermap, workload, f"{work}/peermap.csv")
    print(f"{n} rows ({distinct} distinct titles), lexicon of {sum(1 for _ in open(lexicon)) - 1} variants")
    print(f"{'tool':<34} {'wall s':>8} {'rows/s':>10} {'right':>7} {'wrong':>7} {'refused':>8} {'unrelated→peer':>15}")
    for name, elapsed, answers in [
        ("rapidfuzz extractOne(WRatio, 85)", rf_time, rf_answers),
        ("peermap classify", pm_time, pm_answers),
    ]:
        right, wrong, refused, unrelated = score(expected, answers)
        print(f"{name:<34} {elapsed:8.2f} {n / elapsed:10.0f} {right:7.1%} {wrong:7.1%} {refused:8.1%} {unrelated:15.1%}")
    print(f"peermap is {rf_time / pm_time:.0f}x faster")
    print("right: the expected peer role (or a narrower one); wrong: a peer role where the file")
    print("expects another role, a look-alike, a shared head or no peer role; refused: no peer role.")


if __name__ == "__main__":
    main()
