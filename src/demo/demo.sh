#!/usr/bin/env bash
# The whole product in one command: installs the archetype, generates a project, starts its line
# server, runs the app and types a few lines into the server, then closes it; the app prints the
# lines batch by batch and stops by itself. Needs Java 17+ and Maven. The line server is netcat
# (scripts/netcat-server.sh) where there is one, else the project's Java line server.
#
# Usage: src/demo/demo.sh [port]      (default 9999; the project lands in target/demo/)
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/generate.sh

PORT=${1:-9999}
DEMO=target/demo
APP=$DEMO/socket-demo

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() {
  echo "demo: $*" >&2
  exit 1
}

step "Installing the archetype $ARCHETYPE_VERSION (tests skipped; 'mvn verify' runs them)"
install_archetype

step "Generating a project: appName 'Socket Demo', port $PORT"
rm -rf "$DEMO" && mkdir -p "$DEMO"
generate "$DEMO" -DgroupId=com.example -DartifactId=socket-demo -Dversion=0.1.0-SNAPSHOT \
  -DappName="Socket Demo" -Dhost=localhost -Dport="$PORT"
find "$APP" -type f -not -path '*/.mvn/*' | sed "s|^$APP/|  |" | sort

step "Compiling it: mvn -q compile (the first time, Maven downloads Spark)"
(cd "$APP" && mvn -q -B compile)

# What you would type into the line server is a pipe here: the server reads it, the demo writes it.
mkfifo "$DEMO/typed"
SERVER=
APP_PID=
TAIL=
cleanup() {
  exec 3>&- || true
  for pid in $SERVER $APP_PID $TAIL; do kill "$pid" 2> /dev/null || true; done
}
trap cleanup EXIT

# Waits up to $2 seconds for the port to listen, while process $1 lives; returns 1 if it died.
await_listening() {
  for _ in $(seq 1 $(($2 * 5))); do
    kill -0 "$1" 2> /dev/null || return 1
    (exec 4<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null && return 0
    sleep 0.2
  done
  fail "the line server did not listen on port $PORT within $2 s (see $DEMO/server.log)"
}

step "Starting the line server: scripts/netcat-server.sh $PORT"
"$APP/scripts/netcat-server.sh" "$PORT" < "$DEMO/typed" > "$DEMO/server.log" 2>&1 &
SERVER=$!
exec 3> "$DEMO/typed"
if ! await_listening "$SERVER" 10; then
  sed 's/^/  /' "$DEMO/server.log"
  step "No netcat here: the project's Java line server instead, mvn -q exec:java@line-server"
  (cd "$APP" && exec mvn -q -B exec:java@line-server -Dexec.args="$PORT") < "$DEMO/typed" > "$DEMO/server.log" 2>&1 &
  SERVER=$!
  await_listening "$SERVER" 60 || fail "the Java line server ended: $(cat "$DEMO/server.log")"
fi
sed 's/^/  /' "$DEMO/server.log"

step "Running lesson 1: mvn -q exec:java@echo (in $APP)"
: > "$DEMO/app.log" # created here: the background app's redirection may come after tail starts
(cd "$APP" && exec mvn -q -B exec:java@echo) >> "$DEMO/app.log" 2>&1 &
APP_PID=$!
tail -n +1 -f "$DEMO/app.log" &
TAIL=$!

# Waits up to $2 seconds for the app to print $1; fails at once if the app or the server ends.
await_output() {
  for _ in $(seq 1 $(($2 * 5))); do
    grep -q -- "$1" "$DEMO/app.log" && return 0
    kill -0 "$APP_PID" 2> /dev/null || fail "the app ended before printing '$1' (see $DEMO/app.log)"
    kill -0 "$SERVER" 2> /dev/null || fail "the line server ended (see $DEMO/server.log)"
    sleep 0.2
  done
  fail "the app did not print '$1' within $2 s (see $DEMO/app.log)"
}

# The first batch comes once the app has connected to the server: lines typed from then on reach it.
await_output "Batch: 0" 120
for line in "hello, Spark" "lines typed into the server..." "...arrive as rows of a streaming DataFrame" "grüße, 你好, नमस्ते"; do
  printf '%s\n' "$line" >&3
  await_output "$line" 60
done

step "Closing the line server: the app ends by itself"
exec 3>&-
kill "$SERVER" 2> /dev/null || true
for _ in $(seq 1 300); do
  kill -0 "$APP_PID" 2> /dev/null || break
  sleep 0.2
done
kill -0 "$APP_PID" 2> /dev/null && fail "the app did not end within 60 s of the server closing"
wait "$APP_PID" || fail "the app ended with status $? (see $DEMO/app.log)"
grep -q "closed the connection" "$DEMO/app.log" || fail "the app did not say the server closed the connection"
step "Done. The project is in $APP; see its README.md"
