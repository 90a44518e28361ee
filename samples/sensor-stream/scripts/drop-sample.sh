#!/usr/bin/env bash
# Drops a sample file into the inbox of lesson 4 piece by piece: a file of some lines every second,
# each written elsewhere first and then moved in whole, since Spark may read a file as soon as it
# appears. Stop it with Ctrl-C whenever you like; run it again to drop more. (No variable here is
# named LINES or COLUMNS: bash sets those to the terminal's size after each command.)
#
# Usage: scripts/drop-sample.sh FILE [lines-per-file] [inbox]   (defaults: 10, data/inbox)
# Example: scripts/drop-sample.sh data/sensors.csv 10
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 FILE [lines-per-file] [inbox]; sample files: $(ls data | tr '\n' ' ')" >&2
  exit 2
fi
FILE=$1
PER_FILE=10
INBOX=data/inbox
if [ $# -ge 2 ]; then PER_FILE=$2; fi
if [ $# -ge 3 ]; then INBOX=$3; fi
if [ ! -f "$FILE" ] || [ ! -r "$FILE" ]; then
  echo "error: cannot read '$FILE'; sample files: $(ls data | tr '\n' ' ')" >&2
  exit 2
fi
case "$PER_FILE" in
  '' | *[!0-9]* | 0) echo "error: lines-per-file '$PER_FILE' is not a whole number from 1 up" >&2; exit 2 ;;
esac

mkdir -p "$INBOX"
# On the same file system as the inbox, so that moving a piece in is one atomic step.
PIECES=$(mktemp -d "$INBOX/../.drop-sample.XXXXXX")
trap 'rm -rf "$PIECES"' EXIT
split -l "$PER_FILE" -a 4 "$FILE" "$PIECES/piece-"
RUN=$(date +%Y%m%d-%H%M%S)
COUNT=0
for piece in "$PIECES"/piece-*; do
  mv "$piece" "$INBOX/$RUN-$(basename "$piece").txt"
  COUNT=$((COUNT + 1))
  echo "dropped $INBOX/$RUN-$(basename "$piece").txt" >&2
  sleep 1
done
echo "Dropped $FILE into $INBOX in $COUNT files of up to $PER_FILE lines." >&2
