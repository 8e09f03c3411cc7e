#!/usr/bin/env bash
# Retention benchmark: N sites × M days of stored crawls (StoredScoringBench's generator, copied day by day in SQL),
# the observation tables' size per site per month before retention, then the retention run with every day past
# rawDays, and the size after it (after VACUUM, and after VACUUM FULL: the live data). Checks on the way that a
# rescore of an old day equals its snapshot. Runs one embedded PostgreSQL; a few minutes at the defaults.
# Usage: docs/bench/retention.sh [sites, default 200] [days, default 30] [rawDays, default 90]
set -euo pipefail
cd "$(dirname "$0")/../.."
SITES="${1:-200}"; DAYS="${2:-30}"; RAW_DAYS="${3:-90}"

mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null \
    2>&1 || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.cp)"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "$CP" org.egovmonitor.bench.RetentionBench "$SITES" "$DAYS" "$RAW_DAYS" 2> >(grep -E \
    '^(filled|dry run|run|retention|rescore)' >&2)
