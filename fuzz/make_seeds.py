#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs (run from the repository's root).

classify: every sixth golden title, peer and not, and titles built to be awkward.
lexicon: every seventh entry file of data/ (and the example local lexicon).
The seeds are committed and replayed by tests/fuzz_replay.rs; what the fuzzer adds to
fuzz/corpus/ beside them stays local.
"""
import glob
import hashlib
import os

os.makedirs("fuzz/corpus/classify", exist_ok=True)
os.makedirs("fuzz/corpus/lexicon", exist_ok=True)

titles = []
for path in ["tests/golden/titles.tsv", "tests/golden/non_peer_titles.tsv"]:
    lines = open(path, encoding="utf-8").read().splitlines()[1:]
    titles += [line.split("\t")[0] for line in lines][::6]
titles += [
    "", " ", "Pair·e aidant·e", "médiateur·rice en santé", "travailleur.euse de rue",
    "intervenant(e) pair(e)", "PSW", "CHW/PSW/CPS", "=HYPERLINK(\"http://x\")",
    "Peer Support Worker\u202e", "عامل دعم الأقران", "🙂 peer support worker",
    "Peer\x00Support\x01Worker", "x" * 400, "é" * 301, "(((((",
    "Sr. Peer Support Worker II – Req #2024-118 (0,6 ETP)",
    "\x1b[31mPeer Mentor\x1b[0m", "\x1b[", "\x1b[1;38;5;208", "Pair\x1b[0m\x1b[0maidante",
]
for title in titles:
    data = title.encode("utf-8")
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join("fuzz/corpus/classify", name), "wb") as f:
        f.write(data)

files = sorted(glob.glob("data/*.json")) + glob.glob("examples/local-lexicon/*.json")
files = [f for f in files if not f.endswith("schema.json")][::7]
for path in files:
    name = "seed-" + os.path.basename(path)[: -len(".json")]
    with open(path, "rb") as src, open(os.path.join("fuzz/corpus/lexicon", name), "wb") as f:
        f.write(src.read())
