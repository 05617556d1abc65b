#!/usr/bin/env bash
# Accuracy check of the Java engine against the PyTorch reference table (issue 4 /
# shared/specs/transfer-reference.md): runs `heredity transfer-test` with N models (default 20) on the
# defaults, on 8k noise images, and (when installed) on full Fashion-MNIST, and prints both side by side.
#
#   bench/transfer/accuracy.sh [N] [out-dir]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${HEREDITY_TARGET:-target-bench}"
jar="$root/audit/$target/heredity.jar"
models="${1:-20}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -Dheredity.target="$target" -DskipTests -pl audit -am package >&2)
fi

run() { # name reference-text args...
  local name="$1" ref="$2"
  shift 2
  java -XX:+UseParallelGC --add-modules jdk.incubator.vector -jar "$jar" transfer-test --models "$models" \
    --format json -q "$@" >"$out/$name.json" 2>/dev/null
  python3 - "$out/$name.json" "$name" "$ref" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = r["arms"]
f = lambda k: f'{100 * a[k]["accuracy"]["mean"]:.1f} +/- {100 * a[k]["accuracy"]["ci95"]:.1f}'
print(f'| {sys.argv[2]} ({r["config"]["models"]} models) | {f("teacher")} | {f("same-init")} | {f("cross-init")} | {f("reference")} | {sys.argv[3]} | {r["seconds"]:.0f} s |')
PY
}

echo "| setting | teacher | same-init | cross-init | untrained | PyTorch reference (100 models) | time |"
echo "|---|---|---|---|---|---|---|"
run defaults-60k "85.8 / 58.3 +/- 1.5 / 10.3 +/- 0.5"
run noise-8k "85.8 / 16.1 +/- 0.8 / 10.6 +/- 0.5" --noise 8000
if [ -d /usr/share/datasets/fashion-mnist ]; then
  run fashion-full "85.4 / 59.5 +/- 1.5 / 10.1 +/- 0.7" --data /usr/share/datasets/fashion-mnist
fi
echo "JSON results in $out"
