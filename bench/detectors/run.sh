#!/usr/bin/env bash
# Detector benchmark: feature-extraction MB/s on chat JSONL, and the default suite (999 permutations) on
# 2 x 100k records with a 1 GB heap. Inputs are generated into bench/out/ (gitignored).
# Usage (from the repo root): bench/detectors/run.sh [records-per-side]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
TARGET=${HEREDITY_TARGET:-target-bench}
OUT=bench/out/detectors
mkdir -p "$OUT"
mvn -q -B -Dheredity.target="$TARGET" -Dmaven.test.skip=true -pl audit -am package
JAR=audit/$TARGET/heredity.jar
[ -f "$OUT/suspect-$N.jsonl" ] || java bench/detectors/GenerateChat.java "$OUT/suspect-$N.jsonl" "$N" 1 0.02
[ -f "$OUT/reference-$N.jsonl" ] || java bench/detectors/GenerateChat.java "$OUT/reference-$N.jsonl" "$N" 2 0
echo "load before: $(uptime)"
java -Xmx1g -cp "$JAR" bench/detectors/ExtractionBench.java "$OUT/suspect-$N.jsonl"
/usr/bin/time -f "detect: %e s wall, %U s user, max RSS %M KB" \
  java -Xmx1g -jar "$JAR" detect --suspect "$OUT/suspect-$N.jsonl" --reference "$OUT/reference-$N.jsonl" \
  --input-format chat --permutations 999 --format json > "$OUT/report-$N.json" || true
java -cp "$JAR" bench/detectors/Summary.java "$OUT/report-$N.json"
echo "load after: $(uptime)"
