#!/usr/bin/env bash
# Fuzzes OpenVOD's parsers and verifiers with Jazzer for longer than ./openvod test does.
#   scripts/fuzz.sh [SECONDS-PER-TARGET] [TEST-CLASS-PATTERN]
#   scripts/fuzz.sh                        every fuzz target for 60 s
#   scripts/fuzz.sh 600 'Tc3*'             only Tc3VerifierFuzzTest, for 10 minutes
# Targets run two at a time (FUZZ_FORKS to change), each in a JVM of its own. A finding fails
# its target and leaves the input in <module>/target/jazzer/crash-<sha1>; the corpus grows in
# <module>/target/jazzer/.cifuzz-corpus and is reused by the next run until `mvn clean`.
# See docs/fuzzing.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-60}"
PATTERN="${2:-*FuzzTest}"
[[ "$SECONDS_PER_TARGET" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: SECONDS-PER-TARGET must be a positive number" >&2; exit 2; }

# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
use_java || exit 1

cd "$ROOT"
STARTED="$(mktemp)"
trap 'rm -f "$STARTED"' EXIT
# A finding in one target does not stop the others (maven.test.failure.ignore); the crash files
# this run wrote are listed at the end, and any finding makes the script fail.
"$ROOT/mvnw" -B -pl openvod-signature,openvod-platform,openvod-app -am test-compile surefire:test@fuzz \
  -Dfuzz.mode=1 -Dfuzz.seconds="$SECONDS_PER_TARGET" -Dfuzz.forks="${FUZZ_FORKS:-2}" \
  -Dtest="$PATTERN" -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true
mapfile -t CRASHES < <(find "$ROOT"/openvod-*/target/jazzer -maxdepth 1 -type f -name 'crash-*' -newer "$STARTED" 2>/dev/null)
if (( ${#CRASHES[@]} > 0 )); then
  echo "fuzz.sh: ${#CRASHES[@]} finding(s); the failing targets are in <module>/target/surefire-reports:" >&2
  printf '  %s\n' "${CRASHES[@]}" >&2
  exit 1
fi
echo "fuzz.sh: no findings"
