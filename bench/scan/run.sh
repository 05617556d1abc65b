#!/usr/bin/env bash
# Scan benchmark: builds the CLI jar (own target folder), then times `heredity scan` on the embedded
# owl-numbers sample (lineage + detectors with 999 permutations + all five reports) over N runs, and
# checks that every run wrote byte-identical reports. Target: under 30 s wall per scan on 2 cores.
# Usage: bench/scan/run.sh [RUNS=3]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target="${HEREDITY_TARGET:-target-bench}"
runs="${1:-3}"
mvn -q -B -Dheredity.target="$target" -DskipTests -pl audit -am package >&2
jar="audit/$target/heredity.jar"
out="bench/out/scan"
rm -rf "$out"
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  set +e
  java -XX:+UseParallelGC -jar "$jar" scan samples/owl-numbers --out "$out/run-$i" --quiet 2>/dev/null
  code=$?
  set -e
  end=$(date +%s.%N)
  printf 'run %d: %.1f s wall, exit %d\n' "$i" "$(echo "$end - $start" | bc)" "$code"
  [ "$code" = 1 ] || { echo "expected exit 1 (high findings), got $code" >&2; exit 1; }
  if [ "$i" -gt 1 ]; then
    diff -rq "$out/run-1" "$out/run-$i" >/dev/null || { echo "run $i differs from run 1" >&2; exit 1; }
  fi
done
echo "reports identical across $runs runs"
