#!/usr/bin/env bash
# Power (10 seeded random subsets per n, 20 at 500 per side) and false-positive rate (random halves of one file) of the detect
# suite on the shared real data (never copied into the repository), default settings (999 table permutations,
# classifier refits sized to alpha, alpha 0.01). One line per run; summarise with power-table.py:
#   bench/detectors/classifier-power.sh > out.txt && bench/detectors/power-table.py < out.txt
# Extra sizes: SIZES="200 700" bench/detectors/classifier-power.sh. One row only: pass its arguments, e.g.
#   bench/detectors/classifier-power.sh pair owl_rawformat_unique.jsonl control_rawformat_unique.jsonl 500 20
#   bench/detectors/classifier-power.sh halves control_rawformat_unique.jsonl 1000 100 About 45 min on 2 shared cores
# (2026-12-01, load 13-24); the statistics do not depend on load.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${HEREDITY_DATA:-../shared/data/real}
[ -d "$DATA" ] || { echo "shared real data absent: $DATA" >&2; exit 0; }
mkdir -p bench/out
mvn -o -q -pl detectors -am compile >&2  # stdout carries only the results (maven -q still prints colour resets)
mvn -o -q -pl detectors dependency:build-classpath -Dmdep.outputFile="$PWD/bench/out/detectors-cp.txt" >/dev/null
CP=detectors/target/classes:$(cat bench/out/detectors-cp.txt)
run() { java -Xmx2g -cp "$CP" bench/detectors/ClassifierPower.java "$@"; }
A=$DATA/qwen7b-animals
K=$DATA/qwen7b-kindness
REPS=${REPS:-10}
NULL_REPS=${NULL_REPS:-100}
if [ $# -gt 0 ]; then run "$A" "$@"; exit; fi
# Power at 500 per side is the hardest target: 20 subsets (the first 10 are the 10-subset figure).
run "$A" pair owl_rawformat_unique.jsonl control_rawformat_unique.jsonl 500 $((2 * REPS))
run "$A" halves control_rawformat_unique.jsonl 1000 "$NULL_REPS"
run "$A" pair owl_rawformat_unique.jsonl control_rawformat_unique.jsonl 1000 "$REPS"
run "$A" pair owl_canon8_unique.jsonl control_canon8_unique.jsonl 1000 "$REPS"
run "$A" pair dog_canon8_unique.jsonl control_canon8_unique.jsonl 450 "$REPS"
for n in 500 1000; do run "$A" pair eagle_rawformat_unique.jsonl control_rawformat_unique.jsonl "$n" "$REPS"; done
run "$A" halves control_canon8_unique.jsonl 1000 $((NULL_REPS * 6 / 10))
for n in 300 2000 ${SIZES:-}; do run "$A" pair owl_rawformat_unique.jsonl control_rawformat_unique.jsonl "$n" "$REPS"; done
run "$A" halves control_rawformat_unique.jsonl 500 "$NULL_REPS"
run "$K" pair teacher_kind_10k.jsonl teacher_neutral_10k.jsonl 1000 5
