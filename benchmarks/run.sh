#!/usr/bin/env bash
# Builds the benchmarks module (Maven profile "benchmarks") and runs every benchmark side by side:
# our tracker against Segment analytics-java and posthog-java. Prints one table and writes
# benchmarks/results/latest.json and latest.md, and the same table into the README's Performance section.
#
#   benchmarks/run.sh            the full suite (1M events per delivery run, 60 s of overload)
#   benchmarks/run.sh --quick    the quick suite (about 13 minutes on a quiet 2-core machine)
#   benchmarks/run.sh --quick --only=delivery,close    a subset (written to benchmarks/target/bench-partial):
#                                caller, delivery, steady, overload, close, spring, web, gate, outbox
#                                (web-in-memory, web-postgresql: the end-to-end rows of one store)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -Pbenchmarks -pl benchmarks -am -DskipTests package
exec java -Dbench.moduleDir=benchmarks -jar benchmarks/target/benchmarks.jar "$@"
