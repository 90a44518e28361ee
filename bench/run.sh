#!/usr/bin/env bash
# Benchmarks the generated project against a Spark-guide baseline and prints a Markdown table.
# Usage: bench/run.sh [--spark-version V] [--no-verify] [--kafka-only | --state-only] [--state-batches N] [--state-rows N] [--runs N] [--lines N] [--rate N] [--burst N] [--bursts N]
#                     [--count-batches N] [--gen-runs N] [--continuous-interval TEXT] [--ours-trigger VALUE]
#                     [--ours-source-partitions N] [--baseline-jvm-flag FLAG]...
# Everything it writes goes under target/bench/ (logs: target/bench/logs/). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# exec: Ctrl-C reaches the Java driver, whose shutdown hook stops every process it started.
exec java bench/Bench.java "$@"
