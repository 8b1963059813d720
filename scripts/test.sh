#!/usr/bin/env bash
# Every test: the Rust workspace, then the Python package — its wheel built with maturin in a
# fresh virtual environment, and its pytest suite (lists, pyarrow, pandas, polars, decisions,
# and Spark in local[2] mode). Installs what it needs from the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace

venv=target/python-venv
wheels=target/python-wheels
rm -rf "$venv" "$wheels"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r peermap-python/requirements-test.txt

# Spark needs a Java runtime; a clean machine may not have one.
if ! command -v java >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_if_needed=""
    [ "$(id -u)" -ne 0 ] && sudo_if_needed="sudo"
    $sudo_if_needed apt-get update -qq
    $sudo_if_needed apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "scripts/test.sh: Spark's tests need a Java runtime (java on PATH)" >&2
    exit 1
  fi
fi

"$venv/bin/maturin" build --release --quiet \
  --manifest-path peermap-python/Cargo.toml --interpreter "$venv/bin/python" --out "$wheels"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$wheels"/peermap-*.whl

# Spark's workers run the same interpreter, the one the wheel is installed in.
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" -m pytest -q -p no:cacheprovider \
  peermap-python/tests --doctest-modules --pyargs peermap
