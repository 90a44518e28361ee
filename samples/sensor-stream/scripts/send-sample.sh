#!/usr/bin/env bash
# Replays a file of sample data into a line server on 127.0.0.1 at a steady rate, for lessons
# without typing: start this, then the app; the lines arrive, and at the end of the file the
# server closes the connection, which ends the app.
#
# Usage: scripts/send-sample.sh FILE [lines-per-second] [port]   (defaults: 5, 7777)
# Example: scripts/send-sample.sh data/sensors.csv 10
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 FILE [lines-per-second] [port]; sample files: $(ls data | tr '\n' ' ')" >&2
  exit 2
fi
FILE=$1
RATE=5
PORT=7777
if [ $# -ge 2 ]; then RATE=$2; fi
if [ $# -ge 3 ]; then PORT=$3; fi
if [ ! -r "$FILE" ]; then
  echo "error: cannot read '$FILE'; sample files: $(ls data | tr '\n' ' ')" >&2
  exit 2
fi
case "$FILE" in
  *' '*) echo "error: '$FILE' has a space in its path; copy it to a path without one" >&2; exit 2 ;;
esac

# Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
MVN=mvn
command -v mvn > /dev/null || MVN=./mvnw
# The Java line server (support/JavaLineServer) waits for the app before it sends the first line.
exec "$MVN" -q compile exec:java@line-server "-Dexec.args=--file $FILE --rate $RATE $PORT"
