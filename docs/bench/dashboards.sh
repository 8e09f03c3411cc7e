#!/usr/bin/env bash
# Dashboard benchmark: each page of the demo city loaded in headless Chromium until its data is shown and its charts
# drawn, then the office ranking and matrix with 15,000 units in one peer group. Needs chromium + chromium-driver.
# Usage: docs/bench/dashboards.sh [loads] [units]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null \
    2>&1 || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr), $(chromium --version)"
java -Xmx2g -cp "$CP" org.egovmonitor.bench.DashboardBench "${1:-7}" "${2:-15000}" 2>&1 \
    | grep -E 'median|Exception|Error' || true
