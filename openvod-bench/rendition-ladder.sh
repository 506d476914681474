#!/usr/bin/env bash
# Rendition ladder: MP4 100010, 100020, 100030 and HLS template 10 encoded one FFmpeg run per
# rendition (what the platform did before) against one run from one decode (the ladder), in one
# run of the bench (the aim: the ladder at most 0.6 times the runs per rendition).
#   openvod-bench/rendition-ladder.sh [-r ROUNDS] [-s SECONDS] [--size WxH] [--lanes N] [--no-flow] [--poll-ms MS] [--keep-data] [--no-build]
# Defaults: 5 rounds, a 30 s 1280x720 clip, 2 lanes (the flows' default of 2 workers), the flows
# measured too, the flows' default poll of 500 ms (env LADDER_ROUNDS, LADDER_SECONDS, LADDER_SIZE,
# LADDER_LANES, LADDER_POLL_MS; LADDER_HEAP sets the fixed heap, default 512m).
# It runs io.openvod.bench.flow.RenditionLadderBench in one JVM, in openvod-bench/target/ladder-bench/
# (the repository's disk): the bundled FFmpeg makes the clip once; each round then, in a rotating
# order after one unmeasured pass of each (whose outputs are compared: sizes, durations, playlists):
#   per rendition   the three Transcode runs and the HLS task's three runs (one per rendition, in turn),
#                   the four tasks in template order on N lanes at once, first start to last exit;
#   ladder          the ladder's one FFmpeg run (split, one encoder per preset, tee into MP4 + HLS);
#   flow, ladder    the clip uploaded to a platform node with the RenditionLadder and a procedure of
#                   those four tasks, Commit's answer to the FINISH event;
#   flow, alone     the same on a node without it (each task its own FFmpeg run);
# then the clip decoded alone, and decoded and scaled to the three sizes (where the CPU goes).
# FFmpeg's -benchmark gives each run's user and system CPU. It prints each round, the medians with
# their spread, the ratios ladder / per rendition (wall and CPU) and the CPU split. The folder is
# deleted on exit unless --keep-data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

ROUNDS="${LADDER_ROUNDS:-5}"
SECONDS_CLIP="${LADDER_SECONDS:-30}"
SIZE="${LADDER_SIZE:-1280x720}"
LANES="${LADDER_LANES:-2}"
POLL_MS="${LADDER_POLL_MS:-500}"
HEAP="${LADDER_HEAP:-512m}"
FLOWS=1
BUILD=1
KEEP=0
while (( $# > 0 )); do
  case "$1" in
    -r|--rounds) ROUNDS="$2"; shift 2 ;;
    -s|--seconds) SECONDS_CLIP="$2"; shift 2 ;;
    --size) SIZE="$2"; shift 2 ;;
    --lanes) LANES="$2"; shift 2 ;;
    --poll-ms) POLL_MS="$2"; shift 2 ;;
    --no-flow) FLOWS=0; shift ;;
    --keep-data) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "rendition-ladder.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$ROUNDS" "$SECONDS_CLIP" "$LANES" "$POLL_MS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "rendition-ladder.sh: not a positive number: $n" >&2; exit 2; }
done
[[ "$SIZE" =~ ^[1-9][0-9]*[02468]x[1-9][0-9]*[02468]$ ]] || { echo "rendition-ladder.sh: --size takes even WIDTHxHEIGHT, not $SIZE" >&2; exit 2; }

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-bench -am package
fi
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"

mkdir -p "$ROOT/openvod-bench/target/ladder-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/ladder-bench/run.XXXXXX")"
cleanup() { if (( KEEP )); then echo "data kept in $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ARGS=(--dir "$WORK/data" --rounds "$ROUNDS" --seconds "$SECONDS_CLIP" --size "$SIZE" --lanes "$LANES" --poll-ms "$POLL_MS")
(( FLOWS )) || ARGS+=(--no-flow)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP"
echo "before: $(uptime)"
echo "note: FFmpeg, the platform and the bench share the $(nproc) cores with whatever else runs here; the nodes' log goes to $WORK/node.log (kept with --keep-data)."
# The nodes' log lines (timestamped) go to a file; the bench's own lines to the terminal.
"$JAVA" "-Xms$HEAP" "-Xmx$HEAP" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" io.openvod.bench.flow.RenditionLadderBench "${ARGS[@]}" 2>&1 \
  | tee "$WORK/node.log" | grep -Ev '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[' | grep -v '^\[procedure\]'
echo "after: $(uptime)"
