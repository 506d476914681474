# Class-data sharing for the launchers, shared by ./openvod and the release's bin/openvod (shipped as
# libexec/cds.sh). Each openvod command has an archive of its own (<command>.jsa): the first run
# after a build or an install writes the classes it loaded to it when the JVM exits (and again when
# the jar or the JDK changed: -XX:+AutoCreateSharedArchive checks), later runs map them instead of
# loading and verifying them again (openvod-bench/RESULTS.md: `openvod dev` reaches its banner in
# about half the time). OPENVOD_JAVA_OPTS=-Xshare:off turns it off.

# The openvod command that the arguments run ("dev", "platform", "users", ...), skipping the global
# options --config FILE and --set PATH=VALUE and other options before it; "other" when there is none
# or it does not look like a command name.
cds_command() {
  while (( $# > 0 )); do
    case "$1" in
      --config|--set)
        (( $# >= 2 )) || break
        shift 2
        ;;
      -*) shift ;;
      *)
        if [[ "$1" =~ ^[a-z][a-z-]*$ ]]; then echo "$1"; else echo other; fi
        return 0
        ;;
    esac
  done
  echo other
}

# Sets CDS_OPTS to the JVM options that map DIR/COMMAND.jsa (and write it when it is missing or stale),
# or to nothing when DIR cannot be created or is not writable: the JVM then runs as it would without,
# never failing to start because of the archive.
#   cds_options DIR COMMAND
cds_options() {
  local dir="$1" command="$2"
  CDS_OPTS=()
  if mkdir -p "$dir" 2>/dev/null && [[ -w "$dir" ]]; then
    CDS_OPTS=("-XX:SharedArchiveFile=$dir/$command.jsa" -XX:+AutoCreateSharedArchive "-Xlog:cds*=off")
  fi
}
