#!/usr/bin/env bash
# Installs what the TLS end-to-end test needs, once: Debian's nginx (a TLS-terminating gRPC proxy
# in front of the Temporal dev server) when no nginx binary is there. Prints the binary's path.
set -euo pipefail
find_nginx() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true
}
nginx_bin=$(find_nginx)
if [ -z "$nginx_bin" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  # nginx-light (bookworm) carries ssl, http2 and grpc_pass; newer Debian only has nginx itself.
  # The package's service is never started here: the test runs its own nginx on a free port.
  install() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2; }
  install nginx-light || install nginx \
    || { $sudo apt-get update >&2 && { install nginx-light || install nginx; }; }
  nginx_bin=$(find_nginx)
fi
if [ -z "$nginx_bin" ]; then
  echo "install-nginx.sh: could not install nginx with apt-get" >&2
  exit 1
fi
echo "$nginx_bin"
