#!/usr/bin/env bash
# Builds the release zip and checks it the way a user with only a Java runtime would use it:
# unpack, `bin/heredity --version`, `bin/heredity scan samples/owl-numbers` (exit 1: the sample's high
# findings), `bin/heredity export samples/owl-numbers --format cyclonedx`, with PATH holding nothing but `java`
# (no Maven, no javac, no git). Usage: bench/release/run.sh [--no-build]   (tests are skipped in the build:
# `mvn verify` runs them; this checks the packaging).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
if [ "${1:-}" != "--no-build" ]; then
  mvn -q -B -Dstyle.color=never -Prelease -DskipTests "-Dheredity.commit=$commit" package
fi
zip="release/target/heredity-$version.zip"
[ -f "$zip" ] || { echo "FAIL: $zip was not built" >&2; exit 1; }
for module in lineage detectors transfer interop audit; do
  ls "$module"/target/heredity-"$module"-"$version"-sources.jar >/dev/null || { echo "FAIL: no sources jar for $module" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/heredity-release.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$work" && unzip -q "$root/$zip")
home="$work/heredity-$version"
for f in bin/heredity lib/heredity.jar LICENSE NOTICE README.md docs/standards.md samples/owl-numbers/heredity.yaml; do
  [ -e "$home/$f" ] || { echo "FAIL: $f missing from the zip" >&2; exit 1; }
done
# A PATH with only a Java runtime on it.
jre="$work/jre-only"
mkdir -p "$jre"
ln -s "$(command -v java)" "$jre/java"
run() { (cd "$work" && env -i HOME="$work" PATH="$jre" "$home/bin/heredity" "$@"); }

run --version | tee "$work/version.txt"
grep -q "heredity $version" "$work/version.txt" || { echo "FAIL: --version does not name $version" >&2; exit 1; }

set +e
run scan "$home/samples/owl-numbers" --out "$work/report" --quiet
code=$?
set -e
[ "$code" -eq 1 ] || { echo "FAIL: scan exited $code, expected 1 (the sample's high findings)" >&2; exit 1; }
for f in report.json report.md report.html report.sarif junit.xml; do
  [ -s "$work/report/$f" ] || { echo "FAIL: scan did not write $f" >&2; exit 1; }
done
run export "$home/samples/owl-numbers" --format cyclonedx -o "$work/bom.cdx.json"
grep -q '"machine-learning-model"' "$work/bom.cdx.json" || { echo "FAIL: export wrote no ML-BOM" >&2; exit 1; }
echo "OK: $zip ($(du -h "$zip" | cut -f1)) unpacks and runs with only java on PATH; scan exit $code; $(cat "$work/version.txt")"
