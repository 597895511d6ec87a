#!/usr/bin/env bash
# make test-deploy: the shipped deployment (deploy/) run behind Debian's nginx
# with a self-signed certificate, and checked through it (scripts/check_deploy.py).
#
# Installs Debian's nginx and openssl when they are missing: as root
# (or with sudo) on Debian 12, `apt-get update` first. The installed package's
# own service is not used: nginx runs with the test's configuration in a
# temporary directory, on free high ports of 127.0.0.1, and is stopped with
# everything else at the end. Bounded: TEST_DEPLOY_TIMEOUT seconds (600).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
else
  SUDO=()
fi

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-deploy: installing ${missing[*]}"
  "${SUDO[@]}" apt-get update
  # Debian 12's nginx has http_ssl and limit_req (nginx-light there is only nginx plus an echo module).
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
exec timeout --kill-after=15 "${TEST_DEPLOY_TIMEOUT:-600}" "$PY" scripts/check_deploy.py --nginx "$NGINX" "$@"
