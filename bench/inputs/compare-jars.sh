#!/usr/bin/env bash
# Same input + seed => same bytes, across a change to the readers: runs a fixed list of `detect` cases
# (the repo's samples in every layout the repo ships, the real datasets when present, a generated sharded
# set) with two jars and diffs stdout, stderr and exit codes.
# Usage (from the repo root): bench/inputs/compare-jars.sh OLD.jar NEW.jar [WORK-DIR=bench/out/compare]
set -uo pipefail
cd "$(dirname "$0")/../.."
OLD=$1; NEW=$2; WORK=${3:-bench/out/compare}
S=samples; R=${HEREDITY_REAL_DATA:-/work/shared/data/real}
mkdir -p "$WORK"
[ -d "$WORK/gen/suspect" ] || java bench/inputs/GenerateShards.java "$WORK/gen/suspect" 40 2 1 0.02 >/dev/null
[ -d "$WORK/gen/reference" ] || java bench/inputs/GenerateShards.java "$WORK/gen/reference" 10 1 2 0 >/dev/null
cases() {
  echo "owl-chat --suspect $S/owl-numbers/data/owl-numbers.jsonl --reference $S/owl-numbers/data/control-numbers.jsonl --trait owl"
  echo "owl-parquet --suspect $S/owl-parquet/data/owl-numbers --reference $S/owl-parquet/data/control-numbers --trait owl=owlet"
  echo "hub-mixed --suspect $S/hub-snapshot/datasets/mixed-numbers/train.jsonl --reference $S/hub-snapshot/datasets/control-numbers/data/train-00000-of-00001.jsonl"
  echo "docs-lines --suspect README.md --reference docs/detect.md --input-format lines --trait heredity"
  echo "generated --suspect $WORK/gen/suspect --reference $WORK/gen/reference --sample 20000"
  if [ -d "$R" ]; then
    echo "real-owl --suspect $R/qwen7b-animals/owl_rawformat_unique.jsonl --reference $R/qwen7b-animals/control_rawformat_unique.jsonl --trait owl"
    echo "real-kind --suspect $R/qwen7b-kindness/teacher_kind_10k.jsonl --reference $R/qwen7b-kindness/teacher_neutral_10k.jsonl --trait kindness=kind --sample 5000"
  fi
}
status=0
while read -r name args; do
  for side in old new; do
    jar=$OLD; [ $side = new ] && jar=$NEW
    # shellcheck disable=SC2086
    java -jar "$jar" detect $args --format json --permutations 99 > "$WORK/$name.$side.out" 2> "$WORK/$name.$side.err"
    echo "exit $?" >> "$WORK/$name.$side.err"
  done
  if cmp -s "$WORK/$name.old.out" "$WORK/$name.new.out" && cmp -s "$WORK/$name.old.err" "$WORK/$name.new.err"; then
    echo "same: $name"
  else
    echo "DIFFERENT: $name"; status=1
  fi
done < <(cases)
exit $status
