#!/usr/bin/env bash
# The demo and the end-to-end tests drive Debian's Chromium (never a downloaded browser). Install it when it is
# missing and we can (root with apt-get, as on CI and the dev machines); otherwise say exactly what to run.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing at $CHROMIUM: installing Debian's package (apt-get install -y chromium)..." >&2
  apt-get update
  apt-get install -y chromium
  exit 0
fi
echo "Chromium is not installed at $CHROMIUM. Install Debian's package: sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
