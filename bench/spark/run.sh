#!/usr/bin/env bash
# Spark benchmark: generates a seeded Parquet corpus of chat number sequences and profiles it in local[2]
# (records/s, MB/s, peak RSS). Usage (from the repo root): bench/spark/run.sh [records] [shards]
# The default, 10M records (~1 GB of raw JSON), takes minutes on 2 cores; scale with the first argument.
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-10000000}
SHARDS=${2:-16}
TARGET=${HEREDITY_TARGET:-target-bench}
OUT=bench/out/spark
mkdir -p "$OUT"
# One reactor call: the classpath goal needs the sibling modules' jars that this package run builds.
mvn -q -B -o -Dheredity.target="$TARGET" -Dmaven.test.skip=true -pl spark -am package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=test
CP="spark/$TARGET/classes:$(cat "$OUT/cp.txt")"
FLAGS="$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' spark/pom.xml)"
CORPUS="$OUT/corpus-$RECORDS"
[ -d "$CORPUS" ] || java $FLAGS -Xmx2g -Dlog4j2.configurationFile=spark/src/test/resources/log4j2.properties -cp "$CP" bench/spark/GenerateCorpus.java "$CORPUS" "$RECORDS" "$SHARDS" 1
echo "load before: $(uptime)"
/usr/bin/time -f "profile: %e s wall, %U s user, max RSS %M KB" \
  java $FLAGS -Xmx2g -Dlog4j2.configurationFile=spark/src/test/resources/log4j2.properties -cp "$CP" \
  bench/spark/ProfileBench.java "$CORPUS"
echo "load after: $(uptime)"
