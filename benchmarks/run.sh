#!/usr/bin/env bash
# Builds the benchmarks module (Maven profile "benchmarks") and runs every benchmark side by side:
# our tracker against Segment analytics-java and posthog-java. Prints one table and writes
# benchmarks/results/latest.json and latest.md.
#
#   benchmarks/run.sh            the full suite (1M events per delivery run, 60 s of overload)
#   benchmarks/run.sh --quick    the quick suite (under 15 minutes on 2 cores)
#   benchmarks/run.sh --quick --only=delivery,close    a subset: caller, delivery, overload, close, spring
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -Pbenchmarks -pl benchmarks -am -DskipTests package
exec java -Dbench.moduleDir=benchmarks -jar benchmarks/target/benchmarks.jar "$@"
