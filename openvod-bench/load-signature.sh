#!/usr/bin/env bash
# Load test of the app backend's GET /api/v1/upload-signature against the bare-Jetty ceiling.
#   openvod-bench/load-signature.sh [-c CONNECTIONS] [-w WARMUP_S] [-d DURATION_S] [-u USERS] [--no-build]
# Defaults: 32 connections, 10 s warm-up, 20 s measured, 1 user (env LOAD_CONCURRENCY, LOAD_WARMUP,
# LOAD_DURATION, LOAD_USERS; LOAD_HEAP sets the fixed heap of every JVM, default 512m; LOAD_APP_OPTS adds
# JVM options to the app's, e.g. -XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile).
# In a temporary directory it configures `openvod app` with rate limits and the daily quota off and
# a test VOD key, creates the users and an API token each with the CLI (about 4 s per user; the
# connections take the tokens in turn), and measures the app with
# io.openvod.bench.load.LoadDriver; then it measures io.openvod.bench.load.HelloServer (bare Jetty)
# with the same driver and settings, and prints both and the ratio of their requests/s.
# Everything it starts is stopped on exit; each server also stops by itself after the run's length
# plus 2 minutes. JSON lines are appended to openvod-bench/target/load-signature.jsonl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

CONCURRENCY="${LOAD_CONCURRENCY:-32}"
WARMUP="${LOAD_WARMUP:-10}"
DURATION="${LOAD_DURATION:-20}"
USERS="${LOAD_USERS:-1}"
HEAP="${LOAD_HEAP:-512m}"
BUILD=1
while (( $# > 0 )); do
  case "$1" in
    -c|--concurrency) CONCURRENCY="$2"; shift 2 ;;
    -w|--warmup) WARMUP="$2"; shift 2 ;;
    -d|--duration) DURATION="$2"; shift 2 ;;
    -u|--users) USERS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "load-signature.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$CONCURRENCY" "$DURATION" "$USERS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "load-signature.sh: not a positive number: $n" >&2; exit 2; }
done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "load-signature.sh: not a number: $WARMUP" >&2; exit 2; }
command -v curl >/dev/null || { echo "load-signature.sh: curl is needed" >&2; exit 1; }

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-server,openvod-bench -am package
fi
SERVER_JAR="$ROOT/openvod-server/target/openvod-server.jar"
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"
RESULTS="$ROOT/openvod-bench/target/load-signature.jsonl"
JVM=("$JAVA" "-Xms$HEAP" "-Xmx$HEAP")
LIFETIME=$(( WARMUP + DURATION + 120 ))

WORK="$(mktemp -d -t openvod-load.XXXXXX)"
GROUPS_STARTED=()
# Each server runs in a session of its own (setsid), so that its process group — `timeout` and the
# JVM — is stopped as one: TERM, then KILL after 10 s.
stop_group() {
  local pgid="$1" i
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for (( i = 0; i < 100; i++ )); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
cleanup() {
  local pgid
  for pgid in "${GROUPS_STARTED[@]}"; do stop_group "$pgid"; done
  GROUPS_STARTED=()
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME COMMAND...: starts it in $WORK, waits for its "http://HOST:PORT/" line, sets PGID and BASE_URL.
start_server() {
  local name="$1" i
  shift
  (cd "$WORK" && exec setsid timeout "$LIFETIME" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err") &
  PGID=$!
  GROUPS_STARTED+=("$PGID")
  BASE_URL=""
  for (( i = 0; i < 600; i++ )); do
    BASE_URL="$(grep -o 'http://[0-9.]*:[0-9]*/' "$WORK/$name.out" 2>/dev/null | head -n 1 || true)"
    [[ -n "$BASE_URL" ]] && return 0
    kill -0 "$PGID" 2>/dev/null || break
    sleep 0.1
  done
  echo "load-signature.sh: $name did not start; its output:" >&2
  tail -n 20 "$WORK/$name.out" "$WORK/$name.err" >&2
  exit 1
}

# drive LABEL URL [EXTRA...]: runs the load driver, prints its summary, returns its JSON line in RESULT.
drive() {
  local label="$1" url="$2"
  shift 2
  RESULT="$("${JVM[@]}" -cp "$BENCH_JAR" io.openvod.bench.load.LoadDriver --url "$url" --label "$label" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" --json "$@")" || true
  [[ -n "$RESULT" ]] || { echo "load-signature.sh: the driver gave no result for $label" >&2; exit 1; }
  mkdir -p "$(dirname "$RESULTS")"
  echo "$RESULT" >>"$RESULTS"
}
field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" <<<"$2"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP"
echo "note: each server and the load driver run on the same $(nproc) cores, so the driver's own CPU time is taken from the server."

cat >"$WORK/openvod.yaml" <<'YAML'
logging:
  level: warn
app:
  vod:
    secretId: AKIDLOADTEST
    secretKey: load-test-key-not-a-secret
  rateLimit:
    perUserPerMinute: 0
    perIpPerMinute: 0
  policy:
    roles:
      user:
        uploadsPerDay: -1
YAML
OPENVOD=("$JAVA" -XX:TieredStopAtLevel=1 -jar "$SERVER_JAR" --config "$WORK/openvod.yaml")
AUTH_FILE="$WORK/authorization"
(umask 077 && : >"$AUTH_FILE")
for (( u = 1; u <= USERS; u++ )); do
  (cd "$WORK" && "${OPENVOD[@]}" users add "loadtest$u" >/dev/null)
  TOKEN="$(cd "$WORK" && "${OPENVOD[@]}" users token create "loadtest$u" 2>/dev/null)"
  [[ "$TOKEN" == ova_* ]] || { echo "load-signature.sh: could not create an API token" >&2; exit 1; }
  echo "Authorization: Bearer $TOKEN" >>"$AUTH_FILE"
done

# shellcheck disable=SC2086 # LOAD_APP_OPTS is a list of JVM options.
start_server app "${JVM[@]}" ${LOAD_APP_OPTS:-} -jar "$SERVER_JAR" --config "$WORK/openvod.yaml" app --port 0
for (( i = 0; i < 300; i++ )); do
  curl -fsS -o /dev/null "${BASE_URL}api/v1/health" 2>/dev/null && break
  sleep 0.1
done
drive app "${BASE_URL}api/v1/upload-signature" --header-file "$AUTH_FILE"
APP="$RESULT"
echo "app database after the run: $(du -h "$WORK"/.openvod/app.db* | awk '{ sub(".*/", "", $2); printf "%s %s  ", $2, $1 }')"
stop_group "$PGID"

start_server hello "${JVM[@]}" -cp "$BENCH_JAR" io.openvod.bench.load.HelloServer --port 0 --exit-after "$LIFETIME"
drive "bare Jetty" "${BASE_URL}upload-signature"
HELLO="$RESULT"
stop_group "$PGID"

echo
echo "$CONCURRENCY connections, $USERS user(s), $WARMUP s warm-up, $DURATION s measured; latencies in ms; server and driver share $(nproc) cores"
printf '%-12s %10s %9s %9s %9s %9s %7s\n' target "requests/s" p50 p90 p99 max bad
for row in "app:$APP" "bare Jetty:$HELLO"; do
  name="${row%%:\{*}"; json="${row#*:}"
  printf '%-12s %10s %9s %9s %9s %9s %7s\n' "$name" "$(field requestsPerSecond "$json")" "$(field p50Ms "$json")" \
    "$(field p90Ms "$json")" "$(field p99Ms "$json")" "$(field maxMs "$json")" "$(field bad "$json")"
done
awk -v a="$(field requestsPerSecond "$APP")" -v h="$(field requestsPerSecond "$HELLO")" \
  'BEGIN { if (h > 0) printf "ratio app / bare Jetty (requests/s): %.3f (target: at least 0.5)\n", a / h }'
