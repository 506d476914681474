#!/usr/bin/env bash
# Transcode overhead: the wall time of a transcode through the task flow against the same FFmpeg
# command run directly (the aim: flow at most 1.05 times direct).
#   openvod-bench/transcode-overhead.sh [-r ROUNDS] [-s SECONDS] [-d DEFINITION] [--poll-ms MS] [--keep-data] [--no-build]
# Defaults: 5 rounds, a 30 s 1280x720 clip, preset 100030, the flows' default poll of 500 ms (env
# TRANSCODE_ROUNDS, TRANSCODE_SECONDS, TRANSCODE_DEFINITION, TRANSCODE_POLL_MS; TRANSCODE_HEAP sets
# the fixed heap, default 512m).
# It runs io.openvod.bench.flow.TranscodeOverhead in one JVM, in openvod-bench/target/transcode-bench/
# (the repository's disk): the bundled FFmpeg makes the clip once; a platform node (SQLite, local
# store, the Transcode step, 2 workers) gets a custom procedure template holding only that preset's
# transcode; each round runs the step's FFmpeg command directly and uploads the clip with a
# signature naming the procedure, alternating which goes first, after one unmeasured pass of each.
# Direct: FFmpeg's start to exit, plus, timed apart, what the step does besides FFmpeg (ffprobe of
# the source and of the output, MD5, a copy of the output). Flow: Commit's answer to the stored
# ProcedureStateChanged event, split by the flow's and the task's times into the starter's poll,
# the worker's claim, the task itself and the event. It prints each round, the medians and the
# ratio flow / direct of the medians. The folder is deleted on exit unless --keep-data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

ROUNDS="${TRANSCODE_ROUNDS:-5}"
SECONDS_CLIP="${TRANSCODE_SECONDS:-30}"
DEFINITION="${TRANSCODE_DEFINITION:-100030}"
POLL_MS="${TRANSCODE_POLL_MS:-500}"
HEAP="${TRANSCODE_HEAP:-512m}"
BUILD=1
KEEP=0
while (( $# > 0 )); do
  case "$1" in
    -r|--rounds) ROUNDS="$2"; shift 2 ;;
    -s|--seconds) SECONDS_CLIP="$2"; shift 2 ;;
    -d|--definition) DEFINITION="$2"; shift 2 ;;
    --poll-ms) POLL_MS="$2"; shift 2 ;;
    --keep-data) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "transcode-overhead.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$ROUNDS" "$SECONDS_CLIP" "$DEFINITION" "$POLL_MS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "transcode-overhead.sh: not a positive number: $n" >&2; exit 2; }
done

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-bench -am package
fi
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"

mkdir -p "$ROOT/openvod-bench/target/transcode-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/transcode-bench/run.XXXXXX")"
cleanup() { if (( KEEP )); then echo "data kept in $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP"
echo "note: FFmpeg, the platform and the bench share the $(nproc) cores; the node's log goes to $WORK/node.log (kept with --keep-data)."
# The node's log lines (timestamped) go to a file; the bench's own lines to the terminal.
"$JAVA" "-Xms$HEAP" "-Xmx$HEAP" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" io.openvod.bench.flow.TranscodeOverhead \
  --dir "$WORK/data" --rounds "$ROUNDS" --seconds "$SECONDS_CLIP" --definition "$DEFINITION" --poll-ms "$POLL_MS" 2>&1 \
  | tee "$WORK/node.log" | grep -Ev '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[' | grep -v '^\[procedure\]'
