#!/usr/bin/env bash
# Renders the workforce report of the shipped example file in headless Chromium, checks that it
# renders without console messages, and writes the screenshot kept in examples/.
#
# Kept out of `cargo test` because it needs a browser: run it by hand after changing the report.
#   scripts/render-report.sh            # English, writes examples/report.png
#   scripts/render-report.sh fr         # French, writes examples/report-fr.png
# Installs Debian's chromium package when it is missing and the script runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-en}"
suffix=""
[ "$lang" = "fr" ] && suffix="-fr"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null
    browser="$(command -v chromium)"
  else
    echo "render-report: install Chromium (Debian: apt-get install chromium)" >&2
    exit 1
  fi
fi

cargo build --release -q -p peermap-cli
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target/release/peermap classify examples/titles.csv --column job_title --format jsonl \
  -o "$work/coded.jsonl" 2>/dev/null
target/release/peermap report "$work/coded.jsonl" -o "$work/report.html" --lang "$lang"

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")
# The DOM as the browser built it: the charts must be there.
"$browser" "${flags[@]}" --dump-dom "file://$work/report.html" > "$work/dom.html" 2> "$work/dom.log"
for id in chart-verdicts chart-roles chart-traditions chart-map chart-domains review-unknown; do
  grep -q "id=\"$id\"" "$work/dom.html" || { echo "render-report: #$id missing from the DOM" >&2; exit 1; }
done
# The page has no script, so any console message is an error.
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --window-size=1000,2400 \
  --screenshot="$work/report.png" "file://$work/report.html" 2> "$work/shot.log" >/dev/null
if grep -E "CONSOLE|Uncaught|ERR_FILE|ERR_BLOCKED" "$work/shot.log"; then
  echo "render-report: the browser reported errors (above)" >&2
  exit 1
fi
cp "$work/report.png" "examples/report$suffix.png"
echo "render-report: rendered without console errors; wrote examples/report$suffix.png"
