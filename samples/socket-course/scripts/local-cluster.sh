#!/usr/bin/env bash
# Runs a lesson on a real Spark standalone cluster on this machine: a master and one worker on
# loopback, started from the project's own Maven dependencies (no Spark download), and the thin
# jar submitted to them as spark-submit does. Ctrl-C, or the end of the stream, stops every
# process this script started.
#
# Usage: scripts/local-cluster.sh [host] [port]    the app of pom.xml's main.class, reading this line server
#        scripts/local-cluster.sh --class CLASS [--] [app arguments]
#                                                  another lesson, by its class name, with its arguments:
#        scripts/local-cluster.sh --class KafkaLinesApp -- --bootstrap-servers localhost:9092
# MASTER_PORT=7078 scripts/local-cluster.sh ...    to use another port for the master.
#
# The cluster's jars are Spark's own, as a Spark distribution's jars/ holds them: without Spark's
# Kafka connector, which spark-submit gets with --jars, as on a real cluster (docs/kafka.md).
set -euo pipefail
cd "$(dirname "$0")/.."

MASTER_PORT=${MASTER_PORT:-7078}
WORK=$PWD/target/local-cluster
MASTER_URL=spark://127.0.0.1:$MASTER_PORT
# This script is copied as it is, not rendered by the archetype: names come from pom.xml.
MAIN_CLASS=$(sed -n 's:.*<main.class>\(.*\)</main.class>.*:\1:p' pom.xml)
SCALA_BINARY_VERSION=$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' pom.xml)
if [ "${1:-}" = --class ]; then
  if [ -z "${2:-}" ]; then
    echo "error: --class needs a class name, such as KafkaLinesApp" >&2
    exit 2
  fi
  # A lesson's simple name is taken in the lessons' package, that of main.class.
  case "$2" in
    *.*) MAIN_CLASS=$2 ;;
    *) MAIN_CLASS=${MAIN_CLASS%.*}.$2 ;;
  esac
  shift 2
  if [ "${1:-}" = -- ]; then shift; fi
fi
# Spark's Kafka connector and what it brings that Spark itself does not: the jars a real cluster
# is given with --jars (or --packages) for lesson 5.
KAFKA_CONNECTOR=spark-sql-kafka-0-10_$SCALA_BINARY_VERSION,spark-token-provider-kafka-0-10_$SCALA_BINARY_VERSION,kafka-clients,commons-pool2

# Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
MVN=mvn
command -v mvn > /dev/null || MVN=./mvnw

echo "Preparing: Spark's jars from Maven into $WORK/spark-home/jars, its Kafka connector's into $WORK/kafka-jars, and the thin jar..." >&2
rm -rf "$WORK" && mkdir -p "$WORK/spark-home/jars" "$WORK/kafka-jars" "$WORK/work"
"$MVN" -q -B dependency:copy-dependencies -DincludeScope=runtime -DexcludeArtifactIds="$KAFKA_CONNECTOR" \
  -DoutputDirectory="$WORK/spark-home/jars"
"$MVN" -q -B dependency:copy-dependencies -DincludeScope=runtime -DincludeArtifactIds="$KAFKA_CONNECTOR" \
  -DoutputDirectory="$WORK/kafka-jars"
"$MVN" -q -B -Pcluster -DskipTests package
JAR=$(ls target/*-thin.jar)
# For --jars: comma-separated. Every lesson gets them, as one thin jar holds every lesson.
KAFKA_JARS=$(ls "$WORK"/kafka-jars/*.jar | paste -sd, -)

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
echo "Worker registered (log: $WORK/worker.log). Submitting $JAR, class $MAIN_CLASS..." >&2

# The driver runs here, in client mode, so the console batches appear in this terminal; it logs
# as the app does, not at Spark's INFO default. In the background, with the script waiting for
# it, so that Ctrl-C or kill reaches the traps at once, and they stop it (SIGTERM, which the app
# handles as Ctrl-C) with the cluster: a lesson that reads Kafka runs until stopped.
java @.mvn/jvm.config -Dlog4j2.configurationFile="$PWD/src/main/resources/log4j2.properties" \
  -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
  --master "$MASTER_URL" --deploy-mode client \
  --class "$MAIN_CLASS" --jars "$KAFKA_JARS" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.executor.memory=512m --conf spark.ui.enabled=false \
  "$JAR" "$@" &
PIDS+=($!)
wait $!
