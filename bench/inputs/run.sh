#!/usr/bin/env bash
# Input benchmark (issue 11): `heredity detect --sample 100000` end to end on a sharded chat-JSONL dataset
# and on the same records as Parquet, default heap, wall time, CPU time, peak RSS, MB/s; then the
# bounded-memory test (300 MB under -Xmx) in a forked JVM. Inputs go to bench/out/inputs (gitignored).
# Usage (from the repo root): bench/inputs/run.sh [suspect-megabytes=10240] [reference-megabytes=1024]
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-10240}
REF_MB=${2:-1024}
TARGET=${HEREDITY_TARGET:-target-bench}
OUT=bench/out/inputs
mkdir -p "$OUT"
mvn -q -B -o -Dheredity.target="$TARGET" -Dmaven.test.skip=true -pl audit -am package
JAR=audit/$TARGET/heredity.jar
S=$OUT/suspect-$MB
R=$OUT/reference-$REF_MB
[ -d "$S/jsonl" ] || java bench/inputs/GenerateShards.java "$S/jsonl" "$MB" $(( (MB + 511) / 512 )) 1 0.02
[ -d "$R/jsonl" ] || java bench/inputs/GenerateShards.java "$R/jsonl" "$REF_MB" $(( (REF_MB + 511) / 512 )) 2 0
[ -d "$S/parquet" ] || java -cp "$JAR" bench/inputs/ToParquet.java "$S/jsonl" "$S/parquet"
[ -d "$R/parquet" ] || java -cp "$JAR" bench/inputs/ToParquet.java "$R/jsonl" "$R/parquet"
bytes() { du -sb "$1" | cut -f1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; default max heap: $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{print $4/1048576 " MB"}')"
# Throughput is in MB of the records as JSONL for both kinds (the same records), so the figures compare.
IN=$(( $(bytes "$S/jsonl") + $(bytes "$R/jsonl") ))
for kind in jsonl parquet; do
  echo "$kind on disk: $(( ($(bytes "$S/$kind") + $(bytes "$R/$kind")) / 1048576 )) MB"
  echo "load before $kind: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -o "$OUT/time-$kind.txt" -f "%e %U %S %M" \
    java -jar "$JAR" detect --suspect "$S/$kind" --reference "$R/$kind" --sample 100000 --format json \
    > "$OUT/report-$kind.json" || true
  read -r wall user sys rss < <(tail -1 "$OUT/time-$kind.txt")
  echo "load after $kind: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v k="$kind" -v b="$IN" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%s: %.0f MB of records in %.1f s wall = %.1f MB/s; %.1f s CPU = %.1f MB per CPU-second; peak RSS %.0f MB\n",
      k, b / 1048576, w, b / 1048576 / w, u + s, b / 1048576 / (u + s), r / 1024 }'
  java -cp "$JAR" bench/detectors/Summary.java "$OUT/report-$kind.json" | head -3
done
mvn -q -B -o -pl detectors -am test -Dtest=BoundedMemoryTest -Dsurefire.failIfNoSpecifiedTests=false \
  && echo "bounded memory: 300 MB under -Xmx640m passed"
