#!/usr/bin/env bash
# Event delivery: events written through the platform's outbox, signed and pushed by its dispatcher
# to a local receiver that checks every Standard Webhooks signature, against a bare loop that POSTs
# the same signed bodies to the same receiver with nothing stored (the ceiling).
#   openvod-bench/event-delivery.sh [-r ROUNDS] [--window S] [--sustained N] [--writers N] [--offered-only 1] [--rate N]
#                                   [--steady S] [--outage-at S] [--outage S] [--jfr] [--keep-data] [--no-build]
# Defaults: 3 rounds; 2,000 events/s for a 20 s window, written by 4 threads that share the rate as
# concurrent Commits do (--writers; how many were answered 2xx
# within it, and the drain after it; --offered-only 1 runs only this and the ceiling); the same
# window for the most events per second (two writers as fast as they can); 100 events/s for 20 s for commit -> 2xx latency; 100 events/s for 30 s with the receiver
# answering 500 from 10 s to 20 s (every event must arrive once; the drain is timed from the
# recovery). Each round runs on a fresh SQLite database in openvod-bench/target/event-bench/ with
# the default push settings (loopback allowed). It runs io.openvod.bench.events.EventDelivery in one
# JVM (EVENT_HEAP sets the fixed heap, default 512m); --jfr records a profile next to the data
# (kept). It prints each round and the medians with their spread.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

HEAP="${EVENT_HEAP:-512m}"
ARGS=()
BUILD=1
KEEP=0
JFR=0
while (( $# > 0 )); do
  case "$1" in
    -r|--rounds) ARGS+=(--rounds "$2"); shift 2 ;;
    --window|--rate|--steady|--outage-at|--outage|--sustained|--offered-only|--writers) [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "event-delivery.sh: not a positive number: $2" >&2; exit 2; }
      ARGS+=("$1" "$2"); shift 2 ;;
    --jfr) JFR=1; KEEP=1; shift ;;
    --keep-data) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "event-delivery.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-bench -am package
fi
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"
mkdir -p "$ROOT/openvod-bench/target/event-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/event-bench/run.XXXXXX")"
cleanup() { if (( KEEP )); then echo "data kept in $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

PROFILE=()
(( JFR )) && PROFILE=("-XX:StartFlightRecording=filename=$WORK/events.jfr,settings=profile")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP"
"$JAVA" "-Xms$HEAP" "-Xmx$HEAP" "${PROFILE[@]}" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" io.openvod.bench.events.EventDelivery \
  --dir "$WORK/data" "${ARGS[@]}" 2>&1 | grep --line-buffered -Ev '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[|^\[main\] INFO|flyway' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
