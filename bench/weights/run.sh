#!/usr/bin/env bash
# Weights benchmark: two synthetic BF16 checkpoints with Llama-7B MLP shapes (gate_proj and up_proj,
# 11008 x 4096 per layer), compared with the full matching test in a JVM with a 2 GB heap; per-layer time
# split into I/O, cosine GEMM and assignment, extrapolated to 32 layers. Target: <= 5 min for 32 layers.
#
#   bench/weights/run.sh [LAYERS=4] [UNITS=11008] [FEATURES=4096]
#
# LAYERS < 32 scales the disk and time down (every layer has the full 7B shape; the figure is per layer).
# The files go to weights/target-bench/bench-weights (LAYERS=32 needs ~11.6 GB: check df first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${HEREDITY_TARGET:-target-bench}"
layers="${1:-4}"
units="${2:-11008}"
features="${3:-4096}"
jar="$root/audit/$target/heredity.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/weights/src/main" "$root/transfer/src/main" -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -q -B -o -Dheredity.target="$target" -DskipTests -pl audit -am package >&2)
fi
classes="$root/weights/$target/bench-classes"
data="$root/weights/$target/bench-weights-$layers-$units-$features"
mkdir -p "$classes"
javac -d "$classes" -cp "$jar" "$root/bench/weights/GenerateCheckpoints.java" "$root/bench/weights/WeightsBench.java"
echo "machine: $(nproc) cores, disk: $(df -h "$root" | awk 'NR==2 {print $4}') free, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$data/other/model.safetensors" ] || java -cp "$jar:$classes" GenerateCheckpoints "$data" "$layers" "$units" "$features"
echo "checkpoint size: $(du -sh "$data/base" | cut -f1) per model"
java -Xmx2g -XX:+UseParallelGC --add-modules jdk.incubator.vector -cp "$jar:$classes" WeightsBench "$data" 2 2>/dev/null
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
