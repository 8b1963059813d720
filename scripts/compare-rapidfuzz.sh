#!/usr/bin/env bash
# peermap against the tool people reach for today: rapidfuzz's process.extractOne with the WRatio
# scorer (score_cutoff 85, titles de-duplicated first), on the same generated file and the same
# lexicon. Prints both wall times, the ratio, and each tool's share of matched, wrongly matched
# and refused titles.
#
#   scripts/compare-rapidfuzz.sh            # 100,000 rows
#   scripts/compare-rapidfuzz.sh 1000000    # as many rows as you like (rapidfuzz is the slow one)
#
# On first run it creates a virtual environment in target/rapidfuzz-venv and installs rapidfuzz
# from PyPI into it; nothing is installed system-wide.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
venv=target/rapidfuzz-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet rapidfuzz
fi
cargo build --release --quiet -p peermap-cli
cargo build --release --quiet --example workload
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target/release/examples/workload "$rows" > "$work/workload.csv"
target/release/peermap lexicon export -o "$work/lexicon.csv"
"$venv/bin/python" scripts/compare_rapidfuzz.py "$work/workload.csv" "$work/lexicon.csv" \
  target/release/peermap "$work"
