#!/usr/bin/env bash
# Renders a heredity report.html in headless Chromium (Debian package `chromium`), writes a full-width
# screenshot next to it and fails (exit 1) on any browser console message: the page has no scripts, so a
# console line means a blocked load (the page's CSP forbids the network) or a parse problem.
#
#   bench/report/render.sh target/heredity-report/report.html [height-px]
#
# The unit test dev.heredity.audit.report.html.HtmlBrowserCheckTest does the same on a fixed sample.
set -euo pipefail
html="${1:?usage: $0 REPORT.html [height]}"
height="${2:-2400}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "render: $chromium not found (apt-get install chromium)" >&2; exit 2; }
html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
png="${html%.html}.png"
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
start=$(date +%s%N)
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --enable-logging=stderr --v=0 \
  --screenshot="$png" --window-size="1400,$height" "file://$html" 2>"$log" >/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if grep -E ':CONSOLE|Uncaught' "$log"; then
  echo "render: console messages while rendering $html" >&2
  exit 1
fi
echo "render: $png ($(stat -c %s "$png") bytes, ${ms} ms, no console messages)"
