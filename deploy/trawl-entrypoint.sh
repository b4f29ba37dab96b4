#!/bin/sh
# The image's `trawl`: the CLI from /opt/trawl, with the same JVM flags as the ./trawl launcher.
# TRAWL_JAVA_OPTS adds flags, e.g. -XX:MaxRAMPercentage=75.
set -eu
# shellcheck disable=SC2086 # TRAWL_JAVA_OPTS is a list of flags.
exec java --enable-native-access=ALL-UNNAMED ${TRAWL_JAVA_OPTS:-} -jar /opt/trawl/trawl.jar "$@"
