#!/usr/bin/env bash
# Builds and runs OpenVOD's JMH benchmarks.
#   openvod-bench/run.sh                 all benchmarks, default iterations
#   openvod-bench/run.sh UploadSignature only benchmarks whose name matches
# Extra arguments go to JMH (e.g. -f 2 -wi 5 -i 10). JSON results: openvod-bench/target/results.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/java.sh
source "$ROOT/scripts/lib/java.sh"
use_java
cd "$ROOT"
./mvnw -q -B -DskipTests -pl openvod-bench -am package
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); JVM: $("$JAVA" -version 2>&1 | head -n 1)"
exec "$JAVA" -jar openvod-bench/target/benchmarks.jar -rf json -rff openvod-bench/target/results.json "$@"
