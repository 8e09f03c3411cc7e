#!/usr/bin/env bash
# What crawlWorkersPerNode: auto chooses for 100 / 2,000 / 14,000 sites on this machine (docs/benchmarks.md,
# "Self-sizing rounds (issue 13)"). Computed by CrawlWorkerSizing itself; no crawl is run.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d target/classes/org/egovmonitor/jobs ] || mvn -B -q -o compile
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -cp target/classes -d "$out" docs/bench/WorkerSizingTable.java
echo "| database.maxSize | max heap | seconds per site | nodes | 100 sites | 2,000 sites | 14,000 sites |"
echo "|---|---|---|---|---|---|---|"
java -cp "target/classes:$out" WorkerSizingTable
