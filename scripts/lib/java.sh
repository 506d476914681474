# Shared by ./openvod and the benchmark script: finds a JDK >= $MIN_JAVA (default 21).
# Looks at $OPENVOD_JAVA_HOME, $JAVA_HOME, java on PATH, then /usr/lib/jvm/* (newest first).
# Usage: source scripts/lib/java.sh; JAVA="$(find_java)" || ...
MIN_JAVA="${MIN_JAVA:-21}"

# Prints the major version of the java executable $1 (8 for "1.8.0_x", 25 for "25.0.1").
java_major() {
  local line version
  line="$("$1" -version 2>&1 | head -n 1)" || return 1
  version="$(sed -n 's/.*version "\([^"]*\)".*/\1/p' <<<"$line")"
  [[ -n "$version" ]] || return 1
  if [[ "$version" == 1.* ]]; then version="${version#1.}"; fi
  echo "${version%%[.+-]*}"
}

find_java() {
  local candidates=() candidate major
  [[ -n "${OPENVOD_JAVA_HOME:-}" ]] && candidates+=("$OPENVOD_JAVA_HOME/bin/java")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  # Newest first: version-sort the JDK directories in descending order.
  while IFS= read -r dir; do candidates+=("$dir/bin/java"); done \
    < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -V -r)
  for candidate in "${candidates[@]}"; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate" 2>/dev/null)" || continue
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= MIN_JAVA )); then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Sets JAVA to a JDK >= $MIN_JAVA and exports its JAVA_HOME (for the Maven Wrapper); fails with a message otherwise.
use_java() {
  JAVA="$(find_java)" || {
    echo "no JDK ${MIN_JAVA} or newer found (looked at \$OPENVOD_JAVA_HOME, \$JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. Temurin 21+, and set JAVA_HOME." >&2
    return 1
  }
  JAVA_HOME="$(cd "$(dirname "$(readlink -f "$JAVA")")/.." && pwd)"
  export JAVA JAVA_HOME
}
