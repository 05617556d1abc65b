#!/usr/bin/env bash
# At what n per side does the owl signal stop being detectable? Random subsets (fixed seed) of the shared
# real data (never copied into the repo: subsets go to a temp folder), default settings.
# Usage (from the repo root): bench/detectors/owl-curve.sh [canon8|rawformat] [n...]
set -euo pipefail
cd "$(dirname "$0")/../.."
KIND=${1:-rawformat}; shift || true
SIZES=${*:-"250 500 1000 2000 4000"}
DATA=../shared/data/real/qwen7b-animals
[ -d "$DATA" ] || { echo "shared real data absent: $DATA" >&2; exit 0; }
TARGET=${HEREDITY_TARGET:-target-bench}
JAR=audit/$TARGET/heredity.jar
[ -f "$JAR" ] || mvn -q -B -Dheredity.target="$TARGET" -Dmaven.test.skip=true -pl audit -am package
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
seeded() { openssl enc -aes-256-ctr -pass pass:"$1" -nosalt </dev/zero 2>/dev/null; }
for side in owl control; do
  shuf --random-source=<(seeded 42) "$DATA/${side}_${KIND}_unique.jsonl" > "$TMP/$side.jsonl"
done
for n in $SIZES; do
  for rep in 1 2 3; do
    head -n $((n * rep)) "$TMP/owl.jsonl" | tail -n "$n" > "$TMP/o.jsonl"
    head -n $((n * rep)) "$TMP/control.jsonl" | tail -n "$n" > "$TMP/c.jsonl"
    java -jar "$JAR" detect --suspect "$TMP/o.jsonl" --reference "$TMP/c.jsonl" --format json > "$TMP/r.json" || true
    echo "n=$n subset=$rep $(java -cp "$JAR" bench/detectors/Summary.java "$TMP/r.json" | tr '\n' ' ')"
  done
done
