#!/usr/bin/env bash
# Weights benchmark: synthetic BF16 checkpoints with Llama-7B MLP shapes (gate_proj and up_proj,
# 11008 x 4096 per layer): base, tuned (base + 0.3 x noise, a fine-tune) and other (an independent
# init). Times the full matching test on base vs tuned and on base vs other, then the default run, in a
# JVM with a 2 GB heap; per layer: I/O + sketch, cosine GEMM, assignment, and process CPU seconds.
# Target: <= 5 min for 32 layers on 2 cores.
#
#   bench/weights/run.sh [LAYERS=4] [UNITS=11008] [FEATURES=4096] [SKETCH=1024] [TIMED_LAYERS=LAYERS]
#
# Checkpoints go to $HEREDITY_BENCH_DATA/bench-weights-LAYERS-UNITS-FEATURES (default: under
# weights/target-bench) and are reused when present; 3 models x ~180 MB per layer (LAYERS=32: ~17.3 GB,
# check df first; generation takes ~2-3 min). SKETCH=0 times the exact cosines. TIMED_LAYERS < LAYERS
# times only the first layers of the generated checkpoints. HEREDITY_BENCH_HEAP (default 2g) sets -Xmx; a
# layer whose cosine matrix exceeds a quarter of it is streamed (HEREDITY_BENCH_DENSE_BYTES=0 streams every
# layer whatever the heap, to time that path). The power table and the GEMM throughput, from
# the classes this script compiles:
#   java --add-modules jdk.incubator.vector -Xmx2g -cp audit/target-bench/heredity.jar:weights/target-bench/bench-classes SketchPower 4096 4096 8
#   java --add-modules jdk.incubator.vector -Xmx2g -cp (same) GemmThroughput 11008 4096 1024
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${HEREDITY_TARGET:-target-bench}"
layers="${1:-4}"
units="${2:-11008}"
features="${3:-4096}"
sketch="${4:-1024}"
timed="${5:-$layers}"
jar="$root/audit/$target/heredity.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/weights/src/main" "$root/transfer/src/main" -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -q -B -o -Dheredity.target="$target" -DskipTests -pl audit -am package >&2)
fi
classes="$root/weights/$target/bench-classes"
data="${HEREDITY_BENCH_DATA:-$root/weights/$target}/bench-weights-$layers-$units-$features"
mkdir -p "$classes"
javac -d "$classes" -cp "$jar" "$root"/bench/weights/*.java
echo "machine: $(nproc) cores, disk: $(df -h "$(dirname "$data")" 2>/dev/null | awk 'NR==2 {print $4}') free, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$data/other/model.safetensors" ] || java -cp "$jar:$classes" GenerateCheckpoints "$data" "$layers" "$units" "$features"
echo "checkpoint size: $(du -sh "$data/base" | cut -f1) per model"
start=$(date +%s)
heap="${HEREDITY_BENCH_HEAP:-2g}"
dense=()
[ -z "${HEREDITY_BENCH_DENSE_BYTES:-}" ] || dense=(-Dheredity.weights.denseBytes="$HEREDITY_BENCH_DENSE_BYTES")
echo "heap: -Xmx$heap${dense:+, ${dense[*]}}"
java -Xmx"$heap" "${dense[@]}" -XX:+UseParallelGC --add-modules jdk.incubator.vector -cp "$jar:$classes" WeightsBench "$data" 2 "$sketch" "$timed" 2>/dev/null
echo "bench wall: $(( $(date +%s) - start )) s; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
