#!/usr/bin/env bash
# Content review throughput with the real nsfwjs sidecar: the Porn review step as it was (the
# reference: all frames sampled as JPEGs first, then classified one at a time by nsfwjs's own
# classify()) against the step as it is (frames streamed from FFmpeg as RGB and classified by the
# folded graph while FFmpeg decodes), in one session, with their scores compared frame by frame.
#   openvod-bench/review-throughput.sh [-f FRAMES] [-r RUNS] [--size WxH] [--steps all|new] [--profile]
#                                      [--keep-data] [--no-build]
# Defaults: 60 frames (a 120 s clip: the step takes one frame every 2 s), 5 runs, 640x360 (env
# REVIEW_FRAMES, REVIEW_RUNS, REVIEW_SIZE; REVIEW_HEAP sets the fixed heap, default 256m; the
# sidecar is openvod-platform/src/main/node/review, installed with npm ci; node is $REVIEW_NODE or
# node on the PATH).
# It runs io.openvod.bench.review.ReviewThroughput in one JVM, in openvod-bench/target/review-bench/:
# the bundled FFmpeg makes the clip once; then, each RUNS times: the frames sampled as JPEGs; a new
# sidecar from start to its first answer; the JPEGs classified one at a time by one warm sidecar,
# through nsfwjs's classify() and through the folded graph; the old and the new step, alternately.
# It prints each run (with the CPU time FFmpeg, the sidecar and the JVM spent per frame), the
# medians, the spread and the ratio, the largest score difference per class between the two steps
# over all frames, and whether their verdicts are the same. --steps new measures the new step alone.
# --profile measures the new step alone with the sidecar under node --cpu-prof and the JVM under JFR,
# keeps both in openvod-bench/target/review-profile/ and prints where the time went. The machine's
# load average is printed before and after. The data folder is deleted on exit unless --keep-data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

FRAMES="${REVIEW_FRAMES:-60}"
RUNS="${REVIEW_RUNS:-5}"
SIZE="${REVIEW_SIZE:-640x360}"
HEAP="${REVIEW_HEAP:-256m}"
NODE="${REVIEW_NODE:-node}"
BUILD=1
KEEP=0
STEPS=all
PROFILE=0
while (( $# > 0 )); do
  case "$1" in
    -f|--frames) FRAMES="$2"; shift 2 ;;
    -r|--runs) RUNS="$2"; shift 2 ;;
    --size) SIZE="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --profile) PROFILE=1; STEPS=new; shift ;;
    --keep-data) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "review-throughput.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$FRAMES" "$RUNS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "review-throughput.sh: not a positive number: $n" >&2; exit 2; }
done
[[ "$STEPS" == all || "$STEPS" == new ]] || { echo "review-throughput.sh: --steps must be all or new, not $STEPS" >&2; exit 2; }
[[ "$SIZE" =~ ^([1-9][0-9]*)x([1-9][0-9]*)$ ]] || { echo "review-throughput.sh: --size must be WxH, not $SIZE" >&2; exit 2; }
WIDTH="${BASH_REMATCH[1]}"
HEIGHT="${BASH_REMATCH[2]}"
SIDECAR="$ROOT/openvod-platform/src/main/node/review"
[[ -d "$SIDECAR/node_modules" ]] || { echo "review-throughput.sh: run 'npm ci --no-audit --no-fund' in $SIDECAR first" >&2; exit 2; }

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-bench -am package
fi
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"

mkdir -p "$ROOT/openvod-bench/target/review-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/review-bench/run.XXXXXX")"
cleanup() { if (( KEEP )); then echo "data kept in $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "before: $(uptime)"
echo "JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP; Node.js $("$NODE" --version)"
JVM_OPTS=()
if (( PROFILE )); then
  PROFILES="$ROOT/openvod-bench/target/review-profile/$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$PROFILES"
  # The sidecar's node under the CPU profiler (it writes the profile when its standard input closes).
  printf '#!/bin/sh\nexec %q --cpu-prof --cpu-prof-dir=%q "$@"\n' "$(command -v "$NODE")" "$PROFILES" > "$WORK/node-profiled"
  chmod +x "$WORK/node-profiled"
  NODE="$WORK/node-profiled"
  JVM_OPTS=("-XX:StartFlightRecording=filename=$PROFILES/bench.jfr,settings=profile")
fi
status=0
"$JAVA" "-Xms$HEAP" "-Xmx$HEAP" "${JVM_OPTS[@]}" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" \
  io.openvod.bench.review.ReviewThroughput --dir "$WORK/data" --sidecar "$SIDECAR" --node "$NODE" --frames "$FRAMES" \
  --runs "$RUNS" --width "$WIDTH" --height "$HEIGHT" --steps "$STEPS" || status=$?
echo "after: $(uptime)"
if (( PROFILE && status == 0 )); then
  echo
  echo "profiles kept in $PROFILES"
  "${REVIEW_NODE:-node}" "$ROOT/openvod-bench/review-profile.mjs" "$PROFILES"/*.cpuprofile
  echo "JVM (JFR): CPU by thread, and the hottest Java methods"
  "$(dirname "$JAVA")/jfr" view thread-cpu-load "$PROFILES/bench.jfr" | head -n 16
  "$(dirname "$JAVA")/jfr" view --width 160 hot-methods "$PROFILES/bench.jfr" | head -n 16
fi
exit "$status"
