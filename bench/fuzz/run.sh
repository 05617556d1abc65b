#!/usr/bin/env bash
# Coverage-guided fuzzing of Heredity's input readers with Jazzer (docs/reliability.md, "Fuzzing").
#
#   bench/fuzz/run.sh                 # every harness, 30 s each (the @FuzzTest maxDuration), one after another
#   bench/fuzz/run.sh ManifestFuzzTest#yamlManifest
#   ROUNDS=10 bench/fuzz/run.sh       # 10 rounds of 30 s per harness, each resuming from the corpus
#
# The corpus grows in audit/.cifuzz-corpus/ (not committed). A crash is written by Jazzer into
# audit/src/test/resources/dev/heredity/audit/fuzz/<Class>Inputs/<method>/crash-*: from then on `mvn test`
# replays it as a regression test, so commit it with the fix. `mvn verify` only replays the seeds (no fuzzing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${ROUNDS:-1}"
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  harnesses=(
    ManifestFuzzTest#yamlManifest ManifestFuzzTest#jsonManifest
    PolicyFuzzTest#policyFile PolicyFuzzTest#baseline
    DatasetFuzzTest#detectedFormat DatasetFuzzTest#csv
    IdxFuzzTest#images IdxFuzzTest#labels
  )
fi
cd "$root"
status=0
for round in $(seq "$rounds"); do
  for h in "${harnesses[@]}"; do
    echo "== fuzzing $h (round $round of $rounds)" >&2
    # Only one @FuzzTest fuzzes per JVM: select exactly one method. Instrument Heredity's own classes.
    if ! JAZZER_FUZZ=1 mvn -o -q -B -pl audit -am test -Dtest="$h" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.hooks=true '-Djazzer.instrument=dev.heredity.**' -DtrimStackTrace=false; then
      echo "== $h: finding (see the crash file under audit/src/test/resources/dev/heredity/audit/fuzz/)" >&2
      status=1
    fi
  done
done
exit "$status"
