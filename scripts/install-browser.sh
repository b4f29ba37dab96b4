#!/usr/bin/env bash
# Installs what the Web UI browser test needs, once: Debian's chromium (when /usr/bin/chromium is
# missing) and playwright-core (pinned) from npm into $TRAWL_HOME/tools/browser. Prints that directory.
set -euo pipefail
PLAYWRIGHT_CORE_VERSION=1.65.1
root=$(cd "$(dirname "$0")/.." && pwd)
home=${TRAWL_HOME:-$root/.trawl}
tools=$home/tools/browser
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get install -y --no-install-recommends chromium >&2 \
    || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends chromium >&2; }
fi
if [ ! -f "$tools/node_modules/playwright-core/package.json" ] \
  || ! grep -q "\"version\": \"$PLAYWRIGHT_CORE_VERSION\"" "$tools/node_modules/playwright-core/package.json"; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2)
fi
echo "$tools"
