#!/usr/bin/env bash
# Discovery benchmark: generates 10,000 model folders and 10,000 dataset folders once (seeded), then times
# `heredity discover` over them in a fresh JVM limited to 512 MB of heap and 2 CPUs, and validates the result.
# Usage: bench/discovery/run.sh [MODELS=10000] [DATASETS=10000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
models="${1:-10000}"
datasets="${2:-10000}"
tree="target/bench-discovery/tree-$models-$datasets"
[ -d "$tree" ] || java bench/discovery/GenerateTree.java "$tree" "$models" "$datasets" >&2
./heredity --version >/dev/null   # builds audit/target/heredity.jar when sources are newer
jar=audit/target/heredity.jar
out="target/bench-discovery/discovered-$models-$datasets.json"   # JSON: a YAML manifest is capped at 3 MiB
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
/usr/bin/time -f "max RSS %M KB, CPU user %U s, sys %S s" java -Xmx512m -XX:ActiveProcessorCount=2 -jar "$jar" discover "$tree" --format json -o "$out"
end=$(date +%s.%N)
echo "discover wall time: $(echo "$end - $start" | bc) s (JVM start included)"
java -Xmx1g -XX:ActiveProcessorCount=2 -jar "$jar" lineage validate --allow-outside "$out" | tail -1
