#!/usr/bin/env bash
# Lineage benchmark: generates a manifest of 100k models+datasets (~330k edges) once, then times
# read + validate + graph + pairs in a fresh JVM limited to 1 GB of heap and 2 CPUs.
# Usage: bench/lineage/run.sh [MODELS=40000] [DATASETS=60000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target="${HEREDITY_TARGET:-target-bench}"
models="${1:-40000}"
datasets="${2:-60000}"
out="lineage/$target"
mvn -q -B -Dheredity.target="$target" -DskipTests -pl lineage compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$PWD/$out/classpath.txt" >&2
classpath="$out/classes:$(cat "$out/classpath.txt")"
javac -d "$out/bench-classes" -cp "$classpath" bench/lineage/GenerateManifest.java bench/lineage/LineageBench.java
manifest="$out/bench-lineage-$models-$datasets.json"
[ -f "$manifest" ] || java -cp "$out/bench-classes" GenerateManifest "$manifest" "$models" "$datasets" 1 >&2
java -Xmx1g -XX:ActiveProcessorCount=2 -cp "$out/bench-classes:$classpath" LineageBench "$manifest"
