#!/usr/bin/env bash
# Builds the app if its jar is missing or older than the sources, then runs it.
# Usage: scripts/run.sh [host] [port]     (defaults: 127.0.0.1 7777)
set -euo pipefail
cd "$(dirname "$0")/.."
# Maven: the one installed, else the project's wrapper (it downloads Maven once; only a JDK needed).
MVN=mvn
command -v mvn > /dev/null || MVN=./mvnw

JAR=target/sensor-stream-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src -newer "$JAR" -print -quit)" ]; then
  echo "Building $JAR (mvn package, tests skipped)..." >&2
  "$MVN" -q -B -DskipTests package
fi
# .mvn/jvm.config holds the JVM flags Spark needs on Java 17+; java reads them as an @-file.
exec java @.mvn/jvm.config -jar "$JAR" "$@"
