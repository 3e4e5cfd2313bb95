#!/usr/bin/env bash
# The Firefox half of the demo and the end-to-end tests drives Debian's Firefox ESR (never a downloaded browser).
# Install it when it is missing and we can (root with apt-get, as on CI and the dev machines); otherwise say exactly
# what to run.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$FIREFOX" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Firefox is missing at $FIREFOX: installing Debian's package (apt-get install -y firefox-esr)..." >&2
  apt-get update
  apt-get install -y firefox-esr
  exit 0
fi
echo "Firefox is not installed at $FIREFOX. Install Debian's package: sudo apt-get update && sudo apt-get install -y firefox-esr" >&2
exit 1
