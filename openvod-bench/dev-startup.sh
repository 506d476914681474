#!/usr/bin/env bash
# Dev start-up: the time from starting `openvod dev` (the built jar, as ./openvod runs it) to its
# banner ("openvod dev is running") and to the platform's and the app's /health/ready answering 200.
#   openvod-bench/dev-startup.sh [-n RUNS] [--fresh] [--launcher | --compare-cds] [--no-build] [-- JVM OPTIONS]
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
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"
# shellcheck source=../scripts/lib/prepare.sh
source "$ROOT/scripts/lib/prepare.sh"

RUNS="${DEV_STARTUP_RUNS:-7}"
BUILD=1
FRESH=0
LAUNCHER=0
COMPARE=0
JVM_OPTS=()
while (( $# > 0 )); do
  case "$1" in
    -n|--runs) RUNS="$2"; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --launcher) LAUNCHER=1; shift ;;
    --compare-cds) COMPARE=1; shift ;;
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

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true)" == 200 ]]; }

echo "started: $(if (( LAUNCHER )); then echo "./openvod dev"; else echo "java -jar openvod-server.jar dev"; fi)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1)${JVM_OPTS[*]:+, options ${JVM_OPTS[*]}}"
printf '%-4s %-8s %-7s %10s %10s\n' run start cds "banner ms" "ready ms"
BANNERS_FIRST=() READY_FIRST=() BANNERS=() READIES=() OFF_BANNERS=() OFF_READIES=()
for (( run = 1; run <= RUNS; run++ )); do
  dir="$WORK/state"
  if (( FRESH )); then dir="$WORK/state.$run"; fi
  mkdir -p "$dir"
  kind=restart
  [[ -f "$dir/.openvod/dev.json" ]] || kind=first
  log="$WORK/run.$run.log"; : >"$log"
  cds=default
  opts=("${JVM_OPTS[@]}")
  if (( COMPARE )); then
    if (( run % 2 )); then cds=off; else cds=on; opts+=("${CDS_OPTS[@]}"); fi
  fi
  start="$(now_ms)"
  if (( LAUNCHER )); then
    (cd "$dir" && OPENVOD_JAVA_OPTS="${opts[*]}" exec "$ROOT/openvod" dev --platform-port 0 --app-port 0 \
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
  sleep 0.05 # the banner's other lines
  platform="$(sed -n 's#^  platform UGC upload: *\(http://[^/]*\)/.*#\1#p' "$log")"
  app="$(sed -n 's#^  web page: *\(http://[^ ]*\)/.*#\1#p' "$log")"
  until ready "$platform/health/ready" && ready "$app/api/v1/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { echo "dev-startup.sh: openvod dev exited; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.02
  done
  readyms=$(( $(now_ms) - start ))
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  printf '%-4s %-8s %-7s %10s %10s\n' "$run" "$kind" "$cds" "$banner" "$readyms"
  if [[ "$kind" == first ]]; then BANNERS_FIRST+=("$banner"); READY_FIRST+=("$readyms")
  elif [[ "$cds" == off ]]; then OFF_BANNERS+=("$banner"); OFF_READIES+=("$readyms")
  else BANNERS+=("$banner"); READIES+=("$readyms"); fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median of ${#BANNERS_FIRST[@]} first start(s): banner $(median "${BANNERS_FIRST[@]}") ms, ready $(median "${READY_FIRST[@]}") ms"
if (( ${#BANNERS[@]} > 0 )); then
  echo "median of ${#BANNERS[@]} restart(s)$( (( COMPARE )) && echo ' with CDS'): banner $(median "${BANNERS[@]}") ms, ready $(median "${READIES[@]}") ms"
fi
if (( ${#OFF_BANNERS[@]} > 0 )); then
  echo "median of ${#OFF_BANNERS[@]} restart(s) without: banner $(median "${OFF_BANNERS[@]}") ms, ready $(median "${OFF_READIES[@]}") ms"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
