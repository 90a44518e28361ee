#!/usr/bin/env bash
# Starts the project's Kafka broker for lesson 5: one node (broker and controller, KRaft mode) on
# 127.0.0.1, inside a JVM, from the project's Maven dependencies; nothing to install but a JDK.
# Its topics are kept under target/kafka-broker/ (mvn clean removes them). Ctrl-C stops it.
#
# Usage: scripts/kafka-broker.sh [port]   (default: 9092)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 1 ]; then
  echo "usage: $0 [port]   (default: 9092)" >&2
  exit 2
fi

# Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
MVN=mvn
command -v mvn > /dev/null || MVN=./mvnw
exec "$MVN" -q compile exec:java@kafka-broker "-Dexec.args=$*"
