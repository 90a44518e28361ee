#!/usr/bin/env bash
# Runs the app on a real Spark standalone cluster on this machine: a master and one worker on
# loopback, started from the project's own Maven dependencies (no Spark download), and the thin
# jar submitted to them as spark-submit does. Ctrl-C, or the end of the stream, stops every
# process this script started.
#
# Usage: scripts/local-cluster.sh [host] [port]   (the line server to read; defaults: the app's)
# MASTER_PORT=7078 scripts/local-cluster.sh ...    to use another port for the master.
set -euo pipefail
cd "$(dirname "$0")/.."

MASTER_PORT=${MASTER_PORT:-7078}
WORK=$PWD/target/local-cluster
MASTER_URL=spark://127.0.0.1:$MASTER_PORT
# This script is copied as it is, not rendered by the archetype: names come from pom.xml.
MAIN_CLASS=$(sed -n 's:.*<main.class>\(.*\)</main.class>.*:\1:p' pom.xml)
SCALA_BINARY_VERSION=$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' pom.xml)

# Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
MVN=mvn
command -v mvn > /dev/null || MVN=./mvnw

echo "Preparing: Spark's jars from Maven into $WORK/spark-home/jars, and the thin jar..." >&2
rm -rf "$WORK" && mkdir -p "$WORK/spark-home/jars" "$WORK/work"
"$MVN" -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/spark-home/jars"
"$MVN" -q -B -Pcluster -DskipTests package
JAR=$(ls target/*-thin.jar)

# What the master, the worker and the executors it starts need to find Spark and stay on loopback.
export SPARK_HOME=$WORK/spark-home
export SPARK_SCALA_VERSION=$SCALA_BINARY_VERSION
export SPARK_LOCAL_IP=127.0.0.1
SPARK_CP="$SPARK_HOME/jars/*"

PIDS=()
stop_all() {
  if [ ${#PIDS[@]} -gt 0 ]; then
    echo "Stopping the local cluster (pids: ${PIDS[*]})..." >&2
    kill "${PIDS[@]}" 2> /dev/null || true
    wait "${PIDS[@]}" 2> /dev/null || true
    PIDS=()
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Waits until a log file shows a line, or its process has died; gives up after two minutes.
await_log() {
  local file=$1 text=$2 pid=$3
  for _ in $(seq 1 600); do
    if grep -q "$text" "$file" 2> /dev/null; then return 0; fi
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "error: it stopped before '$text'; see $file:" >&2
      tail -20 "$file" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "error: no '$text' in $file after two minutes" >&2
  exit 1
}

java @.mvn/jvm.config -cp "$SPARK_CP" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MASTER_PORT" --webui-port 0 > "$WORK/master.log" 2>&1 &
PIDS+=($!)
await_log "$WORK/master.log" "I have been elected leader" $!
echo "Master running at $MASTER_URL (log: $WORK/master.log)" >&2

java @.mvn/jvm.config -cp "$SPARK_CP" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 1g --webui-port 0 --work-dir "$WORK/work" "$MASTER_URL" \
  > "$WORK/worker.log" 2>&1 &
PIDS+=($!)
await_log "$WORK/worker.log" "Successfully registered with master" $!
echo "Worker registered (log: $WORK/worker.log). Submitting $JAR..." >&2

# The driver runs here, in client mode, so the console batches appear in this terminal; it logs
# as the app does, not at Spark's INFO default.
java @.mvn/jvm.config -Dlog4j2.configurationFile="$PWD/src/main/resources/log4j2.properties" \
  -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
  --master "$MASTER_URL" --deploy-mode client \
  --class "$MAIN_CLASS" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.executor.memory=512m --conf spark.ui.enabled=false \
  "$JAR" "$@"
