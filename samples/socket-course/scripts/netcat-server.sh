#!/usr/bin/env bash
# A line server for the app, like 'nc -lk PORT': each line typed here goes to the app that connects.
#
# Usage: scripts/netcat-server.sh [port] [bind-address]
#   port          default 9999, the port the app reads by default
#   bind-address  default 127.0.0.1, so only this machine can connect; 0.0.0.0 opens it to all
# Works with OpenBSD netcat, traditional netcat and Nmap's ncat; set NETCAT=/path/to/program
# to choose one. Stop with Ctrl-C.
set -euo pipefail

PORT=9999
BIND=127.0.0.1
if [ $# -gt 2 ]; then
  echo "usage: $0 [port] [bind-address]" >&2
  exit 2
fi
if [ $# -ge 1 ]; then PORT=$1; fi
if [ $# -ge 2 ]; then BIND=$2; fi

case "$PORT" in
  '' | *[!0-9]*) PORT_OK=no ;;
  *) if [ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ]; then PORT_OK=yes; else PORT_OK=no; fi ;;
esac
if [ "$PORT_OK" = no ]; then
  echo "error: port '$PORT' is not a TCP port; give a whole number from 1 to 65535" >&2
  exit 2
fi

# Which netcat is this? They all answer -h, each in its own words.
flavor_of() {
  case "$("$1" -h 2>&1 || true)" in
    *Ncat*) echo ncat ;;
    *OpenBSD*) echo openbsd ;;
    *'[v1.10'*) echo traditional ;;
    *) echo unknown ;;
  esac
}

CHOSEN=$(printenv NETCAT || true)
if [ -n "$CHOSEN" ]; then
  CANDIDATES="$CHOSEN"
else
  CANDIDATES="nc ncat netcat nc.openbsd nc.traditional"
fi
NC=
for candidate in $CANDIDATES; do
  if command -v "$candidate" > /dev/null 2>&1; then
    NC=$(command -v "$candidate")
    break
  fi
done
if [ -z "$NC" ]; then
  echo "error: no netcat found (tried: $CANDIDATES). Use the project's line server in Java instead," >&2
  echo "  which needs nothing installed: mvn -q compile exec:java@line-server -Dexec.args=$PORT" >&2
  echo "  (no Maven: ./mvnw -q compile exec:java@line-server -Dexec.args=$PORT). Or install a netcat:" >&2
  echo "  Debian/Ubuntu: sudo apt-get install netcat-openbsd" >&2
  echo "  Fedora/RHEL:   sudo dnf install nmap-ncat" >&2
  echo "  macOS:         netcat is already there as nc" >&2
  exit 127
fi

FLAVOR=$(flavor_of "$NC")
echo "Line server on $BIND:$PORT using $NC ($FLAVOR netcat). Type lines; Ctrl-C stops." >&2
case "$FLAVOR" in
  openbsd | ncat | unknown)
    # -l listen, -k keep listening after a client leaves, so the app can be restarted.
    exec "$NC" -l -k "$BIND" "$PORT"
    ;;
  traditional)
    # Traditional netcat has no -k: listen again each time a client leaves.
    while "$NC" -l -s "$BIND" -p "$PORT"; do
      echo "The client left; listening again on $BIND:$PORT." >&2
    done
    ;;
esac
