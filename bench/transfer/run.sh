#!/usr/bin/env bash
# Speed benchmark of `heredity transfer-test` against PyTorch 1.13 (CPU) on the same protocol, side by
# side on the same machine: 2 models = 2 teachers + 2 same-init + 2 cross-init students, 60k noise.
# Target: Java wall time <= 0.7 x PyTorch wall time. Also prints the kernel micro-benchmark.
#
#   bench/transfer/run.sh [--models N] [extra transfer-test options...]
#
# The PyTorch side needs Debian's python3-torch for /usr/bin/python3; it is skipped (and the 17.8 s
# reference figure from the issue is used) when torch is not importable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${HEREDITY_TARGET:-target-bench}"
jar="$root/audit/$target/heredity.jar"
python="${PYTHON:-/usr/bin/python3}"
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--models 2)

if [ ! -f "$jar" ] || [ -n "$(find "$root/transfer/src/main" "$root/audit/src/main" -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -q -B -Dheredity.target="$target" -DskipTests -pl audit -am package >&2)
fi

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_classes="$root/audit/$target/bench-classes"
javac --add-modules jdk.incubator.vector -d "$bench_classes" -cp "$jar" "$root/bench/transfer/KernelBench.java" 2>/dev/null
java --add-modules jdk.incubator.vector -cp "$jar:$bench_classes" KernelBench 0.5 2>/dev/null

echo
echo "== Java: heredity transfer-test ${args[*]}"
t0=$(date +%s.%N)
java -XX:+UseParallelGC --add-modules jdk.incubator.vector -jar "$jar" transfer-test "${args[@]}" 2>/dev/null
t1=$(date +%s.%N)
java_s=$(echo "$t1 - $t0" | bc -l)
printf 'java wall (incl. JVM start): %.1f s\n' "$java_s"

torch_s=""
if "$python" -c 'import torch' 2>/dev/null; then
  echo
  echo "== PyTorch $("$python" -c 'import torch; print(torch.__version__)'): transfer_torch.py ${args[*]}"
  t0=$(date +%s.%N)
  # This workplace pins OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE for old OpenBLAS builds; they force a slower
  # kernel on this CPU, so unset both for the PyTorch side to give it its best BLAS.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 "$python" "$root/bench/transfer/transfer_torch.py" "${args[@]}"
  t1=$(date +%s.%N)
  torch_s=$(echo "$t1 - $t0" | bc -l)
  printf 'pytorch wall (incl. interpreter start): %.1f s\n' "$torch_s"
else
  echo
  echo "PyTorch not installed for $python (apt-get install python3-torch); using the issue's reference: 17.8 s for --models 2"
  torch_s=17.8
fi

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'ratio java/pytorch = %.2f (target <= 0.70)\n' "$(echo "$java_s / $torch_s" | bc -l)"
