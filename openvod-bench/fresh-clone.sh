#!/usr/bin/env bash
# First run on a fresh clone: the time from `./openvod dev` in a new `git clone` of this checkout's
# HEAD to both services ready, with Maven's local repository (~/.m2) and npm's cache as they are.
#   openvod-bench/fresh-clone.sh [-n RUNS] [--compare REV] [--keep]
# Commit first: the clone has HEAD, not the working tree. Each run clones into a temporary
# directory, starts `./openvod dev --platform-port 0 --app-port 0 --state CLONE/.openvod` there (its
# working directory, so the databases are in the clone too), stamps each line the launcher and the
# JVM print, watches /proc/PID/comm for the launcher's exec of the JVM (every 10 ms), then polls
# the platform's /health/ready and the app's /api/v1/health/ready until both answer 200 (every
# 20 ms, curl), stops it with SIGTERM, waits for it to end and deletes the clone. --compare REV
# does the same for REV (e.g. 9f587e0) in the same run, alternating which goes first, and prints
# both medians and their ratio. Default: 3 runs (env FRESH_CLONE_RUNS). --keep keeps the clones
# and logs (their directory is printed).
#
# Phases per run: "build" and "npm ci" are the launcher's own figures ("built the runnable jar in
# X s", "installed the content-review sidecar in Y s"; they overlap when both run); for a launcher
# without them (before both ran together) build = its npm message − its build message and npm ci =
# JVM exec − npm message. "prep" = start → JVM exec; "banner"/"ready" = JVM exec → banner / both
# ready; "total" = start → both ready.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/dev-ready.sh
source "$ROOT/openvod-bench/lib/dev-ready.sh"

RUNS="${FRESH_CLONE_RUNS:-3}"
COMPARE=""
KEEP=0
while (( $# > 0 )); do
  case "$1" in
    -n|--runs) RUNS="$2"; shift 2 ;;
    --compare) COMPARE="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "fresh-clone.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "fresh-clone.sh: not a positive number: $RUNS" >&2; exit 2; }

HEAD_REV="$(git -C "$ROOT" rev-parse HEAD)"
REVS=("$HEAD_REV")
if [[ -n "$COMPARE" ]]; then
  REVS+=("$(git -C "$ROOT" rev-parse --verify "$COMPARE^{commit}")") || { echo "fresh-clone.sh: no commit $COMPARE" >&2; exit 2; }
fi
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]]; then
  echo "fresh-clone.sh: note: uncommitted changes are not in the clones (they have HEAD $HEAD_REV)" >&2
fi

WORK="$(mktemp -d)"
PID=""
cleanup() {
  if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if (( KEEP )); then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each line of standard input with the milliseconds since $1 in front.
stamp() { local line; while IFS= read -r line; do echo "$(( $(now_ms) - $1 )) $line"; done; }
# The stamp of the first line of log $1 matching the extended regex $2 (empty when none).
at() { sed -E -n "s/^([0-9]+) ($2).*/\1/p" "$1" | head -n 1; }
# The seconds in the first "... in X s" line of log $1 matching $2, in ms (empty when none).
took() { sed -E -n "s/^[0-9]+ $2 in ([0-9]+)\.([0-9]) s$/\1\2/p" "$1" | head -n 1 | awk 'NF { print $1 * 100 }'; }
secs() { if [[ -z "$1" ]]; then echo "-"; else awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; fi; }

# One first run of revision $1 (run $2): sets RESULT to "total prep build npm banner ready" in ms (x = not seen).
first_run() {
  local rev="$1" run="$2" dir log start jvm="" banner="" readyms
  dir="$WORK/${rev:0:7}.$run"
  log="$WORK/${rev:0:7}.$run.log"
  git clone -q "$ROOT" "$dir"
  git -C "$dir" checkout -q --detach "$rev"
  start="$(now_ms)"
  (cd "$dir" && exec ./openvod dev --platform-port 0 --app-port 0 --state "$dir/.openvod") \
    > >(stamp "$start" >"$log") 2>&1 &
  PID=$!
  local deadline=$(( start + 900000 ))
  until [[ -n "$banner" ]]; do
    if [[ -z "$jvm" && "$(cat "/proc/$PID/comm" 2>/dev/null)" == java ]]; then jvm=$(( $(now_ms) - start )); fi
    banner="$(at "$log" 'openvod dev is running')"
    [[ -n "$banner" ]] && break
    kill -0 "$PID" 2>/dev/null || { echo "fresh-clone.sh: openvod dev exited; its log ($log):" >&2; cat "$log" >&2; exit 1; }
    (( $(now_ms) < deadline )) || { echo "fresh-clone.sh: no banner after 900 s; log: $log" >&2; exit 1; }
    sleep 0.01
  done
  await_dev_ready fresh-clone.sh "$PID" "$log" '[0-9]* *'
  readyms=$(( $(now_ms) - start ))
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  sleep 0.2 # the stamping of the last lines
  local build npm b n
  build="$(took "$log" 'openvod: built the runnable jar')"
  npm="$(took "$log" 'openvod: installed the content-review sidecar')"
  b="$(at "$log" 'openvod: building the runnable jar')"
  n="$(at "$log" 'openvod: installing the content-review sidecar')"
  if [[ -z "$build" && -n "$b" && -n "$n" && "$n" -gt "$b" ]]; then build=$(( n - b )); fi
  if [[ -z "$npm" && -n "$n" && -n "$jvm" ]]; then npm=$(( jvm - n )); fi
  if (( ! KEEP )); then rm -rf "$dir" "$log"; fi
  RESULT="$readyms ${jvm:-x} ${build:-x} ${npm:-x} $(( banner - ${jvm:-0} )) $(( readyms - ${jvm:-0} ))"
}

median() { printf '%s\n' "$@" | grep -v '^x$' | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "started: ./openvod dev in a fresh clone of ${REVS[*]}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); uptime: $(uptime)"
printf '%-4s %-8s %8s %8s %8s %8s %8s %8s\n' run rev "total s" "prep s" "build s" "npm s" "banner s" "ready s"
declare -A ALL
RESULT=""
for (( run = 1; run <= RUNS; run++ )); do
  order=("${REVS[@]}")
  if (( ${#REVS[@]} == 2 && run % 2 == 0 )); then order=("${REVS[1]}" "${REVS[0]}"); fi
  for rev in "${order[@]}"; do
    first_run "$rev" "$run"
    read -r total prep build npm banner readyms <<<"$RESULT"
    printf '%-4s %-8s %8s %8s %8s %8s %8s %8s\n' "$run" "${rev:0:7}" "$(secs "$total")" "$(secs "${prep/x/}")" \
      "$(secs "${build/x/}")" "$(secs "${npm/x/}")" "$(secs "$banner")" "$(secs "$readyms")"
    ALL[$rev.total]+="$total "; ALL[$rev.prep]+="$prep "; ALL[$rev.build]+="$build "
    ALL[$rev.npm]+="$npm "; ALL[$rev.banner]+="$banner "; ALL[$rev.ready]+="$readyms "
  done
done
for rev in "${REVS[@]}"; do
  line="median of $RUNS (${rev:0:7}):"
  for k in total prep build npm banner ready; do
    # shellcheck disable=SC2086 # the lists are space-separated numbers.
    line+=" $k $(secs "$(median ${ALL[$rev.$k]})") s,"
  done
  echo "${line%,}"
  # shellcheck disable=SC2086
  echo "  spread of total: $(printf '%s\n' ${ALL[$rev.total]} | sort -n | awk '{ printf "%s%.1f", (NR > 1 ? " " : ""), $1 / 1000 }') s"
done
if (( ${#REVS[@]} == 2 )); then
  # shellcheck disable=SC2086
  echo "ratio of the medians (${HEAD_REV:0:7} / ${REVS[1]:0:7}): $(awk -v a="$(median ${ALL[${REVS[0]}.total]})" -v b="$(median ${ALL[${REVS[1]}.total]})" 'BEGIN { printf "%.2f", a / b }')"
fi
echo "uptime after: $(uptime)"
