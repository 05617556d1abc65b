#!/usr/bin/env bash
# Cross-fitted AUC and bag-8/bag-16 AUC of the classifier on the whole shared real files (never copied into
# the repository), 3 seeds each (fold splits and bags), then the owl rawformat tuning halves (HALF 1 was used
# for tuning, HALF 2 confirms). About 30 CPU-seconds in all (2 cores: ~20 s). Usage: bench/detectors/classifier-auc.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${HEREDITY_DATA:-../shared/data/real}
[ -d "$DATA" ] || { echo "shared real data absent: $DATA" >&2; exit 0; }
mkdir -p bench/out
mvn -o -q -pl detectors -am compile >&2  # stdout carries only the results (maven -q still prints colour resets)
mvn -o -q -pl detectors dependency:build-classpath -Dmdep.outputFile="$PWD/bench/out/detectors-cp.txt" >/dev/null
CP=detectors/target/classes:$(cat bench/out/detectors-cp.txt)
run() { java -Xmx2g -cp "$CP" bench/detectors/ClassifierAuc.java "$@"; }
A=$DATA/qwen7b-animals
run "$A" owl_rawformat_unique.jsonl control_rawformat_unique.jsonl
run "$A" eagle_rawformat_unique.jsonl control_rawformat_unique.jsonl
run "$A" owl_canon8_unique.jsonl control_canon8_unique.jsonl
run "$A" eagle_canon8_unique.jsonl control_canon8_unique.jsonl
run "$A" dog_canon8_unique.jsonl control_canon8_unique.jsonl
for half in 1 2; do run "$A" owl_rawformat_unique.jsonl control_rawformat_unique.jsonl 100000000 3 "$half"; done
