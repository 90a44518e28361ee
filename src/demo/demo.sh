#!/usr/bin/env bash
# The whole product in one command: installs the archetype, generates a project, starts its line
# server, runs the app and types a few lines into the server, then closes it; the app prints the
# lines batch by batch and stops by itself. Needs Java 17+, Maven and netcat.
#
# Usage: src/demo/demo.sh [port]      (default 9999; the project lands in target/demo/)
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/generate.sh

PORT=${1:-9999}
DEMO=target/demo
APP=$DEMO/socket-demo
TIMEOUT=180

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Installing the archetype $ARCHETYPE_VERSION (tests skipped; 'mvn verify' runs them)"
install_archetype

step "Generating a project: appName 'Socket Demo', port $PORT"
rm -rf "$DEMO" && mkdir -p "$DEMO"
generate "$DEMO" -DgroupId=com.example -DartifactId=socket-demo -Dversion=0.1.0-SNAPSHOT \
  -DappName="Socket Demo" -Dhost=localhost -Dport="$PORT"
find "$APP" -type f -not -path '*/.mvn/*' | sed "s|^$APP/|  |" | sort

step "Starting the line server: scripts/netcat-server.sh (what you would type into is a pipe here)"
mkfifo "$DEMO/typed"
"$APP/scripts/netcat-server.sh" "$PORT" < "$DEMO/typed" &
SERVER=$!
exec 3> "$DEMO/typed"
cleanup() { exec 3>&- || true; kill "$SERVER" 2> /dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 $((TIMEOUT * 5))); do
  (exec 4<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null && break
  sleep 0.2
done

step "Running the app: mvn -q compile exec:java (in $APP)"
(cd "$APP" && mvn -q -B compile exec:java) 2>&1 | tee "$DEMO/app.log" &
APP_PID=$!

wait_for() {
  for _ in $(seq 1 $((TIMEOUT * 5))); do
    grep -q -- "$1" "$DEMO/app.log" 2> /dev/null && return 0
    sleep 0.2
  done
  echo "demo: gave up waiting for '$1'" >&2
  exit 1
}

wait_for "Streaming from"
for line in "hello, Spark" "lines typed into netcat..." "...arrive as rows of a streaming DataFrame" "grüße, 你好, नमस्ते"; do
  printf '%s\n' "$line" >&3
  wait_for "$line"
done

step "Closing the line server: the app ends by itself"
cleanup
wait "$APP_PID"
grep -q "closed the connection" "$DEMO/app.log"
step "Done. The project is in $APP; see its README.md"
