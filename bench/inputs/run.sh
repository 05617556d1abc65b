#!/usr/bin/env bash
# Input benchmark (issue 11): `heredity detect --sample 100000` end to end on a sharded chat-JSONL dataset
# and on the same records as Parquet, default heap, wall time, CPU time (user+sys), peak RSS, MB/s and MB per
# CPU-second; then the bounded-memory test (300 MB under -Xmx) in a forked JVM.
#
# Usage (from the repo root):
#   bench/inputs/run.sh [--data DIR] [--kinds jsonl,parquet] [--no-memory-test] [suspect-MB=10240] [reference-MB=1024]
# Inputs: DIR/jsonl/{suspect,reference} and DIR/parquet/{suspect,reference}; missing ones are generated
# (seeded, GenerateShards.java; Parquet converted from the JSONL with ToParquet.java), so a pre-generated
# DIR is reused as is and the run only times `detect`. Default DIR: bench/out/inputs/<MB>-<REF_MB> (gitignored).
# Reports go to DIR/out/.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=
KINDS=jsonl,parquet
MEMORY_TEST=1
while [ $# -gt 0 ]; do
  case $1 in
    --data) DATA=$2; shift 2 ;;
    --kinds) KINDS=$2; shift 2 ;;
    --no-memory-test) MEMORY_TEST=0; shift ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
MB=${1:-10240}
REF_MB=${2:-1024}
DATA=${DATA:-bench/out/inputs/$MB-$REF_MB}
TARGET=${HEREDITY_TARGET:-target-bench}
OUT=$DATA/out
mkdir -p "$OUT"
mvn -q -B -o -Dheredity.target="$TARGET" -Dmaven.test.skip=true -pl audit -am package
JAR=audit/$TARGET/heredity.jar
[ -d "$DATA/jsonl/suspect" ] || java bench/inputs/GenerateShards.java "$DATA/jsonl/suspect" "$MB" $(( (MB + 511) / 512 )) 1 0.02
[ -d "$DATA/jsonl/reference" ] || java bench/inputs/GenerateShards.java "$DATA/jsonl/reference" "$REF_MB" $(( (REF_MB + 511) / 512 )) 2 0
if [[ ,$KINDS, == *,parquet,* ]]; then
  [ -d "$DATA/parquet/suspect" ] || java -cp "$JAR" bench/inputs/ToParquet.java "$DATA/jsonl/suspect" "$DATA/parquet/suspect"
  [ -d "$DATA/parquet/reference" ] || java -cp "$JAR" bench/inputs/ToParquet.java "$DATA/jsonl/reference" "$DATA/parquet/reference"
fi
bytes() { du -sb "$1" | cut -f1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; default max heap: $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{print $4/1048576 " MB"}')"
# Throughput is in MB of the records as JSONL for both kinds (the same records), so the figures compare.
IN=$(( $(bytes "$DATA/jsonl/suspect") + $(bytes "$DATA/jsonl/reference") ))
for kind in ${KINDS//,/ }; do
  echo "$kind on disk: $(( ($(bytes "$DATA/$kind/suspect") + $(bytes "$DATA/$kind/reference")) / 1048576 )) MB"
  echo "load before $kind: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -o "$OUT/time-$kind.txt" -f "%e %U %S %M" \
    java -jar "$JAR" detect --suspect "$DATA/$kind/suspect" --reference "$DATA/$kind/reference" \
    --sample 100000 --format json > "$OUT/report-$kind.json" || true
  read -r wall user sys rss < <(tail -1 "$OUT/time-$kind.txt")
  echo "load after $kind: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v k="$kind" -v b="$IN" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
    printf "%s: %.0f MB of records in %.1f s wall = %.1f MB/s; CPU %.1f s (user %.1f + sys %.1f) = %.1f MB per CPU-second; peak RSS %.0f MB\n",
      k, b / 1048576, w, b / 1048576 / w, u + s, u, s, b / 1048576 / (u + s), r / 1024 }'
  java -cp "$JAR" bench/detectors/Summary.java "$OUT/report-$kind.json" | head -3
done
if [ "$MEMORY_TEST" = 1 ]; then
  mvn -q -B -o -pl detectors -am test -Dtest=BoundedMemoryTest -Dsurefire.failIfNoSpecifiedTests=false \
    && echo "bounded memory: 300 MB under -Xmx640m passed"
fi
