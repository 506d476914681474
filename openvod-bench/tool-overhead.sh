#!/usr/bin/env bash
# Tool start overhead: one short ffprobe run started directly, under the platform's watchdog
# (ChildProcesses) and under the watchdog it used before (the reference), in one JVM.
#   openvod-bench/tool-overhead.sh [-r ROUNDS] [--no-build]
# Defaults: 30 rounds (env TOOL_ROUNDS). It runs io.openvod.bench.media.ToolOverhead in
# openvod-bench/target/tool-bench/ (deleted on exit): the bundled FFmpeg makes a 2 s clip, then each
# round times `ffprobe -version` and an ffprobe of the clip, each started the three ways in a
# rotating order, from start() to exit with the output read. It prints p10, median and p90 of each
# and each median minus direct's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

ROUNDS="${TOOL_ROUNDS:-30}"
BUILD=1
while (( $# > 0 )); do
  case "$1" in
    -r|--rounds) ROUNDS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "tool-overhead.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "tool-overhead.sh: not a positive number: $ROUNDS" >&2; exit 2; }

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-bench -am package
fi
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"

mkdir -p "$ROOT/openvod-bench/target/tool-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/tool-bench/run.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1)"
"$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" io.openvod.bench.media.ToolOverhead \
  --dir "$WORK" --rounds "$ROUNDS" 2>&1 | grep -Ev '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \['
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
