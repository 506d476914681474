#!/usr/bin/env bash
# Dev start-up: the time from starting `openvod dev` (the built jar, as ./openvod runs it) to its
# banner ("openvod dev is running") and to the platform's and the app's /health/ready answering 200.
#   openvod-bench/dev-startup.sh [-n RUNS] [--fresh] [--launcher | --compare-cds | --against CHECKOUT] [--no-build] [-- JVM OPTIONS]
# Defaults: 7 runs (env DEV_STARTUP_RUNS). Each run starts `java -jar openvod-server.jar dev
# --platform-port 0 --app-port 0 --state DIR` in a temporary directory (its cwd, so .openvod and the
# databases are there too): the first run makes the databases, the dev key and the secrets (a
# first start), the later runs reuse them (a restart) unless --fresh, which gives each run a new
# directory. The banner is watched every 10 ms, /health/ready every 20 ms (curl), so each figure is
# late by up to that; the process is then stopped with SIGTERM. It prints each run and the medians
# of the restarts (and of the first starts with --fresh). JVM OPTIONS after -- go before -jar.
# --launcher starts `./openvod dev` instead (its checks, and its class-data sharing archive in
# openvod-server/target/cds/dev.jsa, which the first run writes when it stops; the JVM option
# -Xshare:off turns it off); JVM OPTIONS then go to OPENVOD_JAVA_OPTS. --compare-cds runs `java -jar`
# alternately without (odd runs: the JDK's own archive only, as before the launcher had one) and
# with the launcher's options and archive (even runs), and prints the medians of each.
# --against CHECKOUT (implies --launcher) runs CHECKOUT's ./openvod dev (odd runs, "before": e.g. a
# clone of an earlier commit; its launcher builds its jar and installs its review sidecar first)
# and this checkout's (even runs, "after") alternately, each with a state directory of its own;
# both checkouts' dev archives (target/cds/dev.jsa) are deleted first, so that each side's first
# run writes its own.
# Each run also reports the CPU time the process had used when the banner appeared (user + system,
# all threads, from /proc/PID/stat), which depends less on the machine's load than the wall times.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"
# shellcheck source=../scripts/lib/prepare.sh
source "$ROOT/scripts/lib/prepare.sh"
# shellcheck source=lib/dev-ready.sh
source "$ROOT/openvod-bench/lib/dev-ready.sh"

RUNS="${DEV_STARTUP_RUNS:-7}"
BUILD=1
FRESH=0
LAUNCHER=0
COMPARE=0
AGAINST=""
JVM_OPTS=()
while (( $# > 0 )); do
  case "$1" in
    -n|--runs) RUNS="$2"; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --launcher) LAUNCHER=1; shift ;;
    --compare-cds) COMPARE=1; shift ;;
    --against) AGAINST="$(cd "$2" && pwd)"; LAUNCHER=1; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --) shift; JVM_OPTS=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "dev-startup.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "dev-startup.sh: not a positive number: $RUNS" >&2; exit 2; }

use_java
cd "$ROOT"
JAR="$ROOT/openvod-server/target/openvod-server.jar"
if (( BUILD )); then
  build_run_jar -q
fi
[[ -f "$JAR" ]] || { echo "dev-startup.sh: no $JAR (run without --no-build)" >&2; exit 1; }

if [[ -n "$AGAINST" ]]; then
  [[ -x "$AGAINST/openvod" ]] || { echo "dev-startup.sh: no launcher $AGAINST/openvod" >&2; exit 2; }
  (cd "$AGAINST" && ./openvod dev --help >/dev/null) # builds its jar when stale, installs its review sidecar
  rm -f "$AGAINST/openvod-server/target/cds/dev.jsa" "$ROOT/openvod-server/target/cds/dev.jsa"
fi

WORK="$(mktemp -d)"
# The launcher's class-data sharing options (./openvod), for --compare-cds.
mkdir -p "$ROOT/openvod-server/target/cds"
CDS_OPTS=("-XX:SharedArchiveFile=$ROOT/openvod-server/target/cds/dev.jsa" -XX:+AutoCreateSharedArchive "-Xlog:cds*=off")
PID=""
cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM


TICKS="$(getconf CLK_TCK)"
echo "started: $(if [[ -n "$AGAINST" ]]; then echo "./openvod dev of $AGAINST (before) and of $ROOT (after)"; elif (( LAUNCHER )); then echo "./openvod dev"; else echo "java -jar openvod-server.jar dev"; fi)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1)${JVM_OPTS[*]:+, options ${JVM_OPTS[*]}}"
printf '%-4s %-8s %-7s %10s %10s %10s\n' run start side "banner ms" "ready ms" "cpu ms"
declare -A FIGURES # "<side> <first|restart> <banner|ready|cpu>" -> space-separated values
SIDES=()
for (( run = 1; run <= RUNS; run++ )); do
  side=default
  checkout="$ROOT"
  opts=("${JVM_OPTS[@]}")
  if (( COMPARE )); then
    if (( run % 2 )); then side=off; else side=on; opts+=("${CDS_OPTS[@]}"); fi
  elif [[ -n "$AGAINST" ]]; then
    if (( run % 2 )); then side=before; checkout="$AGAINST"; else side=after; fi
  fi
  [[ " ${SIDES[*]} " == *" $side "* ]] || SIDES+=("$side")
  dir="$WORK/state.$side"
  if (( FRESH )); then dir="$WORK/state.$side.$run"; fi
  mkdir -p "$dir"
  kind=restart
  [[ -f "$dir/.openvod/dev.json" ]] || kind=first
  log="$WORK/run.$run.log"; : >"$log"
  start="$(now_ms)"
  if (( LAUNCHER )); then
    (cd "$dir" && OPENVOD_JAVA_OPTS="${opts[*]}" exec "$checkout/openvod" dev --platform-port 0 --app-port 0 \
        --state "$dir/.openvod") >"$log" 2>&1 &
  else
    (cd "$dir" && exec "$JAVA" -Dopenvod.review.sidecar="$ROOT/openvod-platform/src/main/node/review" "${opts[@]}" \
        -jar "$JAR" dev --platform-port 0 --app-port 0 --state "$dir/.openvod") >"$log" 2>&1 &
  fi
  PID=$!
  banner=""
  until [[ -n "$banner" ]]; do
    if grep -q '^openvod dev is running' "$log"; then banner=$(( $(now_ms) - start )); break; fi
    kill -0 "$PID" 2>/dev/null || { echo "dev-startup.sh: openvod dev exited; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.01
  done
  cpu="$(awk -v ticks="$TICKS" '{ print int(($14 + $15) * 1000 / ticks) }' "/proc/$PID/stat")"
  await_dev_ready dev-startup.sh "$PID" "$log"
  readyms=$(( $(now_ms) - start ))
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  printf '%-4s %-8s %-7s %10s %10s %10s\n' "$run" "$kind" "$side" "$banner" "$readyms" "$cpu"
  FIGURES["$side $kind banner"]+="$banner "; FIGURES["$side $kind ready"]+="$readyms "; FIGURES["$side $kind cpu"]+="$cpu "
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
spread() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }
for side in "${SIDES[@]}"; do
  for kind in first restart; do
    [[ -n "${FIGURES["$side $kind banner"]:-}" ]] || continue
    # shellcheck disable=SC2086 # space-separated numbers
    { set -- ${FIGURES["$side $kind banner"]}; b=("$@"); set -- ${FIGURES["$side $kind ready"]}; r=("$@"); set -- ${FIGURES["$side $kind cpu"]}; c=("$@"); }
    echo "median of ${#b[@]} $kind(s)$([[ "$side" == default ]] || echo " ($side)"): banner $(median "${b[@]}") ms ($(spread "${b[@]}")), ready $(median "${r[@]}") ms ($(spread "${r[@]}")), cpu at banner $(median "${c[@]}") ms ($(spread "${c[@]}"))"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
