# Shared by the benchmarks that start `openvod dev` (dev-startup.sh, fresh-clone.sh). Source it.

now_ms() { local t="${EPOCHREALTIME/[.,]/}"; echo $(( 10#$t / 1000 )); }

# True when URL answers 200 within a second.
ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true)" == 200 ]]; }

# await_dev_ready SCRIPT PID LOG [LINE_PREFIX]
# Reads the platform's and the web page's URLs from the dev banner in LOG (each line may start with
# LINE_PREFIX, a sed regular expression), then waits until the platform's /health/ready and the
# app's /api/v1/health/ready answer 200. Exits with the log when the process PID ends first.
await_dev_ready() {
  local script="$1" pid="$2" log="$3" prefix="${4:-}" platform="" app=""
  until [[ -n "$platform" && -n "$app" ]]; do
    platform="$(sed -n "s#^${prefix}  platform UGC upload: *\(http://[^/]*\)/.*#\1#p" "$log")"
    app="$(sed -n "s#^${prefix}  web page: *\(http://[^ ]*\)/.*#\1#p" "$log")"
    sleep 0.01
  done
  until ready "$platform/health/ready" && ready "$app/api/v1/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "$script: openvod dev exited; its log ($log):" >&2; cat "$log" >&2; exit 1; }
    sleep 0.02
  done
}
