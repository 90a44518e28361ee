#!/usr/bin/env bash
# Renders every samples/<name>/ afresh from samples/<name>.properties with the real archetype
# plugin. Run it after changing the templates; 'mvn verify' fails while a sample is stale.
# Usage: src/samples/refresh.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -q -B install -DskipTests -Darchetype.test.skip=true -Dinvoker.skip=true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for properties in samples/*.properties; do
  name=$(basename "$properties" .properties)
  mkdir -p "$work/$name"
  # -D values from the properties file, whose keys are the archetype's parameters; printf %b
  # turns its \uXXXX escapes back into letters.
  args=()
  while IFS='=' read -r key value; do
    case "$key" in '' | '#'*) continue ;; esac
    args+=("-D$key=$(printf '%b' "$value")")
  done < "$properties"
  (cd "$work/$name" && mvn -q -B org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate \
    -DarchetypeCatalog=local -DarchetypeGroupId=io.github.sparkstarter \
    -DarchetypeArtifactId=spark-socket-archetype -DarchetypeVersion=1.0.0-SNAPSHOT "${args[@]}")
  rm -rf "samples/$name"
  mv "$work/$name/$(grep '^artifactId=' "$properties" | cut -d= -f2)" "samples/$name"
  echo "refreshed samples/$name"
done
