#!/usr/bin/env bash
# Lesson 6's whole pipeline in one command, before reading a line of code: the project's Kafka
# broker, card payments sent into it at a steady rate, Spark reading them and saving fraud alerts
# to an SQL database (H2), killed with kill -9 in the middle of the stream and started again, and
# at the end the alerts table: each alert once. Spark's web UI is open while it runs.
#
# Everything it starts, it stops, Ctrl-C included. It works apart from the lessons: its own broker
# port and its own files under target/pipeline/ (started afresh each time), so lesson 5 and 6's
# broker, topics and saved/ are left as they are.
#
# Usage: scripts/pipeline.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then
  echo "usage: $0   (no arguments: it runs the pipeline of lesson 6 from start to end)" >&2
  exit 2
fi
# Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
MVN=mvn
command -v mvn > /dev/null || MVN=./mvnw

BROKER_PORT=9094
SERVERS=127.0.0.1:$BROKER_PORT
RATE=20
WORK=target/pipeline
ALERTS_ARGS="--bootstrap-servers $SERVERS --database $WORK/alerts --checkpoint $WORK/alerts-checkpoint"
START=$(date +%s)
# Maven may start its output with terminal colour codes: they are left out before matching.
ESC=$(printf '\033')

# The processes started here, stopped on the way out whatever the way: the end, an error, Ctrl-C.
# Started in the background, they ignore Ctrl-C themselves (the shell's rule for background jobs),
# so they get SIGTERM, which stops each as Ctrl-C would (its shutdown hooks run).
STARTED=""
stop_everything() {
  local pid
  for pid in $STARTED; do
    kill -TERM "$pid" 2> /dev/null || true
  done
  for pid in $STARTED; do
    local waited=0
    while kill -0 "$pid" 2> /dev/null && [ $waited -lt 300 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL "$pid" 2> /dev/null || true
  done
  STARTED=""
}
trap stop_everything EXIT
trap 'echo; echo "Ctrl-C: stopping everything this script started..."; stop_everything; echo "Stopped."; exit 130' INT TERM

say() {
  echo "[pipeline $(($(date +%s) - START)) s] $*"
}

# What the lesson prints that tells the story, shown as it comes; the rest stays in its log.
SHOWN=0
show_lesson_lines() {
  local lines
  lines=$(wc -l < "$WORK/alerts.log")
  if [ "$lines" -gt "$SHOWN" ]; then
    sed -n "$((SHOWN + 1)),${lines}p" "$WORK/alerts.log" | sed "s/$ESC\[[0-9;]*m//g" \
      | grep -E "^(ALERT|rejected|Process id|Spark's web UI|caught up|Waiting for payments|error)" \
      | sed 's/^/    lesson 6 | /' || true
    SHOWN=$lines
  fi
}

# wait_for WHAT SECONDS PID CONDITION...: polls the condition (a command) until it holds; fails in
# one line, pointing at the logs, if the process PID ends first or the time runs out.
wait_for() {
  local what=$1 seconds=$2 pid=$3 waited=0
  shift 3
  until "$@"; do
    show_lesson_lines
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "error: it ended before $what; its output is in $WORK/ (*.log)" >&2
      tail -n 5 "$WORK"/*.log >&2 || true
      exit 1
    fi
    if [ $waited -ge $((seconds * 5)) ]; then
      echo "error: no $what within $seconds s; the output so far is in $WORK/ (*.log)" >&2
      exit 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  show_lesson_lines
}
count() {
  sed "s/$ESC\[[0-9;]*m//g" "$1" 2> /dev/null | grep -c -E "$2" || true
}
has_at_least() {
  [ "$(count "$1" "$2")" -ge "$3" ]
}

start_lesson() {
  "$MVN" -q -B exec:java@alerts "-Dexec.args=$ALERTS_ARGS" >> "$WORK/alerts.log" 2>&1 &
  LESSON=$!
  STARTED="$STARTED $LESSON"
}

rm -rf "$WORK" "target/kafka-broker/port-$BROKER_PORT"
mkdir -p "$WORK"
touch "$WORK/alerts.log"

say "Compiling the project (mvn -q compile)..."
"$MVN" -q -B compile

say "Starting the Kafka broker on $SERVERS (log: $WORK/broker.log)..."
"$MVN" -q -B exec:java@kafka-broker "-Dexec.args=$BROKER_PORT" > "$WORK/broker.log" 2>&1 &
BROKER=$!
STARTED="$STARTED $BROKER"
wait_for "the broker to be ready" 180 $BROKER has_at_least "$WORK/broker.log" 'Kafka broker ready' 1

say "Starting lesson 6, FraudAlertsApp (log: $WORK/alerts.log)..."
start_lesson
wait_for "lesson 6 to wait for payments" 300 $LESSON has_at_least "$WORK/alerts.log" '^Waiting for payments' 1

say "Sending the card payments of data/transactions.csv, $RATE a second, keyed by card (log: $WORK/send.log)..."
"$MVN" -q -B exec:java@kafka-send \
  "-Dexec.args=--bootstrap-servers $SERVERS --topic payments --file data/transactions.csv --key-field 3 --rate $RATE" \
  > "$WORK/send.log" 2>&1 &
SENDER=$!
STARTED="$STARTED $SENDER"
wait_for "a batch of payments processed" 180 $LESSON has_at_least "$WORK/alerts.log" '^batch [0-9]+ of fraud-alerts: [1-9]' 1

PID=$(sed "s/$ESC\[[0-9;]*m//g" "$WORK/alerts.log" | sed -n 's/^Process id \([0-9][0-9]*\):.*/\1/p' | tail -n 1)
say "kill -9 $PID: lesson 6 dies in the middle of the stream, as in a crash, while payments still come."
kill -9 "$PID"
# The shell reports a job killed by a signal: the report goes where wait's errors go.
wait "$LESSON" 2> /dev/null || true

say "Starting lesson 6 again: it goes on from its checkpoint..."
start_lesson
wait_for "lesson 6 to start again" 300 $LESSON has_at_least "$WORK/alerts.log" '^Waiting for payments' 2
wait_for "every payment sent" 300 $SENDER has_at_least "$WORK/send.log" '^Sent [0-9]+ lines' 1

say "Sending data/transactions-malformed.csv: lines that are not payments, to be rejected and counted..."
CAUGHT_UP=$(count "$WORK/alerts.log" '^caught up')
"$MVN" -q -B exec:java@kafka-send \
  "-Dexec.args=--bootstrap-servers $SERVERS --topic payments --file data/transactions-malformed.csv" \
  >> "$WORK/send.log" 2>&1
# Both queries say once they have read everything: then every window that could close has closed.
wait_for "lesson 6 to catch up" 300 $LESSON has_at_least "$WORK/alerts.log" '^caught up' $((CAUGHT_UP + 2))

say "The alerts table, read while lesson 6 still runs (mvn -q exec:java@show-alerts):"
"$MVN" -q -B exec:java@show-alerts "-Dexec.args=--database $WORK/alerts" | sed -e "s/$ESC\[[0-9;]*m//g" -e '/^$/d' -e 's/^/    /'

say "Stopping lesson 6 and the broker..."
stop_everything
say "Done: each alert once, though lesson 6 was killed mid-stream. Now read lesson 6 in README.md."
