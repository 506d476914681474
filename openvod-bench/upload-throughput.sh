#!/usr/bin/env bash
# Upload throughput: a multipart upload through the platform against `curl -T` to a bare-Jetty PUT sink.
#   openvod-bench/upload-throughput.sh [-s SIZE_MIB] [-r ROUNDS] [-p PARALLEL] [--part-mib N] [--client socket|jdk]
#                                      [--warmup-mib N] [--sha256] [--content-md5] [--keep-data] [--no-build]
# Defaults: a 1024 MiB file, 3 rounds, 6 parts of 8 MiB in flight, like the web SDK (env UPLOAD_SIZE_MIB,
# UPLOAD_ROUNDS, UPLOAD_PARALLEL, UPLOAD_PART_MIB, UPLOAD_WARMUP_MIB; UPLOAD_HEAP sets the fixed heap of both servers,
# default 512m; UPLOAD_PLATFORM_OPTS adds JVM options to the platform server's, e.g.
# -XX:StartFlightRecording=filename=/tmp/platform.jfr,settings=profile). --client jdk sends the parts
# through java.net.http.HttpClient instead of sendfile on plain sockets (see UploadDriver). --content-md5
# sends each part's Content-MD5, as OpenVOD's own client does (taken before each upload's clock starts).
# In openvod-bench/target/upload-bench/ (the repository's disk) it writes a file of random bytes and
# starts two servers, each its own JVM with the same heap: io.openvod.bench.upload.PlatformUploadServer
# (the platform node: UGC + COS API, SQLite, local disk store, ffprobe on Commit) and
# io.openvod.bench.upload.PutSinkServer (bare Jetty streaming a PUT body to a file, fsync at the end).
# Before the rounds, each server gets two uploads of the first N MiB of the file, not measured
# (--warmup-mib, default the whole file): the platform's per-request code is compiled by the JIT over
# its first few hundred parts (its CPU per GiB falls from 4-7 s on the first GiB after start to
# about 3.3 s from the third on), and the rounds measure a server that has run; --warmup-mib 64
# measures one that has just started. Each round uploads the file once through the platform with
# io.openvod.bench.upload.UploadDriver
# (sign, Apply, Initiate, parts, Complete, Commit; the stored size is checked, with --sha256 also
# the content) and once with `curl -T` to the sink, alternating which goes first; the stored copies
# are deleted after each round. For every upload it records the wall time, the server's CPU time
# (/proc), the client's CPU time, and the server's heap: sampled used heap (jstat, every 200 ms)
# and the heap left after each garbage collection (-Xlog:gc); after the last round, the heap each
# server keeps after a full collection (jcmd GC.run). It prints the medians and the ratio
# platform / curl of the medians' MiB/s. Everything it starts is stopped and its data deleted on exit
# (--keep-data keeps the folder); each server also stops by itself after 2 hours. JSON lines are
# appended to openvod-bench/target/upload-throughput.jsonl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"

SIZE_MIB="${UPLOAD_SIZE_MIB:-1024}"
ROUNDS="${UPLOAD_ROUNDS:-3}"
PARALLEL="${UPLOAD_PARALLEL:-6}"
PART_MIB="${UPLOAD_PART_MIB:-8}"
HEAP="${UPLOAD_HEAP:-512m}"
WARMUP_MIB="${UPLOAD_WARMUP_MIB:-}"
CLIENT=socket
BUILD=1
SHA=()
MD5=()
KEEP=0
while (( $# > 0 )); do
  case "$1" in
    -s|--size-mib) SIZE_MIB="$2"; shift 2 ;;
    -r|--rounds) ROUNDS="$2"; shift 2 ;;
    -p|--parallel) PARALLEL="$2"; shift 2 ;;
    --part-mib) PART_MIB="$2"; shift 2 ;;
    --warmup-mib) WARMUP_MIB="$2"; shift 2 ;;
    --client) CLIENT="$2"; shift 2 ;;
    --sha256) SHA=(--sha256); shift ;;
    --content-md5) MD5=(--content-md5); shift ;;
    --keep-data) KEEP=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "upload-throughput.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
WARMUP_MIB="${WARMUP_MIB:-$SIZE_MIB}"
for n in "$SIZE_MIB" "$ROUNDS" "$PARALLEL" "$PART_MIB" "$WARMUP_MIB"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "upload-throughput.sh: not a positive number: $n" >&2; exit 2; }
done
[[ "$CLIENT" == socket || "$CLIENT" == jdk ]] || { echo "upload-throughput.sh: --client takes socket or jdk" >&2; exit 2; }
command -v curl >/dev/null || { echo "upload-throughput.sh: curl is needed" >&2; exit 1; }

use_java
cd "$ROOT"
if (( BUILD )); then
  ./mvnw -q -B -DskipTests -pl openvod-bench -am package
fi
BENCH_JAR="$ROOT/openvod-bench/target/benchmarks.jar"
RESULTS="$ROOT/openvod-bench/target/upload-throughput.jsonl"
# The JDK's own tools, which match the servers' JVM (another jstat on PATH may not read it).
JSTAT="$JAVA_HOME/bin/jstat"
JVM=("$JAVA" "-Xms$HEAP" "-Xmx$HEAP")
LIFETIME=7200
MIB=1048576
BYTES=$(( SIZE_MIB * MIB ))

mkdir -p "$ROOT/openvod-bench/target/upload-bench"
WORK="$(mktemp -d "$ROOT/openvod-bench/target/upload-bench/run.XXXXXX")"
GROUPS_STARTED=()
SAMPLER=""
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
  [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true
  for pgid in "${GROUPS_STARTED[@]}"; do stop_group "$pgid"; done
  GROUPS_STARTED=()
  if (( KEEP )); then echo "data kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME COMMAND...: starts it in $WORK, waits for its "http://HOST:PORT/ (pid N" line,
# sets PGID, BASE_URL and JVM_PID.
start_server() {
  local name="$1" i line
  shift
  (cd "$WORK" && exec setsid timeout "$LIFETIME" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err") &
  PGID=$!
  GROUPS_STARTED+=("$PGID")
  for (( i = 0; i < 600; i++ )); do
    line="$(grep -m 1 'http://[0-9.]*:[0-9]*/ (pid [0-9]*' "$WORK/$name.out" 2>/dev/null || true)"
    if [[ -n "$line" ]]; then
      BASE_URL="$(grep -o 'http://[0-9.]*:[0-9]*/' <<<"$line")"
      JVM_PID="$(sed -n 's/.*(pid \([0-9]*\).*/\1/p' <<<"$line")"
      return 0
    fi
    kill -0 "$PGID" 2>/dev/null || break
    sleep 0.1
  done
  echo "upload-throughput.sh: $name did not start; its output:" >&2
  tail -n 20 "$WORK/$name.out" "$WORK/$name.err" >&2
  exit 1
}

# CPU time (user + system) of a process so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS="$(getconf CLK_TCK)"

# heap_start PID: samples the JVM's heap every 200 ms in the background (jstat -gc, KiB).
heap_start() {
  "$JSTAT" -gc "$1" 200 >"$WORK/jstat.out" 2>/dev/null &
  SAMPLER=$!
  sleep 1 # let jstat start before the measured upload does
}
# heap_stop GC_LOG LINES_BEFORE: stops the sampler; sets HEAP_PEAK (MiB, highest sampled used heap),
# GCS (collections during the upload) and HEAP_LIVE (MiB, highest heap left after one of them; - when none ran).
heap_stop() {
  local log="$1" before="$2"
  kill "$SAMPLER" 2>/dev/null || true
  wait "$SAMPLER" 2>/dev/null || true
  SAMPLER=""
  HEAP_PEAK="$(awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $1 ~ /^[0-9.]+$/ { u = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; if (u > m) m = u; last = u }
    END { printf "%.0f", m / 1024 }' "$WORK/jstat.out")"
  GCS="$(tail -n +"$(( before + 1 ))" "$log" | grep -c 'Pause' || true)"
  HEAP_LIVE="$(tail -n +"$(( before + 1 ))" "$log" | sed -n 's/.* [0-9]*M->\([0-9]*\)M([0-9]*M).*/\1/p' | sort -n | tail -n 1)"
  HEAP_LIVE="${HEAP_LIVE:--}"
}
# live_heap PID: runs a full collection in the JVM and prints the heap it leaves, in MiB.
live_heap() {
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  "$JSTAT" -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { printf "%.1f", ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024 }'
}
lines() { wc -l <"$1"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $("$JAVA" -version 2>&1 | head -n 1), heap $HEAP"
echo "disk: $(df -h --output=source,fstype "$WORK" | tail -n 1 | tr -s ' '); data in $WORK"
echo "note: servers, driver and curl share the $(nproc) cores."

echo "writing $SIZE_MIB MiB of random data ..."
head -c "$BYTES" /dev/urandom >"$WORK/data.bin"
if (( WARMUP_MIB >= SIZE_MIB )); then
  WARMUP_MIB="$SIZE_MIB"
  ln -s data.bin "$WORK/warmup.bin"
else
  head -c "$(( WARMUP_MIB * MIB ))" "$WORK/data.bin" >"$WORK/warmup.bin"
fi
SHA_FILE=""
if (( ${#SHA[@]} )); then SHA_FILE="$(sha256sum "$WORK/data.bin" | cut -d' ' -f1)"; fi

# shellcheck disable=SC2086 # UPLOAD_PLATFORM_OPTS is a list of JVM options.
start_server platform "${JVM[@]}" -Xlog:gc:file="$WORK/platform.gc.log" --enable-native-access=ALL-UNNAMED ${UPLOAD_PLATFORM_OPTS:-} \
  -cp "$BENCH_JAR" io.openvod.bench.upload.PlatformUploadServer --dir "$WORK/platform" --exit-after "$LIFETIME"
PLATFORM_URL="$BASE_URL"; PLATFORM_PID="$JVM_PID"
start_server sink "${JVM[@]}" -Xlog:gc:file="$WORK/sink.gc.log" \
  -cp "$BENCH_JAR" io.openvod.bench.upload.PutSinkServer --dir "$WORK/sink" --exit-after "$LIFETIME"
SINK_URL="$BASE_URL"; SINK_PID="$JVM_PID"
echo "platform: $PLATFORM_URL (pid $PLATFORM_PID); bare Jetty sink: $SINK_URL (pid $SINK_PID)"

DRIVER=("${JVM[@]}" -cp "$BENCH_JAR" io.openvod.bench.upload.UploadDriver --url "$PLATFORM_URL"
  --part-mib "$PART_MIB" --parallel "$PARALLEL" --client "$CLIENT")
CURL=(curl -sS -H 'Expect:' -o "$WORK/curl.body" -w '%{http_code} %{time_total}')
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<<"$2"; }
clear_stored() { find "$WORK/platform/objects/objects" -type f -delete 2>/dev/null || true; rm -f "$WORK/sink/"*; }

echo "warm-up: two $WARMUP_MIB MiB uploads to each server (not measured) ..."
for _ in 1 2; do
  "${DRIVER[@]}" --file "$WORK/warmup.bin" --label warm-up >/dev/null 2>"$WORK/driver.err" \
    || { cat "$WORK/driver.err" >&2; exit 1; }
  "${CURL[@]}" -T "$WORK/warmup.bin" "${SINK_URL}warmup" >/dev/null
  clear_stored
done

run_platform() {
  local gc_before cpu_before out
  gc_before="$(lines "$WORK/platform.gc.log")"
  heap_start "$PLATFORM_PID"
  cpu_before="$(cpu_ticks "$PLATFORM_PID")"
  out="$("${DRIVER[@]}" --file "$WORK/data.bin" --warmup-mib 16 --label "platform round $r" --json "${SHA[@]}" "${MD5[@]}" 2>"$WORK/driver.err")" \
    || { cat "$WORK/driver.err" >&2; echo "upload-throughput.sh: the platform upload failed" >&2; exit 1; }
  local cpu_after; cpu_after="$(cpu_ticks "$PLATFORM_PID")"
  heap_stop "$WORK/platform.gc.log" "$gc_before"
  grep -v 'warm-up\]' "$WORK/driver.err" | sed -n '/^\[platform/p' | grep -v ' bytes in ' | sed 's/^/  /'
  P_SEC[r]="$(field seconds "$out")"; P_MIBS[r]="$(field mibPerSecond "$out")"; P_PARTS[r]="$(field partsMibPerSecond "$out")"
  P_COMPLETE[r]="$(field completeMs "$out")"; P_COMMIT[r]="$(field commitMs "$out")"; P_CLIENT[r]="$(field clientCpuSeconds "$out")"
  P_CPU[r]="$(awk -v t="$(( cpu_after - cpu_before ))" -v hz="$TICKS" 'BEGIN { printf "%.2f", t / hz }')"
  P_PEAK[r]="$HEAP_PEAK"; P_LIVE[r]="$HEAP_LIVE"; P_GCS[r]="$GCS"
  echo "  platform server: CPU ${P_CPU[r]} s (includes the driver's 16 MiB warm-up upload); heap peak ${HEAP_PEAK} MiB sampled, $GCS GCs, highest after a GC: ${HEAP_LIVE} MiB"
  echo "${out%\}},\"round\":$r,\"serverCpuSeconds\":${P_CPU[r]},\"heapPeakMiB\":$HEAP_PEAK,\"heapAfterGcMiB\":\"$HEAP_LIVE\",\"gcs\":$GCS,\"heap\":\"$HEAP\"}" >>"$RESULTS"
}

run_curl() {
  local gc_before cpu_before cpu_after w stored
  gc_before="$(lines "$WORK/sink.gc.log")"
  heap_start "$SINK_PID"
  cpu_before="$(cpu_ticks "$SINK_PID")"
  TIMEFORMAT='%U %S'
  { time "${CURL[@]}" -T "$WORK/data.bin" "${SINK_URL}x" >"$WORK/curl.w" 2>"$WORK/curl.err"; } 2>"$WORK/curl.time" \
    || { cat "$WORK/curl.err" >&2; echo "upload-throughput.sh: curl failed" >&2; exit 1; }
  cpu_after="$(cpu_ticks "$SINK_PID")"
  heap_stop "$WORK/sink.gc.log" "$gc_before"
  w="$(cat "$WORK/curl.w")"
  [[ "${w%% *}" == 201 ]] || { echo "upload-throughput.sh: the sink answered ${w%% *}" >&2; exit 1; }
  stored="$(stat -c %s "$WORK/sink/x")"
  [[ "$stored" == "$BYTES" ]] || { echo "upload-throughput.sh: the sink stored $stored bytes, not $BYTES" >&2; exit 1; }
  local sha="not checked"
  if [[ -n "$SHA_FILE" ]]; then
    [[ "$(sha256sum "$WORK/sink/x" | cut -d' ' -f1)" == "$SHA_FILE" ]] && sha=match || { echo "upload-throughput.sh: the sink's copy differs" >&2; exit 1; }
  fi
  C_SEC[r]="$(awk -v t="${w#* }" 'BEGIN { printf "%.3f", t }')"
  C_MIBS[r]="$(awk -v t="${w#* }" -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 / t }')"
  C_CLIENT[r]="$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/curl.time")"
  C_CPU[r]="$(awk -v t="$(( cpu_after - cpu_before ))" -v hz="$TICKS" 'BEGIN { printf "%.2f", t / hz }')"
  C_PEAK[r]="$HEAP_PEAK"; C_LIVE[r]="$HEAP_LIVE"; C_GCS[r]="$GCS"
  echo "  [curl -T round $r] $SIZE_MIB MiB in ${C_SEC[r]} s = ${C_MIBS[r]} MiB/s; stored $stored bytes, SHA-256 $sha; curl CPU ${C_CLIENT[r]} s"
  echo "  bare Jetty sink: CPU ${C_CPU[r]} s; heap peak ${HEAP_PEAK} MiB sampled, $GCS GCs, highest after a GC: ${HEAP_LIVE} MiB"
  echo "{\"label\":\"curl round $r\",\"bytes\":$BYTES,\"seconds\":${C_SEC[r]},\"mibPerSecond\":${C_MIBS[r]},\"clientCpuSeconds\":${C_CLIENT[r]},\"round\":$r,\"serverCpuSeconds\":${C_CPU[r]},\"heapPeakMiB\":$HEAP_PEAK,\"heapAfterGcMiB\":\"$HEAP_LIVE\",\"gcs\":$GCS,\"heap\":\"$HEAP\"}" >>"$RESULTS"
}

declare -a P_SEC P_MIBS P_PARTS P_COMPLETE P_COMMIT P_CLIENT P_CPU P_PEAK P_LIVE P_GCS C_SEC C_MIBS C_CLIENT C_CPU C_PEAK C_LIVE C_GCS
mkdir -p "$(dirname "$RESULTS")"
for (( r = 1; r <= ROUNDS; r++ )); do
  echo "round $r of $ROUNDS (load average $(cut -d' ' -f1 /proc/loadavg)):"
  if (( r % 2 )); then run_platform; clear_stored; run_curl; else run_curl; clear_stored; run_platform; fi
  clear_stored
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "$SIZE_MIB MiB, $ROUNDS rounds; platform: $PARALLEL parts of $PART_MIB MiB in flight ($CLIENT client${MD5[*]:+, Content-MD5 sent}); ceiling: curl -T to bare Jetty; heap $HEAP each"
printf '%-6s %10s %9s %10s %12s %10s %11s %11s | %10s %9s %11s %11s %8s\n' round "platform s" "MiB/s" "parts MiB/s" "complete ms" "commit ms" "server CPU" "driver CPU" "curl s" "MiB/s" "server CPU" "curl CPU" ratio
for (( r = 1; r <= ROUNDS; r++ )); do
  printf '%-6s %10s %9s %10s %12s %10s %11s %11s | %10s %9s %11s %11s %8s\n' "$r" "${P_SEC[r]}" "${P_MIBS[r]}" "${P_PARTS[r]}" \
    "${P_COMPLETE[r]}" "${P_COMMIT[r]}" "${P_CPU[r]}" "${P_CLIENT[r]}" "${C_SEC[r]}" "${C_MIBS[r]}" "${C_CPU[r]}" "${C_CLIENT[r]}" \
    "$(awk -v p="${P_MIBS[r]}" -v c="${C_MIBS[r]}" 'BEGIN { printf "%.3f", p / c }')"
done
PM="$(median <<<"${P_MIBS[*]}")"; CM="$(median <<<"${C_MIBS[*]}")"
printf '%-6s %10s %9s %10s %12s %10s %11s %11s | %10s %9s %11s %11s\n' median "$(median <<<"${P_SEC[*]}")" "$PM" \
  "$(median <<<"${P_PARTS[*]}")" "$(median <<<"${P_COMPLETE[*]}")" "$(median <<<"${P_COMMIT[*]}")" "$(median <<<"${P_CPU[*]}")" \
  "$(median <<<"${P_CLIENT[*]}")" "$(median <<<"${C_SEC[*]}")" "$CM" "$(median <<<"${C_CPU[*]}")" "$(median <<<"${C_CLIENT[*]}")"
echo "heap, MiB (peak sampled per upload; GCs per upload; highest left after a GC during an upload; left after a full GC at the end):"
echo "  platform:   peak ${P_PEAK[*]}; GCs ${P_GCS[*]}; after GC ${P_LIVE[*]}; at the end $(live_heap "$PLATFORM_PID")"
echo "  bare Jetty: peak ${C_PEAK[*]}; GCs ${C_GCS[*]}; after GC ${C_LIVE[*]}; at the end $(live_heap "$SINK_PID")"
awk -v p="$PM" -v c="$CM" 'BEGIN { if (c > 0) printf "ratio platform / curl -T (median MiB/s): %.3f (aim: at least 0.9)\n", p / c }'
