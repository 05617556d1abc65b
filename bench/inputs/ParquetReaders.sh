#!/usr/bin/env bash
# Extraction alone (issue 11): the text and prompt of every record of a chat dataset, nothing else, read
#   1. from Parquet by Heredity's reader (DuckDB through JDBC, the text extracted in SQL: ParquetExtract.java),
#   2. from the same records as JSONL by Heredity's JSONL reader (the same program),
#   3. from the same Parquet files by parquet-java's column readers (ParquetJavaExtract.java, bench only).
# Each program reads the folder three times in one JVM and prints each pass (the first pays start-up and the
# native library's start-up); the figures to compare are the last pass's records and MB of JSONL-equivalent
# records per CPU-second (user+sys of the whole process, DuckDB's threads included).
#
# Usage (from the repo root): bench/inputs/ParquetReaders.sh JSONL-FOLDER PARQUET-FOLDER
#   e.g. bench/inputs/ParquetReaders.sh /work/bench-data/jsonl/reference /work/bench-data/parquet/reference
set -euo pipefail
cd "$(dirname "$0")/../.."
JSONL=$1
PARQUET=$2
TARGET=${HEREDITY_TARGET:-target-bench}
[ -f "audit/$TARGET/heredity.jar" ] \
  || mvn -q -B -o -Dheredity.target="$TARGET" -Dmaven.test.skip=true -pl audit -am package
JAR=audit/$TARGET/heredity.jar
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -B -o -f bench/inputs/ParquetJava/pom.xml dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
BYTES=$(du -sb "$JSONL" | cut -f1)
echo "records: $JSONL ($(( BYTES / 1048576 )) MB as JSONL, $(du -sm "$PARQUET" | cut -f1) MB as Parquet)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Heredity, Parquet (DuckDB)"
java -cp "$JAR" bench/inputs/ParquetExtract.java "$PARQUET" "$BYTES" 3
echo "== Heredity, JSONL"
java -cp "$JAR" bench/inputs/ParquetExtract.java "$JSONL" "$BYTES" 3
echo "== parquet-java column readers, Parquet"
java -cp "$(cat "$CP_FILE")" bench/inputs/ParquetJavaExtract.java "$PARQUET" "$BYTES" 3 2>&1 | grep -v '^SLF4J'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
