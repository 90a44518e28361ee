#!/usr/bin/env bash
# Renders every samples/<name>/ afresh with the real archetype plugin, from the parameters of the
# integration test of the same name (src/test/resources/projects/<name>/archetype.properties, as
# the build stamps it). Run it after changing the templates: 'mvn verify' fails while a sample is
# stale. Usage: src/samples/refresh.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/generate.sh

# From a clean build: a template moved or deleted would otherwise stay in target/classes, and so
# in the archetype the samples are generated from. (Not in install_archetype: the demo's test keeps
# its PATH under target/.)
mvn -q -B clean
install_archetype
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for sample in samples/*/; do
  name=$(basename "$sample")
  properties=target/test-classes/projects/$name/archetype.properties
  mkdir -p "$work/$name"
  # -D values from the properties file; printf %b turns its \uXXXX escapes back into letters.
  args=()
  while IFS='=' read -r key value; do
    case "$key" in '' | '#'*) continue ;; esac
    args+=("-D$key=$(printf '%b' "$value")")
  done < "$properties"
  generate "$work/$name" "${args[@]}"
  rm -rf "samples/$name"
  mv "$work/$name/$(grep '^artifactId=' "$properties" | cut -d= -f2)" "samples/$name"
  echo "refreshed samples/$name"
done
