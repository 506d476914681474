# Shared by ./openvod, scripts/release.sh and the benchmark scripts: building the runnable jar and
# installing the npm packages of a checkout. Needs $ROOT (the checkout) and, for build_run_jar, a
# JAVA_HOME (scripts/lib/java.sh: use_java).

# The runnable jar, openvod-server/target/openvod-server.jar with its dependencies in target/lib/:
# the modules it needs and nothing a run does not (openvod-bench/RESULTS.md, "first ./openvod dev"):
# - -Dmaven.test.skip=true compiles no tests and packages no test jars (the modules' test-fixtures
#   profiles then leave the other modules' test jars out); the tests' compilation was half the build;
#   -DskipTests as well, so that no test execution runs test classes an earlier build left in
#   target/test-classes (the fuzz execution's skip is its own, ${skipFuzz}, not maven.test.skip);
# - -T 1C builds independent modules at the same time, one thread per core (signature with core,
#   then app, platform and client);
# - Maven's JVM runs with the C1 compiler only and the serial collector: the build is too short for
#   C2's optimisations to repay the CPU time they take, which was half of the build's on 2 cores.
# MAVEN_OPTS given by the caller come after these, so they win. Extra arguments go to Maven.
build_run_jar() {
  MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${MAVEN_OPTS:-}" \
    "$ROOT/mvnw" -B -Dmaven.test.skip=true -DskipTests -T 1C -pl openvod-server -am package "$@"
}

# Tenths of a second since the epoch, for "... in 12.3 s" messages.
tenths_now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    local micros="${EPOCHREALTIME/[.,]/}"
    echo $(( 10#$micros / 100000 ))
  else
    date +%s%1N
  fi
}

# "12.3" for the tenths of a second since $1 (a tenths_now).
seconds_since() {
  local tenths=$(( $(tenths_now) - $1 ))
  echo "$(( tenths / 10 )).$(( tenths % 10 ))"
}

# Whether the npm packages in DIR need `npm ci`: none installed, installed before package-lock.json
# changed, or an npm ci that did not finish (npm writes node_modules/.package-lock.json last).
npm_ci_needed() {
  local dir="$1"
  [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" \
     || ! -f "$dir/node_modules/.package-lock.json" ]]
}

# How OpenVOD runs `npm ci`. No package it installs needs an install script (the only one with a
# script, core-js, prints a banner), so scripts are not run; npm's own notes and warnings (newer npm
# warns about every package that has a script) are held back, its errors are not.
NPM_CI=(npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# `npm ci` in DIR from its lock file, npm's output on standard error; marks node_modules as
# installed (newer than the lock file) when it succeeds. Answers npm's status.
npm_ci() {
  (cd "$1" && "${NPM_CI[@]}" >&2) && touch "$1/node_modules"
}

# Whether the content-review sidecar in DIR should be installed now: its packages need npm ci and
# npm is there. Without Node.js >= 20 it only warns: everything but content review works (reviews
# then fail with FailedOperation.ReviewUnavailable, and the review tests fail saying to run npm ci).
review_sidecar_install_wanted() {
  local dir="$1" major
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "openvod: warning: node/npm not found; content review needs Node.js >= 20 (then: cd $dir && npm ci)" >&2
    return 1
  fi
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if (( major < 20 )); then
    echo "openvod: warning: Node.js $(node --version 2>/dev/null) is too old; content review needs Node.js >= 20" >&2
  fi
  npm_ci_needed "$dir"
}

# Brings the checkout up to date for a command, the two slow steps at the same time: `build_jar`
# (defined by the caller: builds the runnable jar, its output on standard error, non-zero status on
# failure) when $1 is 1, and the content-review sidecar in $2 (npm ci) when it is not installed. The
# build is mostly CPU, npm ci mostly disk: together they take little more than the build alone.
# npm's output is held back and printed after the build's, so the two never interleave; each step
# ends with a line saying how long it took. A failed npm ci only warns (the sidecar is then
# unavailable); a failed build waits for npm ci to finish (so the packages are complete, not
# half-written) and answers the build's status. npm ci runs in a session of its own (setsid), so
# that a terminal's Ctrl-C stops the build while the trap here stops npm ci (and its children).
prepare_checkout() {
  local build="$1" sidecar="$2" npm_dir="" npm_pid="" started status=0 npm_status=0 new_session=()
  started="$(tenths_now)"
  if [[ -n "$sidecar" ]] && review_sidecar_install_wanted "$sidecar"; then
    echo "openvod: installing the content-review sidecar (npm ci in $sidecar) ..." >&2
    if ! npm_dir="$(mktemp -d "${TMPDIR:-/tmp}/openvod-npm-ci.XXXXXX")"; then
      # Nowhere to hold npm's output back: npm ci first, then the build.
      npm_ci "$sidecar" || echo "openvod: warning: npm ci failed in $sidecar; content review will be unavailable" >&2
    fi
  fi
  if [[ -n "$npm_dir" ]]; then
    if command -v setsid >/dev/null 2>&1; then new_session=(setsid); fi
    # shellcheck disable=SC2016 # $1 and $status belong to the inner shell.
    (cd "$sidecar" && exec ${new_session[@]+"${new_session[@]}"} bash -c \
      '"${@:2}"; status=$?; date +%s%1N >"$1"; exit "$status"' npm-ci "$npm_dir/ended" "${NPM_CI[@]}") \
      >"$npm_dir/output" 2>&1 </dev/null &
    npm_pid=$!
    trap "kill -TERM -- -$npm_pid 2>/dev/null || kill -TERM $npm_pid 2>/dev/null; rm -rf '$npm_dir'; exit 130" INT
    trap "kill -TERM -- -$npm_pid 2>/dev/null || kill -TERM $npm_pid 2>/dev/null; rm -rf '$npm_dir'; exit 143" TERM
  fi
  if (( build )); then
    if build_jar; then
      echo "openvod: built the runnable jar in $(seconds_since "$started") s" >&2
    else
      status=$?
    fi
  fi
  if [[ -n "$npm_pid" ]]; then
    wait "$npm_pid" || npm_status=$?
    trap - INT TERM
    # npm's own output (e.g. "added 76 packages in 9s"), then whether it worked and how long it took.
    cat "$npm_dir/output" >&2
    if (( npm_status == 0 )) && touch "$sidecar/node_modules"; then
      local ended
      ended="$(cat "$npm_dir/ended" 2>/dev/null || tenths_now)"
      echo "openvod: installed the content-review sidecar in $(( (ended - started) / 10 )).$(( (ended - started) % 10 )) s" >&2
    else
      echo "openvod: warning: npm ci failed in $sidecar; content review will be unavailable" >&2
    fi
    rm -rf "$npm_dir"
  fi
  return "$status"
}
