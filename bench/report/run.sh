#!/usr/bin/env bash
# Report writers benchmark: writes report.json/.md/.html/.sarif and junit.xml for a synthetic report
# (seeded random lineage of NODES nodes, FINDINGS findings) in a fresh JVM with 1 GB of heap and 2 CPUs,
# then renders the HTML in headless Chromium when it is installed.
# Usage: bench/report/run.sh [NODES=500] [FINDINGS=2000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target="${HEREDITY_TARGET:-target-bench}"
out="audit/$target"
mvn -q -B -Dheredity.target="$target" -DskipTests -pl audit -am compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$PWD/$out/classpath.txt" >&2
mkdir -p "$out/bench-report"
java -Xmx1g -XX:ActiveProcessorCount=2 -cp "$out/classes:$(cat "$out/classpath.txt")" \
  bench/report/ReportBench.java "$out/bench-report" "${1:-500}" "${2:-2000}"
if [ -x /usr/bin/chromium ]; then
  bench/report/render.sh "$out/bench-report/report.html" 2000
fi
