#!/usr/bin/env bash
# Rebuilds the background vocabulary (peermap-occupations/data/) and the open-world test's
# sample (tests/open_world/sample.tsv) from a folder of the classifications' files.
#
#   scripts/build-occupations.sh [SOURCES_DIR]   # default: ../shared/data/occupations
#
# Needs python3 and cargo. Not run by the tests: the shipped files are committed, and the
# tests check their invariants. See data/occupations/SOURCES.md for the sources and licences.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
sources="${1:-$here/../shared/data/occupations}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/scripts/occupations/extract.py" --sources "$sources" \
    --out "$work/extract.tsv" --manifest "$work/manifest.tsv"
cat "$work/manifest.tsv"
cd "$here"
# The lexicon that filters the background is the one being built against; the background
# itself is not consulted (a closed-world crosswalk), so an empty or stale one does not matter.
cargo run --quiet --release --example build_occupations -- "$work/extract.tsv"
