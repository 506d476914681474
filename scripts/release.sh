#!/usr/bin/env bash
# Builds the release an operator installs: openvod-<version>.tar.gz (docs/operations.md#release-and-installation).
#   scripts/release.sh [--no-build] [--output DIR]
# --no-build  take openvod-server/target/openvod-server.jar and target/lib as they are (after ./openvod build)
# --output    where the tarball goes (default: target/release under the checkout)
# Needs a JDK >= 21 (found as ./openvod finds it) and Node.js >= 20 with npm: the review sidecar's
# packages are installed from its committed lock file with `npm ci --omit=dev`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTPUT="$ROOT/target/release"
BUILD=1

die() { echo "release: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --output) [[ $# -ge 2 ]] || die "--output needs a directory"; OUTPUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

# shellcheck source=lib/java.sh
source "$ROOT/scripts/lib/java.sh"
# shellcheck source=lib/prepare.sh
source "$ROOT/scripts/lib/prepare.sh"
use_java || exit 1
command -v npm >/dev/null 2>&1 || die "npm not found: the review sidecar needs Node.js >= 20 with npm"
(( "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" >= 20 )) \
  || die "Node.js $(node --version 2>/dev/null || echo '(none)') is too old: the review sidecar needs Node.js >= 20"

# The project's version: the parent POM's <version>.
VERSION="$(awk '/<artifactId>openvod-parent<\/artifactId>/ { found = 1 }
                found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")"
[[ -n "$VERSION" ]] || die "no version in $ROOT/pom.xml"
NAME="openvod-$VERSION"
TARGET="$ROOT/openvod-server/target"

if (( BUILD )); then
  echo "release: building the runnable jar with $JAVA_HOME ..." >&2
  (cd "$ROOT" && build_run_jar -q >&2) || die "the build failed"
fi
[[ -f "$TARGET/openvod-server.jar" && -d "$TARGET/lib" ]] || die "no $TARGET/openvod-server.jar and lib/: run ./openvod build first"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
DIST="$STAGE/$NAME"
mkdir -p "$DIST"/{bin,libexec,lib,conf,review,systemd,docker}

# The runnable jar; its manifest's class path names lib/*.jar next to it.
cp "$TARGET/openvod-server.jar" "$DIST/lib/"
cp -r "$TARGET/lib" "$DIST/lib/lib"

# The launcher of the installed layout and the JDK discovery and class-data sharing it shares with ./openvod.
cp "$ROOT/packaging/bin/openvod" "$DIST/bin/openvod"
cp "$ROOT/scripts/lib/java.sh" "$DIST/libexec/java.sh"
cp "$ROOT/scripts/lib/cds.sh" "$DIST/libexec/cds.sh"
chmod 755 "$DIST/bin/openvod"

# The review sidecar with its production packages, from the committed lock file.
SIDECAR="$ROOT/openvod-platform/src/main/node/review"
cp "$SIDECAR/server.mjs" "$SIDECAR/package.json" "$SIDECAR/package-lock.json" "$DIST/review/"
echo "release: installing the review sidecar's packages (npm ci --omit=dev) ..." >&2
(cd "$DIST/review" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in the review sidecar"

# The default configuration: the built-in defaults, every line commented out.
{
  cat <<'TXT'
# OpenVOD configuration. Every key below is commented out and shows its built-in default
# (`openvod config show` prints the effective configuration). Uncomment and change what you need;
# keys left out keep their default. Secrets belong in the environment (OPENVOD_<PATH>, see
# `openvod config env`) or in files (secretKeyFile), not here. docs/configuration.md lists them all.
#
TXT
  # (the defaults' own opening comment is left out)
  awk 'body || !/^#/ { body = 1; sub(/ *$/, ""); print "# " $0 }' "$ROOT/openvod-server/src/main/resources/openvod-defaults.yaml"
} > "$DIST/conf/openvod.yaml"

cp "$ROOT"/packaging/systemd/* "$DIST/systemd/"
# Docker: the Dockerfile builds an image from this unpacked release; docker/ holds the compose setup.
cp "$ROOT"/packaging/docker/* "$DIST/docker/"
mv "$DIST/docker/Dockerfile" "$DIST/Dockerfile"
cp "$ROOT/README.md" "$DIST/"
cp -r "$ROOT/docs" "$DIST/docs"
for f in LICENSE LICENSE.txt LICENSE.md NOTICE NOTICE.txt NOTICE.md; do
  if [[ -f "$ROOT/$f" ]]; then cp "$ROOT/$f" "$DIST/"; fi
done
echo "$VERSION" > "$DIST/VERSION"

mkdir -p "$OUTPUT"
TARBALL="$(cd "$OUTPUT" && pwd)/$NAME.tar.gz"
echo "release: writing $TARBALL ..." >&2
tar -C "$STAGE" --owner=0 --group=0 -cf - "$NAME" | gzip -"${OPENVOD_RELEASE_GZIP_LEVEL:-6}" > "$TARBALL.part"
mv "$TARBALL.part" "$TARBALL"
echo "$TARBALL"
